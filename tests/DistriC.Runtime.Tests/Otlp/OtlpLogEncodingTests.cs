using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.Infrastructure;
using DistriC.Otlp.Logs;
using DistriC.Otlp.Protobuf;
using DistriC.Runtime.Tests.Otlp.Support;
using DistriC.Runtime.Tests.Tracing;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// JSON log lines fed to an <see cref="OtlpLogExporter"/> sink arrive at a loopback receiver as OTLP LogRecords, read back
/// with the test's own protobuf decoder: time, severity, body, attributes with their JSON types, trace and span IDs, and
/// strings exactly as the logger encoded them; the stream sink beside it gets the same lines.
/// </summary>
public sealed class OtlpLogEncodingTests
{
    private const ulong FixedNanos = FixedClock.UnixMilliseconds * 1_000_000;
    private static readonly OtlpResource Resource = OtlpResource.Create("log-encoding-test", "2.0.0");

    [Fact]
    public async Task A_line_becomes_a_record_with_time_severity_body_typed_attributes_and_the_active_spans_ids()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        using var stream = new MemoryStream();
        using var spans = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(spans);
        TraceContext.Extract("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", out TraceContext remote);
        TraceSpan span = tracer.StartSpanFromContext(remote, "GET /orders");

        SendThroughLogger(receiver, stream, logger =>
        {
            using (span.Activate())
            {
                Assert.True(LogEntryWriter.TryBegin(logger, LogLevel.Warn, ",\"level\":\"WARN\",\"component\":\"orders\",\"message\":\"Order stored\""u8, out LogEntryWriter w));
                w.AppendString(",\"customer\":"u8, "c-17");
                w.AppendNumber(",\"items\":"u8, 3);
                w.AppendNumber(",\"negative\":"u8, -42L);
                w.AppendNumber(",\"big\":"u8, ulong.MaxValue);
                w.AppendDouble(",\"ratio\":"u8, 0.25);
                w.AppendNumber(",\"price\":"u8, 19.99m);
                w.AppendDouble(",\"nan\":"u8, double.NaN);
                w.AppendBoolean(",\"paid\":"u8, false);
                w.AppendBoolean(",\"gift\":"u8, true);
                w.AppendNull(",\"coupon\":"u8);
                w.AppendException(",\"error\":"u8, new InvalidOperationException("boom"));
                w.AppendRaw(",\"tags\":[1,\"a\",true]"u8); // what the ILogger bridge writes for a sequence
                Assert.Equal(DistricStatus.Ok, w.Commit());
            }
        });

        ProtoMessage record = Assert.Single(LogRecords.Of(receiver.Requests.Select(r => r.Body)));
        Assert.Equal(FixedNanos, record.One(LogRecords.TimeUnixNano, 1).Scalar);
        Assert.Equal(FixedNanos, record.One(LogRecords.ObservedTimeUnixNano, 1).Scalar);
        Assert.Equal(13UL, record.One(LogRecords.SeverityNumber, 0).Scalar);
        Assert.Equal("WARN", record.One(LogRecords.SeverityText, 2).Text);
        Assert.Equal(new TypedValue("string", "Order stored"), LogRecords.BodyOf(record));
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", LogRecords.Hex(record, LogRecords.TraceId));
        Assert.Equal(span.SpanId.ToString(), LogRecords.Hex(record, LogRecords.SpanId));

        List<(string Key, TypedValue Value)> attributes = LogRecords.AttributesOf(record);
        Assert.Equal(
            ["component", "customer", "items", "negative", "big", "ratio", "price", "nan", "paid", "gift", "coupon", "error", "tags"],
            attributes.Select(a => a.Key));
        var scalars = attributes.Where(a => a.Value.Type is not ("kvlist" or "array")).ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(new TypedValue("string", "orders"), scalars["component"]);
        Assert.Equal(new TypedValue("string", "c-17"), scalars["customer"]);
        Assert.Equal(new TypedValue("int", 3L), scalars["items"]);
        Assert.Equal(new TypedValue("int", -42L), scalars["negative"]);
        Assert.Equal(new TypedValue("string", "18446744073709551615"), scalars["big"]); // exact, not a rounded double
        Assert.Equal(new TypedValue("double", 0.25), scalars["ratio"]);
        Assert.Equal(new TypedValue("double", 19.99), scalars["price"]);
        Assert.Equal(new TypedValue("string", "NaN"), scalars["nan"]); // the logger writes non-finite numbers as strings
        Assert.Equal(new TypedValue("bool", false), scalars["paid"]);
        Assert.Equal(new TypedValue("bool", true), scalars["gift"]);
        Assert.Equal(new TypedValue("empty", null), scalars["coupon"]);
        var error = (List<(string Key, TypedValue Value)>)attributes.Single(a => a.Key == "error").Value.Value!;
        Assert.Equal(
            [("type", new TypedValue("string", "System.InvalidOperationException")), ("message", new TypedValue("string", "boom")), ("stack_trace", new TypedValue("empty", null))],
            error);
        var tags = (List<TypedValue>)attributes.Single(a => a.Key == "tags").Value.Value!;
        Assert.Equal([new TypedValue("int", 1L), new TypedValue("string", "a"), new TypedValue("bool", true)], tags);

