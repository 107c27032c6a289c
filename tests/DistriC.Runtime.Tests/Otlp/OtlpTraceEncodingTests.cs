using System;
using System.Collections.Generic;
using System.Linq;
using DistriC.Otlp.Traces;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// The protobuf our span serializer writes, read back by the test's own decoder (<see cref="ProtoMessage"/>): field
/// numbers, wire types, exact nanoseconds, attribute types and hostile strings, against the OTLP trace proto.
/// </summary>
public sealed class OtlpTraceEncodingTests
{
    private static readonly OtlpResource Resource = OtlpResource.Create("checkout", "1.2.3", [new("deployment.environment.name", "test")]);

    [Fact]
    public void Every_span_field_has_the_spec_number_wire_type_and_exact_value()
    {
        var clock = new NanosecondClock();
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter, clock);
        clock.AdvanceNanos(1_234_567_891);
        TraceSpan root = tracer.StartSpan("GET /orders", SpanKind.Server);
        root.SetTag("http.request.method", "GET");
        root.SetTag("empty", null);
        clock.AdvanceNanos(17);
        TraceSpan child = tracer.StartChildSpan(root, "db.query", SpanKind.Client);
        clock.AdvanceNanos(5_000_003);
        child.SetStatus(SpanStatus.Ok);
        child.Finish();
        root.SetStatus(SpanStatus.Error);
        clock.AdvanceNanos(1);
        root.Finish();
        tracer.ExportPending();

        ProtoMessage resourceSpans = ProtoMessage.Parse(exporter.Requests.Single()).One(1, 2).Message;
        List<(string Key, TypedValue Value)> resource = TypedValue.Attributes(resourceSpans.One(1, 2).Message, 1);
        Assert.Equal(
            ["service.name=checkout", "service.version=1.2.3", "deployment.environment.name=test", "telemetry.sdk.name=distric", "telemetry.sdk.language=dotnet"],
            resource.Where(a => a.Key != "service.instance.id" && a.Key != "telemetry.sdk.version").Select(a => $"{a.Key}={a.Value.Value}"));
        Assert.All(resource, a => Assert.Equal("string", a.Value.Type));
        Assert.True(Guid.TryParse((string?)resource.Single(a => a.Key == "service.instance.id").Value.Value, out _));

        ProtoMessage scopeSpans = resourceSpans.One(2, 2).Message;
        Assert.Equal(OtlpTraceSerializer.ScopeName, scopeSpans.One(1, 2).Message.One(1, 2).Text);
        ProtoMessage[] spans = scopeSpans.All(2).Select(f => f.Message).ToArray();
        Assert.Equal(2, spans.Length);
        ProtoMessage dbSpan = spans[0];
        ProtoMessage httpSpan = spans[1];

        Assert.Equal(Hex(root.TraceId.ToString()), httpSpan.One(1, 2).Bytes);
        Assert.Equal(Hex(root.SpanId.ToString()), httpSpan.One(2, 2).Bytes);
        Assert.Null(httpSpan.Optional(4));
        Assert.Equal("GET /orders", httpSpan.One(5, 2).Text);
        Assert.Equal(2UL, httpSpan.One(6, 0).Scalar); // SPAN_KIND_SERVER
        Assert.Equal(NanosecondClock.StartUnixNanos + 1_234_567_891, httpSpan.One(7, 1).Scalar);
        Assert.Equal(NanosecondClock.StartUnixNanos + 1_234_567_891 + 17 + 5_000_003 + 1, httpSpan.One(8, 1).Scalar);
        List<(string Key, TypedValue Value)> attributes = TypedValue.Attributes(httpSpan, 9);
        Assert.Equal([("http.request.method", new TypedValue("string", "GET")), ("empty", new TypedValue("empty", null))], attributes);
        Assert.Equal(2UL, httpSpan.One(15, 2).Message.One(3, 0).Scalar); // STATUS_CODE_ERROR
        Assert.Equal(3UL, httpSpan.One(16, 5).Scalar); // sampled | random trace id

