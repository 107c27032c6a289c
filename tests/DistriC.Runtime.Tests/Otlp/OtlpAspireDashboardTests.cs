using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DistriC.Otlp.Traces;
using DistriC.Runtime.Tests.Otlp.Support;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// Spans sent to a real OTLP receiver, the Aspire dashboard, and read back from its telemetry API: what DistriC sends
/// is stored as sent, the same span sent by OpenTelemetry's own OTLP exporter is stored identically, and a receiver
/// killed and restarted mid-run still gets every batch while the retry budget lasts.
/// </summary>
public sealed partial class OtlpAspireDashboardTests : IClassFixture<AspireDashboardFixture>
{
    private readonly AspireDashboardFixture _fixture;

    public OtlpAspireDashboardTests(AspireDashboardFixture fixture) => _fixture = fixture;

    [AspireFact]
    public async Task Spans_come_back_with_their_ids_parent_name_kind_times_attributes_status_and_resource()
    {
        AspireDashboard dashboard = _fixture.Dashboard;
        OtlpResource resource = OtlpResource.Create("distric-dashboard-test", "4.5.6");
        // The base endpoint as OTEL_EXPORTER_OTLP_ENDPOINT gives it: the exporter must append /v1/traces itself.
        OtlpExporterOptions fromEnvironment = OtlpExporterOptions.FromEnvironment(OtlpSignal.Traces,
            name => name == "OTEL_EXPORTER_OTLP_ENDPOINT" ? dashboard.OtlpBase.ToString() : null)!;
        using var exporter = new OtlpSpanExporter(fromEnvironment with { Resource = resource });
        var capture = new SpanCapture(exporter);
        using Tracer tracer = Tracing.TestTracers.Manual(capture, TimeProvider.System);
        var remoteParent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true);
        TraceSpan server = tracer.StartSpanFromContext(remoteParent, "GET /orders/{id}", SpanKind.Server);
        server.SetTag("http.request.method", "GET");
        server.SetTag("url.path", "/orders/42 \"quoted\" \u0001 \ud800 ✓");
        server.SetTag("http.response.status_code", 503);
        server.SetTag("retry.ratio", 0.25);
        server.SetTag("cache.hit", false);
        server.AddEvent("retry", [new("attempt", 2), new("reason", "timeout"), new("final", true)]);
        server.AddEvent("gave up");
        TraceSpan client = tracer.StartChildSpan(server, "SELECT orders", SpanKind.Client);
        client.SetTag("db.system", "postgresql");
        client.SetStatus(SpanStatus.Ok);
        client.Finish();
        TraceSpan work = tracer.StartChildSpan(server, "render");
        work.Finish();
        server.SetStatus(SpanStatus.Error);
        server.Finish();
        tracer.ExportPending();
        Assert.Equal([true], capture.Results);

