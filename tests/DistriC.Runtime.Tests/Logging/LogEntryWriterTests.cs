using System;
using System.IO;
using System.Text;
using DistriC.Infrastructure;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

public sealed class LogEntryWriterTests
{
    private static string WriteOne(Action<JsonLogger> write)
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock() }))
        {
            write(logger);
        }

        LogLines.Parse(output.ToArray());
        string line = Encoding.UTF8.GetString(output.ToArray());
        const string Prefix = "{\"timestamp\":1704067200000,\"level\":\"INFO\",\"component\":\"c\",\"message\":\"m\"";
        Assert.StartsWith(Prefix, line, StringComparison.Ordinal);
        return line[Prefix.Length..];
    }

    private static ReadOnlySpan<byte> Header => ",\"level\":\"INFO\",\"component\":\"c\",\"message\":\"m\""u8;

    [Fact]
    public void Typed_values_keep_their_json_type()
    {
        string fields = WriteOne(logger =>
        {
            var w = new LogEntryWriter(logger, Header);
            w.AppendNumber(",\"i\":"u8, int.MinValue);
            w.AppendNumber(",\"u\":"u8, ulong.MaxValue);
            w.AppendNumber(",\"b\":"u8, (byte)7);
            w.AppendNumber(",\"m\":"u8, 12.50m);
            w.AppendDouble(",\"d\":"u8, 0.1);
            w.AppendDouble(",\"e\":"u8, 1e300);
            w.AppendSingle(",\"f\":"u8, 0.1f);
            w.AppendBoolean(",\"t\":"u8, true);
            w.AppendChar(",\"c\":"u8, '"');
            w.AppendNull(",\"n\":"u8);
            Assert.Equal(DistricStatus.Ok, w.Commit());
        });

        Assert.Equal(",\"i\":-2147483648,\"u\":18446744073709551615,\"b\":7,\"m\":12.50,\"d\":0.1,\"e\":1E+300,\"f\":0.1,\"t\":true,\"c\":\"\\\"\",\"n\":null}\n", fields);
    }

    [Fact]
    public void Non_finite_floats_are_written_as_strings_because_json_numbers_cannot_hold_them()
    {
        string fields = WriteOne(logger =>
        {
            var w = new LogEntryWriter(logger, Header);
            w.AppendDouble(",\"a\":"u8, double.NaN);
            w.AppendDouble(",\"b\":"u8, double.PositiveInfinity);
            w.AppendSingle(",\"c\":"u8, float.NegativeInfinity);
            w.Commit();
        });

        Assert.Equal(",\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\"}\n", fields);
    }

    [Fact]
    public void Guid_dates_and_time_spans_are_iso_strings()
    {
        var guid = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        string fields = WriteOne(logger =>
        {
            var w = new LogEntryWriter(logger, Header);
            w.AppendGuid(",\"g\":"u8, guid);
            w.AppendDateTime(",\"dt\":"u8, new DateTime(2024, 2, 29, 13, 14, 15, 123, DateTimeKind.Utc));
            w.AppendDateTimeOffset(",\"dto\":"u8, new DateTimeOffset(2024, 2, 29, 13, 14, 15, TimeSpan.FromHours(2)));
            w.AppendTimeSpan(",\"ts\":"u8, new TimeSpan(1, 2, 3, 4, 500));
            w.AppendQuotedNumber(",\"q\":"u8, 42);
            w.Commit();
        });

        Assert.Equal(
            ",\"g\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"dt\":\"2024-02-29T13:14:15.1230000Z\",\"dto\":\"2024-02-29T13:14:15.0000000+02:00\",\"ts\":\"1.02:03:04.5000000\",\"q\":\"42\"}\n",
            fields);
    }

    [Fact]
    public void Exceptions_become_a_nested_object_with_type_message_and_stack_trace()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("bad \"state\"");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync }))
        {
            var w = new LogEntryWriter(logger, Header);
            w.AppendException(",\"error\":"u8, thrown);
            w.AppendException(",\"none\":"u8, null);
            w.Commit();
        }

        var line = LogLines.Parse(output.ToArray())[0];
        Assert.Equal("System.InvalidOperationException", line.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("bad \"state\"", line.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(thrown.StackTrace, line.GetProperty("error").GetProperty("stack_trace").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("none").ValueKind);
    }

    [Fact]
    public void Commit_twice_is_rejected_and_writes_one_line()
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync }))
        {
            var w = new LogEntryWriter(logger, Header);
            Assert.Equal(DistricStatus.Ok, w.Commit());
            Assert.Equal(DistricStatus.InvalidState, w.Commit());
        }

        Assert.Single(LogLines.Split(output.ToArray()));
    }

    [Fact]
    public void Writing_a_log_entry_allocates_nothing_in_steady_state()
    {
        using var logger = new JsonLogger(Stream.Null, new JsonLoggerOptions { RingCapacity = 1 << 22 });
        var fields = new[] { new System.Collections.Generic.KeyValuePair<string, string?>("method", "GET") };
        for (int i = 0; i < 100; i++)
        {
            Write(logger, fields);
        }

        // Warm the active-span path too: a test running in parallel that activates its first span flips the process-wide
        // flag mid-measurement, and that path's first run (static initialisation) must not be counted here.
        using (var spans = new Tracing.CollectingExporter())
        using (Tracer tracer = Tracing.TestTracers.Manual(spans))
        {
            TraceSpan span = tracer.StartSpan("warm-up");
            using (span.Activate())
            {
                for (int i = 0; i < 100; i++)
                {
                    Write(logger, fields);
                }
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Write(logger, fields);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Write(JsonLogger logger, System.Collections.Generic.KeyValuePair<string, string?>[] fields)
    {
        logger.Write(LogLevel.Info, "http", "Request received", fields);
        var w = new LogEntryWriter(logger, Header);
        w.AppendString(",\"path\":"u8, "/api/\u00e9");
        w.AppendNumber(",\"status\":"u8, 200);
        w.AppendDouble(",\"d\":"u8, 1.5);
        w.AppendGuid(",\"g\":"u8, Guid.Empty);
        w.AppendDateTime(",\"t\":"u8, DateTime.UnixEpoch);
        w.Commit();
    }

    [Fact]
    public void TryBegin_starts_a_line_only_for_a_logger_whose_level_is_enabled_and_says_why_not()
    {
        Assert.False(LogEntryWriter.TryBegin(null, LogLevel.Info, Header, out _, out DistricStatus noLogger));
        Assert.Equal(DistricStatus.InvalidArgument, noLogger);

        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock(), MinimumLevel = LogLevel.Warn }))
        {
            Assert.False(LogEntryWriter.TryBegin(logger, LogLevel.Info, Header, out _, out DistricStatus disabled));
            Assert.Equal(DistricStatus.Ok, disabled);
            Assert.True(LogEntryWriter.TryBegin(logger, LogLevel.Error, ",\"level\":\"ERROR\",\"component\":\"c\",\"message\":\"m\""u8, out LogEntryWriter w));
            Assert.Equal(DistricStatus.Ok, w.Commit());
        }

        Assert.Equal("{\"timestamp\":1704067200000,\"level\":\"ERROR\",\"component\":\"c\",\"message\":\"m\"}\n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