        ReceivedRequest request = Assert.Single(receiver.Requests);
        Assert.Equal("/v1/logs", request.Path);
        Assert.Equal("application/x-protobuf", request.Headers["Content-Type"]);
        Assert.Equal([OtlpLogSerializer.ScopeName], LogRecords.ScopeNames(request.Body));
        // The stream sink got the very line the record was made from.
        using JsonDocument line = JsonDocument.Parse(Assert.Single(Lines(stream)));
        Assert.Equal("Order stored", line.RootElement.GetProperty("message").GetString());
        Assert.Equal(span.SpanId.ToString(), line.RootElement.GetProperty("span_id").GetString());
    }

    [Fact]
    public async Task Hostile_strings_arrive_as_the_logger_encoded_them()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        using var stream = new MemoryStream();
        const string message = "line1\nline2\t\"quoted\" back\\slash \u0001\u001f\u007f lone \ud800 end ✓ é";
        const string key = "key \"x\"\n\\";
        const string value = "\u0000 pair \ud83d\ude00 lone low \udc00 </script>";

        SendThroughLogger(receiver, stream, logger =>
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Error, "hostile \"component\"", message, new KeyValuePair<string, string?>(key, value))));

        ProtoMessage record = Assert.Single(LogRecords.Of(receiver.Requests.Select(r => r.Body)));
        Assert.Equal(17UL, record.One(LogRecords.SeverityNumber, 0).Scalar);
        // Lone surrogates cannot be UTF-8: the logger writes U+FFFD for them, and that is what arrives.
        Assert.Equal(new TypedValue("string", Replaced(message)), LogRecords.BodyOf(record));
        Assert.Equal(
            [("component", new TypedValue("string", "hostile \"component\"")), (key, new TypedValue("string", Replaced(value)))],
            LogRecords.AttributesOf(record));
        Assert.Null(LogRecords.Hex(record, LogRecords.TraceId));
        using JsonDocument line = JsonDocument.Parse(Assert.Single(Lines(stream)));
        Assert.Equal(Replaced(message), line.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Lines_are_sent_in_batches_of_at_most_MaxExportBatchSize_and_every_one_is_counted()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        var registry = new MetricRegistry();
        var exporter = new OtlpLogExporter(Options(receiver), new OtlpLogBatchOptions { MaxExportBatchSize = 10, MaxQueueSize = 10_000 });
        exporter.RegisterMetrics(registry);
        using (exporter)
        {
            await using var logger = new JsonLogger(new JsonLoggerOptions { TimeProvider = new FixedClock(), Sinks = { exporter } });
            for (int i = 0; i < 95; i++)
            {
                logger.Write(LogLevel.Info, "batch", "line " + i);
            }
        }

        Assert.All(receiver.Requests, r => Assert.InRange(LogRecords.Of([r.Body]).Count, 1, 10));
        Assert.Equal(
            Enumerable.Range(0, 95).Select(i => "line " + i),
            LogRecords.Of(receiver.Requests.Select(r => r.Body)).Select(r => (string?)LogRecords.BodyOf(r).Value));
        OtlpExporterStats stats = exporter.GetStats();
        Assert.Equal(95, stats.Exported);
        Assert.Equal(0, stats.Dropped);
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"logs\",result=\"success\"} 95\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_any_JSON_writer_may_use_are_decoded_pairs_joined_and_lone_surrogates_replaced()
    {
        using var encoder = new OtlpLogRecordEncoder();
        using var buffer = new ProtoBuffer();

        encoder.Write(buffer, 2, "{ \"message\" : \"a\\/b \\ud83d\\ude00 \\ud800x \\udc00 \\u00e9\\u20ac \\\"\" , \"k\\u0041\" : [ ] , \"o\" : { } }\n"u8);

        ProtoMessage record = Assert.Single(ProtoMessage.Parse(buffer.WrittenSpan).All(2)).Message;
        Assert.Equal(new TypedValue("string", "a/b \ud83d\ude00 \ufffdx \ufffd é€ \""), LogRecords.BodyOf(record));
        List<(string Key, TypedValue Value)> attributes = LogRecords.AttributesOf(record);
        Assert.Equal(["kA", "o"], attributes.Select(a => a.Key));
        Assert.Empty((List<TypedValue>)attributes[0].Value.Value!);
        Assert.Empty((List<(string, TypedValue)>)attributes[1].Value.Value!);

        // Bytes that are not UTF-8 (no DistriC producer writes them) would make a receiver refuse the whole request: repaired.
        buffer.Reset();
        encoder.Write(buffer, 2, [.. "{\"message\":\"a"u8, 0xFF, .. "b\",\"k\":\"ok\"}"u8]);
        ProtoMessage repaired = Assert.Single(ProtoMessage.Parse(buffer.WrittenSpan).All(2)).Message;
        Assert.Equal(new TypedValue("string", "a\ufffdb"), LogRecords.BodyOf(repaired));
        Assert.Equal([("k", new TypedValue("string", "ok"))], LogRecords.AttributesOf(repaired));
    }

    [Fact]
    public void A_line_that_is_not_a_json_object_is_kept_whole_as_the_body()
    {
        using var encoder = new OtlpLogRecordEncoder();
        using var buffer = new ProtoBuffer();

        encoder.Write(buffer, 2, "{\"timestamp\":1,\"message\":\"cut off\n"u8);
        encoder.Write(buffer, 2, "[1,2]\n"u8);
        encoder.Write(buffer, 2, "{\"timestamp\":5,\"level\":\"INFO\",\"message\":\"fine\"}\n"u8);

        ProtoMessage[] records = ProtoMessage.Parse(buffer.WrittenSpan).All(2).Select(f => f.Message).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal(new TypedValue("string", "{\"timestamp\":1,\"message\":\"cut off"), LogRecords.BodyOf(records[0]));
        Assert.Single(records[0].Fields);
        Assert.Equal(new TypedValue("string", "[1,2]"), LogRecords.BodyOf(records[1]));
        Assert.Equal(new TypedValue("string", "fine"), LogRecords.BodyOf(records[2]));
        Assert.Equal(5_000_000UL, records[2].One(LogRecords.TimeUnixNano, 1).Scalar);
    }

    [Fact]
    public void Converting_lines_into_records_allocates_nothing_in_steady_state()
    {
        byte[] lines = EncodedLines(256);
        using var exporter = new OtlpLogExporter(
            new OtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:9/v1/logs"), Resource = Resource },
            new OtlpLogBatchOptions { MaxExportBatchSize = 256, MaxQueueSize = 512 }, new AcceptingHandler(), startThread: false);
        for (int i = 0; i < 20; i++)
        {
            exporter.Write(lines, 256);
            Assert.True(exporter.ExportNow());
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        exporter.Write(lines, 256); // what the logger's writer thread runs: parse, encode into the pooled batch, queue it
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(exporter.ExportNow());
        Assert.Equal(21 * 256, exporter.GetStats().Exported);
    }

    /// <summary>Lines as the logger writes them inside a span, with string, integer, double, boolean and escaped fields.</summary>
    private static byte[] EncodedLines(int count)
    {
        using var stream = new MemoryStream();
        using var spans = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(spans);
        using (var logger = new JsonLogger(stream, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock() }))
        {
            TraceSpan span = tracer.StartSpan("op");
            using (span.Activate())
            {
                for (int i = 0; i < count; i++)
                {
                    Assert.True(LogEntryWriter.TryBegin(logger, LogLevel.Info, ",\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\""u8, out LogEntryWriter w));
                    w.AppendString(",\"path\":"u8, "/api/\"quoted\"\n");
                    w.AppendNumber(",\"status\":"u8, 200 + i);
                    w.AppendDouble(",\"ms\":"u8, 1.5 * i);
                    w.AppendBoolean(",\"ok\":"u8, true);
                    w.Commit();
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Logs through a logger with the stream and an OTLP sink, then disposes both (the exporter sends what is left).</summary>
    private static void SendThroughLogger(LoopbackReceiver receiver, Stream stream, Action<JsonLogger> log)
    {
        using var exporter = new OtlpLogExporter(Options(receiver));
        using var logger = new JsonLogger(stream, new JsonLoggerOptions { TimeProvider = new FixedClock(), Sinks = { exporter } });
        log(logger);
        logger.Dispose();
        exporter.Dispose();
        Assert.Equal(logger.WrittenCount, exporter.GetStats().Exported);
    }

    private static OtlpExporterOptions Options(LoopbackReceiver receiver) => new()
    {
        Endpoint = new Uri($"http://127.0.0.1:{receiver.Port}/v1/logs"),
        Resource = Resource,
    };

    private static string[] Lines(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Replaced(string value) =>
        value.Replace("\ud83d\ude00", "\0PAIR\0", StringComparison.Ordinal)
            .Replace("\ud800", "\ufffd", StringComparison.Ordinal)
            .Replace("\udc00", "\ufffd", StringComparison.Ordinal)
            .Replace("\0PAIR\0", "\ud83d\ude00", StringComparison.Ordinal);

    /// <summary>An HTTP stack without a network that accepts every request.</summary>
    private sealed class AcceptingHandler : System.Net.Http.HttpMessageHandler
    {
        protected override System.Net.Http.HttpResponseMessage Send(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            new(System.Net.HttpStatusCode.OK);

        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
