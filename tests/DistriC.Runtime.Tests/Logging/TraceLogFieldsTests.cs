using System;
using System.Collections.Generic;
using System.IO;
using DistriC.Infrastructure;
using DistriC.Runtime.Tests.Tracing;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

/// <summary>Every line written while a span is active carries its trace_id and span_id right after the fixed fields.</summary>
public sealed class TraceLogFieldsTests
{
    private const string Fixed = "{\"timestamp\":1704067200000,\"level\":\"INFO\",\"component\":\"c\",\"message\":\"m\"";
    private static readonly KeyValuePair<string, string?>[] Fields = [new("k", "v")];

    [Fact]
    public void Write_and_the_generated_prologue_add_the_active_spans_ids_after_the_fixed_fields()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceContext.Extract("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", out TraceContext remote);
        TraceSpan span = tracer.StartSpanFromContext(remote, "op");
        string ids = $",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"{span.SpanId}\"";

        string[] lines = WriteLines(logger =>
        {
            using (span.Activate())
            {
                logger.Write(LogLevel.Info, "c", "m", Fields);
                Assert.True(LogEntryWriter.TryBegin(logger, LogLevel.Info, ",\"level\":\"INFO\",\"component\":\"c\",\"message\":\"m\""u8, out LogEntryWriter w));
                w.AppendString(",\"k\":"u8, "v");
                w.Commit();
            }

            logger.Write(LogLevel.Info, "c", "m", Fields); // after the scope: no span, no ids
        });

        Assert.Equal([Fixed + ids + ",\"k\":\"v\"}", Fixed + ids + ",\"k\":\"v\"}", Fixed + ",\"k\":\"v\"}"], lines);
    }

    [Fact]
    public void A_sampled_out_span_still_puts_its_trace_id_on_the_line()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceContext.Extract("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", out TraceContext remote);
        TraceSpan span = tracer.StartSpanFromContext(remote, "op");
        Assert.False(span.IsRecording);

        string[] lines = WriteLines(logger =>
        {
            using (span.Activate())
            {
                logger.Write(LogLevel.Info, "c", "m", Fields);
            }
        });

        Assert.Equal(Fixed + $",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"{span.SpanId}\",\"k\":\"v\"}}", Assert.Single(lines));
    }

    [Fact]
    public void Writing_with_an_active_span_allocates_nothing()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        using var logger = new JsonLogger(Stream.Null, new JsonLoggerOptions { RingCapacity = 1 << 22 });
        TraceSpan span = tracer.StartSpan("op");
        using ActiveSpanScope scope = span.Activate();
        for (int i = 0; i < 100; i++)
        {
            logger.Write(LogLevel.Info, "c", "m", Fields);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            logger.Write(LogLevel.Info, "c", "m", Fields);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string[] WriteLines(Action<JsonLogger> write)
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock() }))
        {
            write(logger);
        }

        LogLines.Parse(output.ToArray()); // valid JSON, one object per line
        return [.. LogLines.Split(output.ToArray())];
    }
}
