using System;
using System.Collections.Generic;
using System.Linq;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// Typed attributes, span events, dropped counts and <c>tracestate</c> in the protobuf our serializer writes, read back
/// by the test's own decoder (<see cref="ProtoMessage"/>) against the field numbers of <c>trace.proto</c>.
/// </summary>
public sealed class OtlpTypedAttributeEncodingTests
{
    private static readonly OtlpResource Resource = OtlpResource.Create("typed");

    [Fact]
    public void Each_tag_type_is_its_own_AnyValue_member()
    {
        ProtoMessage span = SerializeOne(s =>
        {
            s.SetTag("http.response.status_code", 503);
            s.SetTag("negative", -42);
            s.SetTag("ratio", 0.125);
            s.SetTag("yes", true);
            s.SetTag("no", false);
            s.SetTag("text", "v");
        });

        Assert.Equal(
            [
                ("http.response.status_code", new TypedValue("int", 503L)),
                ("negative", new TypedValue("int", -42L)),
                ("ratio", new TypedValue("double", 0.125)),
                ("yes", new TypedValue("bool", true)),
                ("no", new TypedValue("bool", false)),
                ("text", new TypedValue("string", "v")),
            ],
            TypedValue.Attributes(span, 9));
        ProtoMessage[] values = span.All(9).Select(f => f.Message.One(2, 2).Message).ToArray();
        Assert.Equal([0, 0, 1, 0, 0, 2], values.Select(v => Assert.Single(v.Fields).WireType)); // varint, varint, fixed64, varint, varint, bytes
        Assert.Null(span.Optional(10));
    }

    [Fact]
    public void Events_carry_exact_nanoseconds_names_typed_attributes_and_dropped_counts()
    {
        var clock = new NanosecondClock();
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = new(new TracerOptions
        {
            Exporter = exporter,
            TimeProvider = clock,
            MaxTags = 1,
            MaxEvents = 2,
            MaxEventAttributes = 2,
        }, startBackgroundWork: false);
        TraceSpan span = tracer.StartSpan("op");
        span.SetTag("kept", 1);
        span.SetTag("dropped", 2);
        clock.AdvanceNanos(1_000_000_007);
        span.AddEvent("retry", [new("attempt", 2), new("reason", "timeout \"quoted\""), new("over", true)]);
        clock.AdvanceNanos(3);
        span.AddEvent("done");
        span.AddEvent("dropped one");
        span.Finish();
        tracer.ExportPending();

        ProtoMessage decoded = ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.One(2).Message;
        Assert.Equal(1UL, decoded.One(10, 0).Scalar); // dropped_attributes_count
        Assert.Equal(1UL, decoded.One(12, 0).Scalar); // dropped_events_count
        ProtoMessage[] events = decoded.All(11).Select(f => f.Message).ToArray();
        Assert.Equal(2, events.Length);
        Assert.Equal(NanosecondClock.StartUnixNanos + 1_000_000_007, events[0].One(1, 1).Scalar);
        Assert.Equal("retry", events[0].One(2, 2).Text);
        Assert.Equal([("attempt", new TypedValue("int", 2L)), ("reason", new TypedValue("string", "timeout \"quoted\""))], TypedValue.Attributes(events[0], 3));
        Assert.Equal(1UL, events[0].One(4, 0).Scalar);
        Assert.Equal(NanosecondClock.StartUnixNanos + 1_000_000_010, events[1].One(1, 1).Scalar);
        Assert.Equal("done", events[1].One(2, 2).Text);
        Assert.Empty(events[1].All(3));
        Assert.Null(events[1].Optional(4));
    }

    [Fact]
    public void A_continued_traces_tracestate_is_sent_with_its_spans()
    {
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter);
        var parent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true) { TraceState = "vendor=abc,other=1" };
        tracer.StartSpanFromContext(parent, "continued").Finish();
        tracer.StartSpan("root").Finish();
        tracer.ExportPending();

        ProtoMessage[] spans = ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.All(2).Select(f => f.Message).ToArray();
        Assert.Equal("vendor=abc,other=1", spans[0].One(3, 2).Text);
        Assert.Null(spans[1].Optional(3));
    }

    [Fact]
    public void Many_distinct_and_repeated_strings_of_every_length_decode_exactly()
    {
        // Enough different keys and values to share slots of the encoded-string caches, some too long for them, each
        // repeated with other partners and types, so every cache path (hit, miss, eviction, shared slot, bypass) is taken.
        string[] keys = Enumerable.Range(0, 700).Select(i => i % 7 == 0 ? new string('ж', 30 + (i % 30)) + i : "key." + i).ToArray();
        string[] values = Enumerable.Range(0, 700).Select(i => i % 5 == 0 ? "€" + new string('é', i % 40) + i : "value-" + i).ToArray();
        var expected = new List<List<(string, TypedValue)>>();
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = new(new TracerOptions { Exporter = exporter, MaxBatchSize = 4096, BufferCapacity = 4096, MaxTags = 4 }, startBackgroundWork: false);
        for (int i = 0; i < 2100; i++)
        {
            TraceSpan span = tracer.StartSpan(values[(i * 3) % values.Length]);
            var tags = new List<(string, TypedValue)>();
            for (int t = 0; t < 4; t++)
            {
                string key = keys[(i + (t * 131)) % keys.Length];
                string value = values[(i * 7 + t) % values.Length];
                switch ((i + t) % 4)
                {
                    case 0:
                        span.SetTag(key, value);
                        tags.Add((key, new TypedValue("string", value)));
                        break;
                    case 1:
                        span.SetTag(key, (long)i * t);
                        tags.Add((key, new TypedValue("int", (long)i * t)));
                        break;
                    case 2:
                        span.SetTag(key, key);
                        tags.Add((key, new TypedValue("string", key)));
                        break;
                    default:
                        span.SetTag(key, i % 2 == 0);
                        tags.Add((key, new TypedValue("bool", i % 2 == 0)));
                        break;
                }
            }

            span.Finish();
            expected.Add(tags);
        }

        tracer.ExportPending();
        ProtoMessage[] spans = ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.All(2).Select(f => f.Message).ToArray();
        Assert.Equal(2100, spans.Length);
        for (int i = 0; i < spans.Length; i++)
        {
            Assert.Equal(values[(i * 3) % values.Length], spans[i].One(5, 2).Text);
            Assert.Equal(expected[i], TypedValue.Attributes(spans[i], 9));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serializing_typed_tags_and_events_allocates_nothing_in_steady_state(bool json)
    {
        using var exporter = new SerializingExporter(Resource, json);
        using Tracer tracer = new(new TracerOptions { Exporter = exporter, BufferCapacity = 1024, MaxBatchSize = 512 }, startBackgroundWork: false);
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 512; i++)
            {
                TraceSpan span = tracer.StartSpan("GET /api/users/{id}", SpanKind.Server);
                span.SetTag("http.request.method", "GET");
                span.SetTag("http.response.status_code", 200);
                span.SetTag("ratio", 0.5);
                span.SetTag("ok", true);
                span.AddEvent("retry", [new("attempt", i), new("reason", "timeout")]);
                span.Finish();
            }

            tracer.ExportPending();
        }

        Assert.Equal(3, exporter.Requests.Count);
        Assert.Equal(0, exporter.LastAllocatedBytes);
    }

    private static ProtoMessage SerializeOne(Action<TraceSpan> tag)
    {
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter);
        TraceSpan span = tracer.StartSpan("op");
        tag(span);
        span.Finish();
        tracer.ExportPending();
        return ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.One(2).Message;
    }
}
