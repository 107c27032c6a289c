using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DistriC.Hosting.Tests.Support;

/// <summary>Parses JSON-lines log output strictly: every line must be one complete JSON object.</summary>
public static class JsonLines
{
    /// <summary>The objects of <paramref name="utf8"/>, in order; fails the test on a partial last line or invalid JSON.</summary>
    public static IReadOnlyList<JsonElement> Parse(byte[] utf8) => Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>The objects of <paramref name="text"/>, in order; fails the test on a partial last line or invalid JSON.</summary>
    public static IReadOnlyList<JsonElement> Parse(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = new List<JsonElement>();
        foreach (string line in text[..^1].Split('\n'))
        {
            lines.Add(ParseLine(line));
        }

        return lines;
    }

    /// <summary>One line as a JSON object; fails the test with the line in the message when it is not one.</summary>
    public static JsonElement ParseLine(string line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON object: {line}\n{e.Message}");
        }
    }

    /// <summary>The property names of a line, in order.</summary>
    public static string[] Names(JsonElement line) => line.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A string property.</summary>
    public static string? Text(JsonElement line, string name) => line.GetProperty(name).GetString();
}
