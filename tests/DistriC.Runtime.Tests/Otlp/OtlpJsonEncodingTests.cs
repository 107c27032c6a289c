using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DistriC.Otlp.Json;
using DistriC.Otlp.Metrics;
using DistriC.Otlp.Protobuf;
using DistriC.Otlp.Traces;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// The OTLP/HTTP JSON encoding, parsed with System.Text.Json and checked against the OTLP JSON mapping (lowerCamelCase
/// names, hex IDs, enums as integers, 64-bit integers as decimal strings, typed <c>AnyValue</c>s), and against the
/// protobuf encoding of the same batch read by the test's own decoder: both carry the same content.
/// </summary>
public sealed partial class OtlpJsonEncodingTests
{
    private static readonly OtlpResource Resource = OtlpResource.Create("json-test", "2.0.0");

    [Fact]
    public void A_span_follows_the_OTLP_JSON_mapping_field_by_field()
    {
        var clock = new NanosecondClock();
        using var exporter = new SerializingExporter(Resource, json: true);
        using Tracer tracer = new(new TracerOptions { Exporter = exporter, TimeProvider = clock, MaxTags = 5, MaxEvents = 1 }, startBackgroundWork: false);
        var parent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true) { TraceState = "vendor=x" };
        clock.AdvanceNanos(123_456_789);
        TraceSpan span = tracer.StartSpanFromContext(parent, "GET /orders/{id}", SpanKind.Server);
        span.SetTag("http.response.status_code", 9_007_199_254_740_993); // above 2^53: only exact as a string
        span.SetTag("ratio", 0.1);
        span.SetTag("ok", true);
        span.SetTag("text", "quote\" backslash\\ tab\t nul\0 lone\ud800 ✓");
        span.SetTag("empty", null);
        span.SetTag("dropped", 1);
        clock.AdvanceNanos(11);
        span.AddEvent("retry", [new("attempt", 2), new("nan", double.NaN)]);
        span.AddEvent("dropped");
        clock.AdvanceNanos(5);
        span.SetStatus(SpanStatus.Error);
        span.Finish();
        tracer.ExportPending();

        using JsonDocument document = JsonDocument.Parse(exporter.Requests.Single());
        AssertCamelCaseNames(document.RootElement);
        JsonElement resourceSpans = document.RootElement.GetProperty("resourceSpans").EnumerateArray().Single();
        Dictionary<string, string?> resource = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value").GetProperty("stringValue").GetString());
        Assert.Equal("json-test", resource["service.name"]);
        Assert.Equal("2.0.0", resource["service.version"]);
        JsonElement scopeSpans = resourceSpans.GetProperty("scopeSpans").EnumerateArray().Single();
        Assert.Equal(OtlpTraceSerializer.ScopeName, scopeSpans.GetProperty("scope").GetProperty("name").GetString());
        JsonElement json = scopeSpans.GetProperty("spans").EnumerateArray().Single();

