using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using DistriC.Logging;

namespace DistriC.Runtime.Tests.Logging;

public sealed class JsonEscapingTests
{
    // Characters a hostile input is built from: controls, JSON metacharacters, ASCII, BMP non-ASCII,
    // both surrogate halves on their own (they may pair up by chance, which is then valid), and non-BMP pairs.
    private static readonly string[] Pieces =
    {
        "\u0000", "\u0001", "\u001F", "\b", "\f", "\n", "\r", "\t", "\"", "\\", "/", "a", "Z", " ", "\u007F",
        "é", "\u2028", "\uFFFE", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "😀", "\U0010FFFF", "{\"x\":1}",
    };

    [Fact]
    public void Randomised_hostile_strings_always_give_valid_json_that_decodes_to_the_input()
    {
        var random = new Random(20240101);
        using var output = new MemoryStream();
        var expected = new List<(string Component, string Message, string Value)>();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, MaxEntryBytes = 1 << 20 }))
        {
            for (int i = 0; i < 400; i++)
            {
                // Mostly short strings, sometimes very long ones (up to 20 000 pieces).
                string component = Hostile(random, random.Next(0, 8));
                string message = Hostile(random, random.Next(0, 40));
                string value = Hostile(random, i % 40 == 0 ? 20_000 : random.Next(0, 200));
                Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Warn, component, message, new KeyValuePair<string, string?>(Hostile(random, 6), value)));
                expected.Add((component, message, value));
            }
        }

        List<JsonElement> lines = LogLines.Parse(output.ToArray());
        Assert.Equal(expected.Count, lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            Assert.Equal(ReplaceLoneSurrogates(expected[i].Component), lines[i].GetProperty("component").GetString());
            Assert.Equal(ReplaceLoneSurrogates(expected[i].Message), lines[i].GetProperty("message").GetString());
            using JsonElement.ObjectEnumerator fields = lines[i].EnumerateObject();
            for (int skip = 0; skip < 5; skip++)
            {
                Assert.True(fields.MoveNext());
            }

            Assert.Equal(ReplaceLoneSurrogates(expected[i].Value), fields.Current.Value.GetString());
        }
    }

    [Fact]
    public void Runtime_encoder_and_the_generator_shared_encoder_produce_identical_bytes()
    {
        var random = new Random(7);
        var buffer = new byte[1 << 16];
        for (int i = 0; i < 2000; i++)
        {
            string value = Hostile(random, random.Next(0, 60));
            Assert.True(JsonUtf8.TryWriteQuoted(value, buffer, out int written));
            Assert.Equal(Encoding.UTF8.GetBytes(LogFormat.Quote(value)), buffer.AsSpan(0, written).ToArray());
        }
    }

    [Fact]
    public void Encoder_reports_too_small_destinations_instead_of_truncating()
    {
        var buffer = new byte[16];
        for (int size = 0; size < 10; size++)
        {
            Assert.False(JsonUtf8.TryWriteQuoted("\u0001é\"x", buffer.AsSpan(0, size), out _));
        }

        Assert.True(JsonUtf8.TryWriteQuoted("\u0001é\"x", buffer.AsSpan(0, 15), out int written));
        Assert.Equal("\"\\u0001é\\\"x\"", Encoding.UTF8.GetString(buffer, 0, written));
    }

    private static string Hostile(Random random, int pieces)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    private static string ReplaceLoneSurrogates(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(value, i, 2);
                i++;
            }
            else
            {
                sb.Append(char.IsSurrogate(value[i]) ? '\uFFFD' : value[i]);
            }
        }

        return sb.ToString();
    }
}