        JsonElement stored = await dashboard.GetAsync($"/api/telemetry/spans?traceId={remoteParent.TraceId}");
        JsonElement resourceSpans = stored.GetProperty("data").GetProperty("resourceSpans").EnumerateArray().Single();
        Dictionary<string, string?> storedResource = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value").TryGetProperty("stringValue", out JsonElement v) ? v.GetString() : null);
        Assert.Equal("distric-dashboard-test", storedResource["service.name"]);
        Assert.Equal(resource.Attributes.Single(a => a.Key == "service.instance.id").Value, storedResource["service.instance.id"]);
        JsonElement scopeSpans = resourceSpans.GetProperty("scopeSpans").EnumerateArray().Single();
        Assert.Equal(OtlpTraceSerializer.ScopeName, scopeSpans.GetProperty("scope").GetProperty("name").GetString());
        var spans = scopeSpans.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("spanId").GetString()!);
        Assert.Equal(3, spans.Count);

        foreach (CapturedSpan sent in capture.Spans)
        {
            JsonElement span = spans[sent.SpanId.ToString()];
            Assert.Equal(sent.TraceId.ToString(), span.GetProperty("traceId").GetString());
            Assert.Equal(sent.ParentSpanId.ToString(), span.GetProperty("parentSpanId").GetString());
            Assert.Equal(sent.Name, span.GetProperty("name").GetString());
            Assert.Equal(WireKind(sent.Kind), span.GetProperty("kind").GetInt32());
            // The dashboard keeps 100 ns resolution; the exact nanoseconds are checked by OtlpTraceEncodingTests' decoder.
            Assert.Equal(Tick(sent.StartUnixNanos), span.GetProperty("startTimeUnixNano").GetString());
            Assert.Equal(Tick(sent.EndUnixNanos), span.GetProperty("endTimeUnixNano").GetString());
            Assert.Equal(
                sent.Tags.Select(t => (t.Key, Valid(t.Value))),
                Attributes(span).Select(a => (a.Key, a.Value)));
            Assert.Equal((int)sent.Status, StatusCode(span));
            JsonElement[] events = span.TryGetProperty("events", out JsonElement e) ? e.EnumerateArray().ToArray() : [];
            Assert.Equal(sent.Events.Select(v => v.Name), events.Select(v => v.GetProperty("name").GetString()));
            for (int i = 0; i < events.Length; i++)
            {
                Assert.Equal(Tick(sent.Events[i].UnixNanos), events[i].GetProperty("timeUnixNano").GetString());
                Assert.Equal(sent.Events[i].Attributes.Select(t => (t.Key, t.Value)), Attributes(events[i]).Select(a => (a.Key, a.Value)));
            }
        }

        Assert.Equal(2, capture.Spans.Single(s => s.Kind == SpanKind.Server).Events.Length);

        Assert.Equal(remoteParent.SpanId, capture.Spans.Single(s => s.Kind == SpanKind.Server).ParentSpanId);
    }

    [AspireFact]
    public async Task The_same_span_sent_by_OpenTelemetrys_exporter_is_stored_identically()
    {
        AspireDashboard dashboard = _fixture.Dashboard;
        OtlpResource resource = OtlpResource.Create("distric-crosscheck");
        using var exporter = new OtlpSpanExporter(new OtlpExporterOptions
        {
            Endpoint = OtlpExporterOptions.ForBaseEndpoint(dashboard.OtlpBase, OtlpSignal.Traces),
            Resource = resource,
        });
        var capture = new SpanCapture(exporter);
        using Tracer tracer = Tracing.TestTracers.Manual(capture, TimeProvider.System);
        var remoteParent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true);
        TraceSpan ours = tracer.StartSpanFromContext(remoteParent, "POST /checkout", SpanKind.Server);
        ours.SetTag("http.request.method", "POST");
        ours.SetTag("http.response.status_code", 500);
        ours.SetTag("note", "tab\tquote\" backslash\\ é ✓");
        ours.SetTag("sampling.ratio", 0.125);
        ours.SetTag("retried", true);
        ours.AddEvent("retry", [new("attempt", 1), new("reason", "timeout"), new("backoff.s", 0.5), new("final", false)]);
        ours.AddEvent("exception");
        ours.SetStatus(SpanStatus.Error);
        ours.Finish();
        tracer.ExportPending();
        CapturedSpan sent = capture.Spans.Single();

        // The reference client: OpenTelemetry .NET's OTLP/HTTP protobuf exporter, same resource, scope, parent and values.
        using var source = new ActivitySource(OtlpTraceSerializer.ScopeName, OtlpResource.SdkVersion);
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .SetSampler(new AlwaysOnSampler())
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddAttributes(resource.Attributes.Select(a => new KeyValuePair<string, object>(a.Key, a.Value))))
            .AddOtlpExporter(o =>
            {
                o.Endpoint = OtlpExporterOptions.ForBaseEndpoint(dashboard.OtlpBase, OtlpSignal.Traces);
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            var parent = new ActivityContext(
                ActivityTraceId.CreateFromString(remoteParent.TraceId.ToString()),
                ActivitySpanId.CreateFromString(remoteParent.SpanId.ToString()),
                ActivityTraceFlags.Recorded,
                isRemote: true);
            using Activity activity = source.StartActivity("POST /checkout", ActivityKind.Server, parent, startTime: ToDateTime(sent.StartUnixNanos))!;
            foreach (SpanTag tag in sent.Tags)
            {
                activity.SetTag(tag.Key, TypedObject(tag));
            }

            foreach (CapturedEvent sentEvent in sent.Events)
            {
                var tags = new ActivityTagsCollection(sentEvent.Attributes.Select(a => new KeyValuePair<string, object?>(a.Key, TypedObject(a))));
                activity.AddEvent(new ActivityEvent(sentEvent.Name, ToDateTime(sentEvent.UnixNanos), tags));
            }

            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetEndTime(ToDateTime(sent.EndUnixNanos).UtcDateTime);
            activity.Stop();
            Assert.True(provider.ForceFlush(10_000));
        }

        JsonElement stored = await dashboard.GetAsync($"/api/telemetry/spans?traceId={remoteParent.TraceId}");
        JsonElement[] resourceSpans = stored.GetProperty("data").GetProperty("resourceSpans").EnumerateArray().ToArray();
        JsonNode[] spans = resourceSpans
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(s => s.GetProperty("spans").EnumerateArray())
            .Select(s => JsonNode.Parse(s.GetRawText())!)
            .ToArray();
        Assert.Equal(2, spans.Length);
        JsonNode distric = spans.Single(s => (string?)s["spanId"] == sent.SpanId.ToString());
        JsonNode reference = spans.Single(s => (string?)s["spanId"] != sent.SpanId.ToString());
        distric.AsObject().Remove("spanId");
        reference.AsObject().Remove("spanId");
        Assert.Equal(reference.ToJsonString(), distric.ToJsonString());
        Assert.All(resourceSpans, r => Assert.Equal(resourceSpans[0].GetProperty("resource").GetRawText(), r.GetProperty("resource").GetRawText()));
    }

    [AspireFact]
    public async Task Spans_sent_as_JSON_are_stored_exactly_as_the_same_spans_sent_as_protobuf()
    {
        // Two receivers, so the same span IDs can be sent to each: the fixture's gets protobuf, a second one JSON.
        using AspireDashboard jsonDashboard = await AspireDashboard.StartAsync();
        OtlpResource resource = OtlpResource.Create("distric-json-test", "1.0.0", [new("deployment.environment.name", "test")]);
        using var protobuf = new OtlpSpanExporter(new OtlpExporterOptions
        {
            Endpoint = OtlpExporterOptions.ForBaseEndpoint(_fixture.Dashboard.OtlpBase, OtlpSignal.Traces),
            Resource = resource,
        });
        // Chosen as a user would: OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/json.
        OtlpExporterOptions json = OtlpExporterOptions.FromEnvironment(OtlpSignal.Traces, name => name switch
        {
            "OTEL_EXPORTER_OTLP_ENDPOINT" => jsonDashboard.OtlpBase.ToString(),
            "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" => "http/json",
            _ => null,
        })!;
        Assert.Equal(OtlpProtocol.HttpJson, json.Protocol);
        using var jsonExporter = new OtlpSpanExporter(json with { Resource = resource });
        var both = new BothExporters(protobuf, jsonExporter);
        using Tracer tracer = Tracing.TestTracers.Manual(both, TimeProvider.System);
        var remoteParent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true) { TraceState = "vendor=1" };
        TraceSpan server = tracer.StartSpanFromContext(remoteParent, "GET /json", SpanKind.Server);
        server.SetTag("http.request.method", "GET");
        server.SetTag("http.response.status_code", 200);
        server.SetTag("ratio", 0.5);
        server.SetTag("ok", true);
        server.SetTag("hostile", "quote\" backslash\\ \u0001 \ud800 ✓ 漢字");
        server.SetTag("empty", null);
        server.AddEvent("retry", [new("attempt", 3), new("reason", "timeout")]);
        TraceSpan client = tracer.StartChildSpan(server, "SELECT", SpanKind.Client);
        client.SetStatus(SpanStatus.Ok);
        client.Finish();
        server.SetStatus(SpanStatus.Error);
        server.Finish();
        tracer.ExportPending();
        Assert.Equal([(true, true)], both.Results);

        JsonElement fromProtobuf = await _fixture.Dashboard.GetAsync($"/api/telemetry/spans?traceId={remoteParent.TraceId}");
        JsonElement fromJson = await jsonDashboard.GetAsync($"/api/telemetry/spans?traceId={remoteParent.TraceId}");
        Assert.Equal(2, fromJson.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray()).Sum(s => s.GetProperty("spans").GetArrayLength()));
        Assert.Equal(fromProtobuf.GetProperty("data").GetRawText(), fromJson.GetProperty("data").GetRawText());
    }

    [AspireFact]
    public async Task A_receiver_killed_mid_run_and_restarted_gets_the_batch_within_the_retry_budget()
    {
        using AspireDashboard dashboard = await AspireDashboard.StartAsync();
        using var exporter = new OtlpSpanExporter(new OtlpExporterOptions
        {
            Endpoint = OtlpExporterOptions.ForBaseEndpoint(dashboard.OtlpBase, OtlpSignal.Traces),
            Resource = OtlpResource.Create("distric-restart-test"),
            InitialBackoff = TimeSpan.FromMilliseconds(50),
        });
        int waits = 0;
        exporter.Sender.RetryWaitObserved = _ =>
        {
            // The first failed attempt of the second batch: bring the receiver back before the retry.
            if (++waits == 1)
            {
                dashboard.RestartAsync().GetAwaiter().GetResult();
            }
        };
        using Tracer tracer = Tracing.TestTracers.Manual(exporter, TimeProvider.System);
        TraceSpan before = tracer.StartSpan("before the kill");
        before.Finish();
        tracer.ExportPending();
        Assert.Equal(1, exporter.GetStats().Exported); // delivered: the receiver answered 200
        Assert.Equal(1, await StoredSpanCount(dashboard, before.TraceId, expected: 1));

        dashboard.Kill();
        TraceSpan during = tracer.StartSpan("while the receiver was down");
        during.Finish();
        tracer.ExportPending();

        Assert.Equal(1, await StoredSpanCount(dashboard, during.TraceId, expected: 1));
        OtlpExporterStats stats = exporter.GetStats();
        Assert.Equal(2, stats.Exported);
        Assert.Equal(0, stats.RetriesExhausted);
        Assert.Equal(1, stats.Retries);
        Assert.Equal(1, stats.ConnectionFailures);
        Assert.True(stats.IsHealthy);
    }

    [AspireFact]
    public async Task Metrics_arrive_and_the_resource_shows_them()
    {
        AspireDashboard dashboard = _fixture.Dashboard;
        var registry = new MetricRegistry();
        registry.CreateCounter("dashboard_jobs_total", "Jobs", new LabelDefinition("queue", "fast", "slow")).Add(3, "fast");
        registry.CreateGauge("dashboard_depth", "Depth").Set(4.5);
        registry.CreateHistogram("dashboard_latency_seconds", "Latency").Observe(0.25);
        string service = "distric-metrics-" + Guid.NewGuid().ToString("N")[..8];
        using var exporter = new OtlpMetricExporter(registry, new OtlpExporterOptions
        {
            Endpoint = OtlpExporterOptions.ForBaseEndpoint(dashboard.OtlpBase, OtlpSignal.Metrics),
            Resource = OtlpResource.Create(service),
        }, TimeSpan.FromHours(1));

        Assert.True(exporter.ExportNow());

        JsonElement resources = await dashboard.GetAsync("/api/telemetry/resources");
        JsonElement mine = resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == service);
        Assert.True(mine.GetProperty("hasMetrics").GetBoolean());
        Assert.Equal(0, exporter.GetStats().Rejected);
    }

    /// <summary>Hands every batch to two exporters and records both results.</summary>
    private sealed class BothExporters(ISpanExporter first, ISpanExporter second) : ISpanExporter
    {
        public List<(bool, bool)> Results { get; } = [];

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            bool a = first.Export(batch);
            bool b = second.Export(batch);
            Results.Add((a, b));
            return a && b;
        }
    }

    // The dashboard answers 200 before its telemetry API shows what it took (seen once in a full run right after a start),
    // so the count is read until it reaches the expected one or 10 s pass; a count that never gets there fails the test.
    private static async Task<int> StoredSpanCount(AspireDashboard dashboard, TraceId traceId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            JsonElement stored = await dashboard.GetAsync($"/api/telemetry/spans?traceId={traceId}");
            int count = stored.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
                .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
                .Sum(s => s.GetProperty("spans").GetArrayLength());
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(50);
        }
    }

    private static int WireKind(SpanKind kind) => kind switch
    {
        SpanKind.Server => 2,
        SpanKind.Client => 3,
        SpanKind.Producer => 4,
        SpanKind.Consumer => 5,
        _ => 1,
    };

    private static string Tick(ulong nanos) => (nanos / 100 * 100).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset ToDateTime(ulong nanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));

    private static object? TypedObject(SpanTag tag) => tag.Type switch
    {
        SpanTagType.Long => tag.LongValue,
        SpanTagType.Double => tag.DoubleValue,
        SpanTagType.Bool => tag.BoolValue,
        _ => tag.Value,
    };

    private static string? Valid(string? value) => value?.Replace("\ud800", "\ufffd", StringComparison.Ordinal);

    private static int StatusCode(JsonElement span) =>
        span.TryGetProperty("status", out JsonElement status) && status.TryGetProperty("code", out JsonElement code) ? code.GetInt32() : 0;

    private static IEnumerable<(string Key, string? Value)> Attributes(JsonElement span) =>
        span.TryGetProperty("attributes", out JsonElement attributes)
            ? attributes.EnumerateArray().Select(a => (a.GetProperty("key").GetString()!,
                a.GetProperty("value").TryGetProperty("stringValue", out JsonElement v) ? v.GetString() : null))
            : [];
}
