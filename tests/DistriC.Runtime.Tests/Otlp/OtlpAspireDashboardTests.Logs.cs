using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.Infrastructure;
using DistriC.Otlp.Logs;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

// Log lines sent to the dashboard through the JsonLogger's OTLP sink, read back from /api/telemetry/logs.
public sealed partial class OtlpAspireDashboardTests
{
    [AspireFact]
    public Task Log_lines_come_back_as_records_linked_to_their_spans_with_attributes_and_hostile_strings_intact() =>
        AssertLogsComeBack(logsProtocol: null);

    [AspireFact]
    public Task Log_lines_sent_as_JSON_come_back_as_the_same_records() => AssertLogsComeBack(logsProtocol: "http/json");

    // Sends three lines (inside two spans, one hostile) with the protocol chosen as a user would
    // (OTEL_EXPORTER_OTLP_LOGS_PROTOCOL; null: the default, protobuf) and reads them back from the dashboard.
    private async Task AssertLogsComeBack(string? logsProtocol)
    {
        AspireDashboard dashboard = _fixture.Dashboard;
        string service = "distric-logs-" + Guid.NewGuid().ToString("N")[..8];
        OtlpResource resource = OtlpResource.Create(service);
        using var spans = new OtlpSpanExporter(new OtlpExporterOptions
        {
            Endpoint = OtlpExporterOptions.ForBaseEndpoint(dashboard.OtlpBase, OtlpSignal.Traces),
            Resource = resource,
        });
        // The base endpoint as OTEL_EXPORTER_OTLP_ENDPOINT gives it: the exporter must append /v1/logs itself.
        OtlpExporterOptions fromEnvironment = OtlpExporterOptions.FromEnvironment(OtlpSignal.Logs, name => name switch
        {
            "OTEL_EXPORTER_OTLP_ENDPOINT" => dashboard.OtlpBase.ToString(),
            "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL" => logsProtocol,
            _ => null,
        })!;
        Assert.Equal(logsProtocol is null ? OtlpProtocol.HttpProtobuf : OtlpProtocol.HttpJson, fromEnvironment.Protocol);
        var logs = new OtlpLogExporter(fromEnvironment with { Resource = resource });
        using Tracer tracer = Tracing.TestTracers.Manual(spans, TimeProvider.System);
        using var stream = new MemoryStream();
        var logger = new JsonLogger(stream, new JsonLoggerOptions { Sinks = { logs } });
        const string hostileMessage = "payment \"declined\"\n\tcode\\7 \u0001\u001b lone \ud800 ✓";
        const string hostileKey = "card \"holder\"\\";
        const string hostileValue = "O'Brien \u0000 \ud83d\udcb3 </td>";

        var remoteParent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true);
        TraceSpan server = tracer.StartSpanFromContext(remoteParent, "POST /orders", SpanKind.Server);
        TraceSpan query;
        using (server.Activate())
        {
            logger.Write(LogLevel.Info, "orders", "Order received", new KeyValuePair<string, string?>("order.id", "42"));
            query = tracer.StartSpan("SELECT orders", SpanKind.Client);
            using (query.Activate())
            {
                Assert.True(LogEntryWriter.TryBegin(logger, LogLevel.Warn, ",\"level\":\"WARN\",\"component\":\"db\",\"message\":\"Slow query\""u8, out LogEntryWriter w));
                w.AppendNumber(",\"rows\":"u8, 3);
                w.AppendDouble(",\"seconds\":"u8, 0.5);
                w.AppendBoolean(",\"cached\":"u8, false);
                Assert.Equal(DistricStatus.Ok, w.Commit());
            }

            query.Finish();
            logger.Write(LogLevel.Error, "payments", hostileMessage, new KeyValuePair<string, string?>(hostileKey, hostileValue));
        }

        server.Finish();
        tracer.ExportPending();
        logger.Dispose();
        logs.Dispose();
        Assert.Equal(new OtlpExporterStats { Exported = 3, Batches = 1, Requests = 1, LastStatusCode = 200 }, logs.GetStats());

        JsonElement stored = await dashboard.GetAsync($"/api/telemetry/logs?traceId={remoteParent.TraceId}");
        JsonElement resourceLogs = stored.GetProperty("data").GetProperty("resourceLogs").EnumerateArray().Single();
        Assert.Contains(resourceLogs.GetProperty("resource").GetProperty("attributes").EnumerateArray(),
            a => a.GetProperty("key").GetString() == "service.name" && a.GetProperty("value").GetProperty("stringValue").GetString() == service);
        JsonElement scopeLogs = resourceLogs.GetProperty("scopeLogs").EnumerateArray().Single();
        Assert.Equal(OtlpLogSerializer.ScopeName, scopeLogs.GetProperty("scope").GetProperty("name").GetString());
        Dictionary<string, JsonElement> records = scopeLogs.GetProperty("logRecords").EnumerateArray()
            .ToDictionary(r => r.GetProperty("body").GetProperty("stringValue").GetString()!);
        Assert.Equal(3, records.Count);

        // Linked: each record carries the trace and the span that was active when its line was written, and those spans are stored.
        HashSet<string> storedSpans = (await dashboard.GetAsync($"/api/telemetry/spans?traceId={remoteParent.TraceId}"))
            .GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(s => s.GetProperty("spans").EnumerateArray())
            .Select(s => s.GetProperty("spanId").GetString()!)
            .ToHashSet();
        Assert.Equal(new[] { server.SpanId.ToString(), query.SpanId.ToString() }.Order(), storedSpans.Order());
        AssertRecord(records["Order received"], server.SpanId, 9, [("component", "orders"), ("order.id", "42")]);
        AssertRecord(records["Slow query"], query.SpanId, 13, [("component", "db"), ("rows", "3"), ("seconds", "0.5"), ("cached", "false")]);
        AssertRecord(records[Valid(hostileMessage)!], server.SpanId, 17, [("component", "payments"), (hostileKey, Valid(hostileValue)!)]);

        void AssertRecord(JsonElement record, SpanId spanId, int severity, (string Key, string Value)[] attributes)
        {
            Assert.Equal(remoteParent.TraceId.ToString(), record.GetProperty("traceId").GetString());
            Assert.Equal(spanId.ToString(), record.GetProperty("spanId").GetString());
            Assert.Equal(severity, record.GetProperty("severityNumber").GetInt32());
            // The dashboard returns every attribute value as a string; the types are checked by OtlpLogEncodingTests' decoder.
            // It adds attributes of its own (aspire.log_id), which are not ours to check.
            Assert.Equal(attributes, record.GetProperty("attributes").EnumerateArray()
                .Select(a => (Key: a.GetProperty("key").GetString()!, Value: AnyValueText(a.GetProperty("value"))))
                .Where(a => !a.Key.StartsWith("aspire.", StringComparison.Ordinal)));
        }
    }

    private static string AnyValueText(JsonElement value)
    {
        JsonProperty member = Assert.Single(value.EnumerateObject());
        return member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText();
    }
}
