using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

public sealed class JsonLoggerFormatTests
{
    private static JsonLogger SyncLogger(Stream output, int maxEntryBytes = 4096, LogLevel minimum = LogLevel.Debug) =>
        new(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock(), MaxEntryBytes = maxEntryBytes, MinimumLevel = minimum });

    private static KeyValuePair<string, string?> F(string key, string? value) => new(key, value);

    [Fact]
    public void Sync_write_produces_the_documented_line_byte_for_byte()
    {
        using var output = new MemoryStream();
        using (JsonLogger logger = SyncLogger(output))
        {
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "http", "Request received", F("method", "GET"), F("path", "/api")));
        }

        Assert.Equal(
            "{\"timestamp\":1704067200000,\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"method\":\"GET\",\"path\":\"/api\"}\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Seed_sync_logging_writes_each_call_immediately_with_fields_in_order()
    {
        using var output = new MemoryStream();
        using JsonLogger logger = SyncLogger(output);
        logger.Write(LogLevel.Info, "test", "Simple info message");
        logger.Write(LogLevel.Warn, "test", "Warning message", F("code", "404"));
        logger.Write(LogLevel.Error, "test", "Error occurred", F("error", "File not found"), F("path", "/tmp/missing"));

        List<JsonElement> lines = LogLines.Parse(output.ToArray());
        Assert.Equal(3, lines.Count);
        Assert.Equal("404", lines[1].GetProperty("code").GetString());
        var names = new List<string>();
        foreach (JsonProperty p in lines[2].EnumerateObject())
        {
            names.Add(p.Name);
        }

        Assert.Equal(new[] { "timestamp", "level", "component", "message", "error", "path" }, names);
        Assert.Equal(3, logger.WrittenCount);
    }

    [Fact]
    public void Every_level_is_written_with_the_seed_spelling()
    {
        using var output = new MemoryStream();
        using (JsonLogger logger = SyncLogger(output))
        {
            foreach (LogLevel level in Enum.GetValues<LogLevel>())
            {
                Assert.Equal(DistricStatus.Ok, logger.Write(level, "test", level + " message"));
            }
        }

        string[] levels = LogLines.Parse(output.ToArray()).ConvertAll(e => e.GetProperty("level").GetString()!).ToArray();
        Assert.Equal(new[] { "DEBUG", "INFO", "WARN", "ERROR", "FATAL" }, levels);
    }

    [Fact]
    public void Levels_below_the_minimum_are_skipped_and_the_minimum_can_change()
    {
        using var output = new MemoryStream();
        using JsonLogger logger = SyncLogger(output, minimum: LogLevel.Warn);
        Assert.False(logger.IsEnabled(LogLevel.Info));
        Assert.True(logger.IsEnabled(LogLevel.Warn));
        Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "test", "skipped"));
        Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Error, "test", "kept"));
        logger.MinimumLevel = LogLevel.Debug;
        logger.Write(LogLevel.Debug, "test", "now kept");

        List<JsonElement> lines = LogLines.Parse(output.ToArray());
        Assert.Equal(new[] { "kept", "now kept" }, lines.ConvertAll(e => e.GetProperty("message").GetString()!).ToArray());
    }

    [Fact]
    public void Seed_escaping_case_quotes_backslashes_newline_and_tab()
    {
        using var output = new MemoryStream();
        using (JsonLogger logger = SyncLogger(output))
        {
            logger.Write(LogLevel.Info, "test", "Message with \"quotes\" and \\backslash\\", F("key", "value with\nnewline and\ttab"));
        }

        string line = LogLines.Split(output.ToArray())[0];
        Assert.Contains("\"message\":\"Message with \\\"quotes\\\" and \\\\backslash\\\\\"", line, StringComparison.Ordinal);
        Assert.Contains("\"key\":\"value with\\nnewline and\\ttab\"", line, StringComparison.Ordinal);
        JsonElement parsed = LogLines.Parse(output.ToArray())[0];
        Assert.Equal("value with\nnewline and\ttab", parsed.GetProperty("key").GetString());
    }

    [Fact]
    public void Control_characters_surrogates_and_non_ascii_are_encoded_per_rfc_8259()
    {
        using var output = new MemoryStream();
        using (JsonLogger logger = SyncLogger(output))
        {
            logger.Write(LogLevel.Info, "c\u0001", "\u0000\u001F\b\f\r\u007F é 😀 \uD800x\uDC00", F("k\"ey", null));
        }

        string line = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(
            "{\"timestamp\":1704067200000,\"level\":\"INFO\",\"component\":\"c\\u0001\",\"message\":\"\\u0000\\u001F\\b\\f\\r\u007F é 😀 \uFFFDx\uFFFD\",\"k\\\"ey\":null}\n",
            line);
    }

    [Fact]
    public void Null_component_and_message_become_empty_and_null_keys_are_skipped()
    {
        using var output = new MemoryStream();
        using (JsonLogger logger = SyncLogger(output))
        {
            logger.Write(LogLevel.Info, null!, null!, new KeyValuePair<string, string?>(null!, "x"), F("a", "b"));
        }

        Assert.EndsWith(",\"component\":\"\",\"message\":\"\",\"a\":\"b\"}\n", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_level_is_rejected_without_output()
    {
        using var output = new MemoryStream();
        using JsonLogger logger = SyncLogger(output);
        Assert.Equal(DistricStatus.InvalidArgument, logger.Write((LogLevel)7, "test", "x"));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void An_entry_one_byte_over_the_limit_is_dropped_whole_and_one_at_the_limit_is_kept()
    {
        const int limit = 256;
        using var output = new MemoryStream();
        using JsonLogger logger = SyncLogger(output, limit);
        string prefix = "{\"timestamp\":1704067200000,\"level\":\"INFO\",\"component\":\"c\",\"message\":\"";
        int fill = limit - prefix.Length - "\"}\n".Length;

        Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", new string('a', fill)));
        Assert.Equal(DistricStatus.BufferOverflow, logger.Write(LogLevel.Info, "c", new string('a', fill + 1)));
        Assert.Equal(DistricStatus.BufferOverflow, logger.Write(LogLevel.Info, "c", "m", F("big", new string('\u0001', limit))));

        List<string> lines = LogLines.Split(output.ToArray());
        Assert.Single(lines);
        Assert.Equal(limit, Encoding.UTF8.GetByteCount(lines[0]) + 1);
        Assert.Equal(2, logger.OversizedDropCount);
        Assert.Equal(0, logger.DroppedCount);
    }

    [Fact]
    public void Writes_after_dispose_return_shutdown()
    {
        using var output = new MemoryStream();
        JsonLogger logger = SyncLogger(output);
        logger.Dispose();
        logger.Dispose();
        Assert.Equal(DistricStatus.Shutdown, logger.Write(LogLevel.Info, "c", "m"));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Sync_mode_reports_io_failure_and_unhealthy_writer_without_throwing()
    {
        using var output = new FailingStream();
        using JsonLogger logger = SyncLogger(output);
        Assert.True(logger.IsWriterHealthy);
        Assert.Equal(DistricStatus.IOFailure, logger.Write(LogLevel.Error, "c", "m"));
        Assert.False(logger.IsWriterHealthy);
        Assert.Equal(1, logger.WriteFailureCount);
    }

    [Fact]
    public void Real_clock_timestamps_are_unix_milliseconds()
    {
        using var output = new MemoryStream();
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync }))
        {
            logger.Write(LogLevel.Info, "c", "m");
        }

        long after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long stamp = LogLines.Parse(output.ToArray())[0].GetProperty("timestamp").GetInt64();
        Assert.InRange(stamp, before, after);
    }

    [Fact]
    public void Options_are_validated()
    {
        using var output = new MemoryStream();
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonLogger(output, new JsonLoggerOptions { MaxEntryBytes = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonLogger(output, new JsonLoggerOptions { RingCapacity = 4096, MaxEntryBytes = 4096 }));
        Assert.Throws<ArgumentNullException>(() => new JsonLogger(null!, new JsonLoggerOptions()));
        using var logger = new JsonLogger(output, new JsonLoggerOptions { RingCapacity = 5000, MaxEntryBytes = 1024 });
        Assert.Equal(8192, logger.RingCapacity);
    }
}