        Assert.Equal(Hex(root.TraceId.ToString()), dbSpan.One(1, 2).Bytes);
        Assert.Equal(Hex(child.SpanId.ToString()), dbSpan.One(2, 2).Bytes);
        Assert.Equal(Hex(root.SpanId.ToString()), dbSpan.One(4, 2).Bytes);
        Assert.Equal(3UL, dbSpan.One(6, 0).Scalar); // SPAN_KIND_CLIENT
        Assert.Equal(NanosecondClock.StartUnixNanos + 1_234_567_891 + 17, dbSpan.One(7, 1).Scalar);
        Assert.Equal(NanosecondClock.StartUnixNanos + 1_234_567_891 + 17 + 5_000_003, dbSpan.One(8, 1).Scalar);
        Assert.Equal(1UL, dbSpan.One(15, 2).Message.One(3, 0).Scalar); // STATUS_CODE_OK
        Assert.Empty(dbSpan.All(9));
    }

    [Fact]
    public void Internal_is_the_default_kind_and_an_unset_status_is_left_out()
    {
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter);
        tracer.StartSpan("work").Finish();
        tracer.ExportPending();

        ProtoMessage span = ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.One(2).Message;
        Assert.Equal(1UL, span.One(6, 0).Scalar); // SPAN_KIND_INTERNAL
        Assert.Null(span.Optional(15));
    }

    [Theory]
    [InlineData("quote \" backslash \\ newline \n nul \0 bell \u0007")]
    [InlineData("lone high \ud800 and lone low \udc00 surrogates")]
    [InlineData("pair \ud83d\ude00 and accents éàü and CJK 漢字")]
    public void Hostile_strings_arrive_as_valid_utf8_with_lone_surrogates_replaced(string text)
    {
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter, maxTags: 4);
        TraceSpan span = tracer.StartSpan(text);
        span.SetTag("k", text);
        span.Finish();
        tracer.ExportPending();

        string expected = text.Replace("\ud800", "\ufffd", StringComparison.Ordinal).Replace("\udc00", "\ufffd", StringComparison.Ordinal);
        ProtoMessage decoded = ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.One(2).Message;
        Assert.Equal(expected, decoded.One(5, 2).Text);
        Assert.Equal(expected, (string?)TypedValue.Attributes(decoded, 9).Single().Value.Value);
    }

    [Theory]
    [InlineData(42)] // 126 bytes at most: the one-byte length path
    [InlineData(43)] // may exceed 127 bytes: the reserved four-byte length
    [InlineData(256)]
    public void Strings_around_the_length_boundaries_decode_exactly(int length)
    {
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter);
        string name = new('€', length); // three UTF-8 bytes each
        tracer.StartSpan(name).Finish();
        tracer.ExportPending();

        ProtoMessage span = ProtoMessage.Parse(exporter.Requests.Single()).One(1).Message.One(2).Message.One(2).Message;
        Assert.Equal(name, span.One(5, 2).Text);
    }

    [Fact]
    public void Serializing_512_spans_of_4_attributes_allocates_nothing_in_steady_state()
    {
        using var exporter = new SerializingExporter(Resource);
        using Tracer tracer = new(new TracerOptions
        {
            Exporter = exporter,
            BufferCapacity = 1024,
            MaxBatchSize = 512,
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        }, startBackgroundWork: false);
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 512; i++)
            {
                TraceSpan span = tracer.StartSpan("GET /api/users/{id}", SpanKind.Server);
                span.SetTag("http.request.method", "GET");
                span.SetTag("http.route", "/api/users/{id}");
                span.SetTag("http.response.status_code", "200");
                span.SetTag("server.address", "api.example.com");
                span.Finish();
            }

            tracer.ExportPending();
        }

        Assert.Equal(3, exporter.Requests.Count);
        Assert.Equal(512, ProtoMessage.Parse(exporter.Requests[2]).One(1).Message.One(2).Message.All(2).Count());
        Assert.Equal(0, exporter.LastAllocatedBytes);
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