        Assert.Equal(parent.TraceId.ToString(), json.GetProperty("traceId").GetString());
        Assert.Matches("^[0-9a-f]{32}$", json.GetProperty("traceId").GetString());
        Assert.Equal(span.SpanId.ToString(), json.GetProperty("spanId").GetString());
        Assert.Equal(parent.SpanId.ToString(), json.GetProperty("parentSpanId").GetString());
        Assert.Equal("vendor=x", json.GetProperty("traceState").GetString());
        Assert.Equal(1, json.GetProperty("flags").GetInt32());
        Assert.Equal("GET /orders/{id}", json.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("kind").ValueKind);
        Assert.Equal(2, json.GetProperty("kind").GetInt32());
        Assert.Equal(Nanos(NanosecondClock.StartUnixNanos + 123_456_789), json.GetProperty("startTimeUnixNano").GetString());
        Assert.Equal(Nanos(NanosecondClock.StartUnixNanos + 123_456_805), json.GetProperty("endTimeUnixNano").GetString());
        JsonElement[] attributes = json.GetProperty("attributes").EnumerateArray().ToArray();
        Assert.Equal(["http.response.status_code", "ratio", "ok", "text", "empty"], attributes.Select(a => a.GetProperty("key").GetString()));
        Assert.Equal("9007199254740993", attributes[0].GetProperty("value").GetProperty("intValue").GetString());
        Assert.Equal(0.1, attributes[1].GetProperty("value").GetProperty("doubleValue").GetDouble());
        Assert.Equal(JsonValueKind.True, attributes[2].GetProperty("value").GetProperty("boolValue").ValueKind);
        Assert.Equal("quote\" backslash\\ tab\t nul\0 lone\ufffd ✓", attributes[3].GetProperty("value").GetProperty("stringValue").GetString());
        Assert.Empty(attributes[4].GetProperty("value").EnumerateObject());
        Assert.Equal(1, json.GetProperty("droppedAttributesCount").GetInt32());
        JsonElement spanEvent = json.GetProperty("events").EnumerateArray().Single();
        Assert.Equal(Nanos(NanosecondClock.StartUnixNanos + 123_456_800), spanEvent.GetProperty("timeUnixNano").GetString());
        Assert.Equal("retry", spanEvent.GetProperty("name").GetString());
        JsonElement[] eventAttributes = spanEvent.GetProperty("attributes").EnumerateArray().ToArray();
        Assert.Equal("2", eventAttributes[0].GetProperty("value").GetProperty("intValue").GetString());
        Assert.Equal("NaN", eventAttributes[1].GetProperty("value").GetProperty("doubleValue").GetString());
        Assert.False(spanEvent.TryGetProperty("droppedAttributesCount", out _));
        Assert.Equal(1, json.GetProperty("droppedEventsCount").GetInt32());
        Assert.Equal(2, json.GetProperty("status").GetProperty("code").GetInt32());
    }

    [Fact]
    public void A_root_span_with_defaults_leaves_the_optional_fields_out()
    {
        using var exporter = new SerializingExporter(Resource, json: true);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter);
        tracer.StartSpan("work").Finish();
        tracer.ExportPending();

        using JsonDocument document = JsonDocument.Parse(exporter.Requests.Single());
        JsonElement span = document.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0].GetProperty("spans")[0];
        Assert.Equal(
            ["traceId", "spanId", "flags", "name", "kind", "startTimeUnixNano", "endTimeUnixNano"],
            span.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, span.GetProperty("kind").GetInt32()); // SPAN_KIND_INTERNAL
    }

    [Fact]
    public void The_JSON_and_the_protobuf_of_one_batch_carry_the_same_content()
    {
        // Enough different keys and values (some hostile, some too long for the encoders' caches) to take every cache
        // path of both encoders: hits, misses, evictions, slots shared by a key and a value.
        string[] keys = Enumerable.Range(0, 600).Select(i => i % 9 == 0 ? new string('ж', 30 + (i % 30)) + i : "key." + i).ToArray();
        string[] values = Enumerable.Range(0, 600).Select(i => (i % 4) switch
        {
            0 => "€" + new string('é', i % 40) + i,
            1 => "quote\" \\ \n \u0001 \ud800 " + i,
            _ => "value-" + i,
        }).ToArray();
        var clock = new NanosecondClock();
        using var exporter = new BothEncodings();
        using Tracer tracer = new(new TracerOptions
        {
            Exporter = exporter,
            TimeProvider = clock,
            MaxTags = 4,
            MaxBatchSize = 2048,
            BufferCapacity = 2048,
        }, startBackgroundWork: false);
        for (int i = 0; i < 1500; i++)
        {
            clock.AdvanceNanos(1_001 * i);
            TraceSpan span = tracer.StartSpan(values[(i * 7) % values.Length], (SpanKind)(i % 5));
            span.SetTag(keys[i % keys.Length], i);
            span.SetTag(keys[(i * 13) % keys.Length], i % 3 == 0 ? null : values[i % values.Length]);
            span.SetTag(keys[(i * 31) % keys.Length], i * 0.5);
            span.SetTag(keys[(i * 17) % keys.Length], values[(i * 11) % values.Length]);
            span.SetTag("over", true);
            if (i % 4 == 0)
            {
                span.AddEvent(values[i % values.Length], [new("b", i % 8 == 0), new(keys[i % keys.Length], values[(i * 3) % values.Length])]);
            }

            span.SetStatus((SpanStatus)(i % 3));
            clock.AdvanceNanos(7);
            span.Finish();
        }

        tracer.ExportPending();
        ProtoMessage[] protoSpans = ProtoMessage.Parse(exporter.Protobuf).One(1).Message.One(2).Message.All(2).Select(f => f.Message).ToArray();
        using JsonDocument document = JsonDocument.Parse(exporter.Json);
        JsonElement[] jsonSpans = document.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0].GetProperty("spans").EnumerateArray().ToArray();
        Assert.Equal(1500, jsonSpans.Length);
        for (int i = 0; i < 1500; i++)
        {
            ProtoMessage proto = protoSpans[i];
            JsonElement json = jsonSpans[i];
            Assert.Equal(Convert.ToHexStringLower(proto.One(1).Bytes), json.GetProperty("traceId").GetString());
            Assert.Equal(Convert.ToHexStringLower(proto.One(2).Bytes), json.GetProperty("spanId").GetString());
            Assert.Equal(proto.One(5).Text, json.GetProperty("name").GetString());
            Assert.Equal((int)proto.One(6).Scalar, json.GetProperty("kind").GetInt32());
            Assert.Equal(Nanos(proto.One(7).Scalar), json.GetProperty("startTimeUnixNano").GetString());
            Assert.Equal(Nanos(proto.One(8).Scalar), json.GetProperty("endTimeUnixNano").GetString());
            Assert.Equal((int)proto.One(16).Scalar, json.GetProperty("flags").GetInt32());
            Assert.Equal(TypedValue.Attributes(proto, 9), Attributes(json));
            Assert.Equal((int)proto.One(10).Scalar, json.GetProperty("droppedAttributesCount").GetInt32());
            Assert.Equal(proto.Optional(15)?.Message.One(3).Scalar ?? 0, json.TryGetProperty("status", out JsonElement status) ? status.GetProperty("code").GetUInt64() : 0);
            ProtoMessage[] protoEvents = proto.All(11).Select(f => f.Message).ToArray();
            JsonElement[] jsonEvents = json.TryGetProperty("events", out JsonElement events) ? events.EnumerateArray().ToArray() : [];
            Assert.Equal(protoEvents.Length, jsonEvents.Length);
            for (int e = 0; e < protoEvents.Length; e++)
            {
                Assert.Equal(Nanos(protoEvents[e].One(1).Scalar), jsonEvents[e].GetProperty("timeUnixNano").GetString());
                Assert.Equal(protoEvents[e].One(2).Text, jsonEvents[e].GetProperty("name").GetString());
                Assert.Equal(TypedValue.Attributes(protoEvents[e], 3), Attributes(jsonEvents[e]));
            }
        }
    }

    [Fact]
    public void Metrics_follow_the_mapping_with_the_content_of_the_protobuf_encoding()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs \"done\"", new LabelDefinition("queue", "fast", "slow")).Add(3_000_000_000_000, "slow");
        registry.CreateGauge("depth", "Depth").Set(double.PositiveInfinity);
        Histogram latency = registry.CreateHistogram("latency_seconds", "Latency", [0.1, 1]);
        latency.Observe(0.05);
        latency.Observe(3);
        using var buffer = new OtlpJsonBuffer(256);
        var serializer = new OtlpMetricJsonSerializer(buffer);
        serializer.Write(registry, Resource, 1_700_000_000_000_000_000, 1_700_000_060_123_456_789);

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenSpan.ToArray());
        AssertCamelCaseNames(document.RootElement);
        JsonElement scopeMetrics = document.RootElement.GetProperty("resourceMetrics")[0].GetProperty("scopeMetrics")[0];
        Assert.Equal(OtlpMetricSerializer.ScopeName, scopeMetrics.GetProperty("scope").GetProperty("name").GetString());
        var metrics = scopeMetrics.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);

        JsonElement sum = metrics["jobs_total"].GetProperty("sum");
        Assert.Equal("Jobs \"done\"", metrics["jobs_total"].GetProperty("description").GetString());
        Assert.Equal(2, sum.GetProperty("aggregationTemporality").GetInt32());
        Assert.True(sum.GetProperty("isMonotonic").GetBoolean());
        JsonElement slow = sum.GetProperty("dataPoints").EnumerateArray()
            .Single(p => p.GetProperty("attributes")[0].GetProperty("value").GetProperty("stringValue").GetString() == "slow");
        Assert.Equal("3000000000000", slow.GetProperty("asInt").GetString());
        Assert.Equal("1700000000000000000", slow.GetProperty("startTimeUnixNano").GetString());
        Assert.Equal("1700000060123456789", slow.GetProperty("timeUnixNano").GetString());
        Assert.Equal("queue", slow.GetProperty("attributes")[0].GetProperty("key").GetString());

        JsonElement gauge = metrics["depth"].GetProperty("gauge");
        Assert.False(gauge.TryGetProperty("aggregationTemporality", out _));
        Assert.Equal("Infinity", gauge.GetProperty("dataPoints")[0].GetProperty("asDouble").GetString());

        JsonElement histogram = metrics["latency_seconds"].GetProperty("histogram");
        Assert.Equal(2, histogram.GetProperty("aggregationTemporality").GetInt32());
        JsonElement point = histogram.GetProperty("dataPoints")[0];
        Assert.Equal("2", point.GetProperty("count").GetString());
        Assert.Equal(3.05, point.GetProperty("sum").GetDouble());
        Assert.Equal(["1", "0", "1"], point.GetProperty("bucketCounts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([0.1, 1.0], point.GetProperty("explicitBounds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal(serializer.DataPointCount, metrics.Values.Sum(m =>
            m.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).Sum(p => p.Value.GetProperty("dataPoints").GetArrayLength())));

        // The protobuf encoding of the same registry has the same metrics and data points.
        using var proto = new ProtoBuffer(256);
        var protoSerializer = new OtlpMetricSerializer(proto);
        protoSerializer.Write(registry, Resource, 1_700_000_000_000_000_000, 1_700_000_060_123_456_789);
        Assert.Equal(protoSerializer.DataPointCount, serializer.DataPointCount);
        ProtoMessage protoScope = ProtoMessage.Parse(proto.WrittenSpan).One(1).Message.One(2).Message;
        Assert.Equal(metrics.Keys.Order(StringComparer.Ordinal), protoScope.All(2).Select(m => m.Message.One(1).Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_exporter_posts_JSON_with_the_JSON_content_type()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        using var exporter = new OtlpSpanExporter(new OtlpExporterOptions
        {
            Endpoint = receiver.TracesUri,
            Protocol = OtlpProtocol.HttpJson,
            Resource = Resource,
        });
        using (Tracer tracer = Tracing.TestTracers.Manual(exporter))
        {
            TraceSpan span = tracer.StartSpan("json over http");
            span.SetTag("n", 1);
            span.Finish();
            tracer.ExportPending();
        }

        ReceivedRequest request = Assert.Single(receiver.Requests);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        using JsonDocument document = JsonDocument.Parse(request.Body);
        Assert.Equal("json over http", document.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0].GetProperty("spans")[0].GetProperty("name").GetString());
        Assert.Equal(1, exporter.GetStats().Exported);
    }

    private static string Nanos(ulong nanos) => nanos.ToString(CultureInfo.InvariantCulture);

    private static List<(string Key, TypedValue Value)> Attributes(JsonElement owner) =>
        owner.TryGetProperty("attributes", out JsonElement attributes)
            ? attributes.EnumerateArray().Select(a => (a.GetProperty("key").GetString()!, Typed(a.GetProperty("value")))).ToList()
            : [];

    private static TypedValue Typed(JsonElement value)
    {
        JsonProperty[] members = value.EnumerateObject().ToArray();
        if (members.Length == 0)
        {
            return new TypedValue("empty", null);
        }

        JsonProperty member = Assert.Single(members);
        return member.Name switch
        {
            "stringValue" => new TypedValue("string", member.Value.GetString()),
            "intValue" => new TypedValue("int", long.Parse(member.Value.GetString()!, CultureInfo.InvariantCulture)),
            "doubleValue" => new TypedValue("double", member.Value.GetDouble()),
            "boolValue" => new TypedValue("bool", member.Value.GetBoolean()),
            _ => new TypedValue("other:" + member.Name, null),
        };
    }

    // Every member name of the request is lowerCamelCase, as the OTLP JSON encoding requires (attribute keys are values).
    private static void AssertCamelCaseNames(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                Assert.Matches(CamelCase(), property.Name);
                AssertCamelCaseNames(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                AssertCamelCaseNames(item);
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z]*$")]
    private static partial Regex CamelCase();

    private sealed class BothEncodings : ISpanExporter, IDisposable
    {
        private readonly ProtoBuffer _proto = new(256);
        private readonly OtlpJsonBuffer _json = new(256);

        public byte[] Protobuf { get; private set; } = [];

        public byte[] Json { get; private set; } = [];

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            OtlpTraceSerializer.Write(_proto, Resource, batch);
            OtlpTraceJsonSerializer.Write(_json, Resource, batch);
            Protobuf = _proto.WrittenSpan.ToArray();
            Json = _json.WrittenSpan.ToArray();
            return true;
        }

        public void Dispose()
        {
            _proto.Dispose();
            _json.Dispose();
        }
    }
}
