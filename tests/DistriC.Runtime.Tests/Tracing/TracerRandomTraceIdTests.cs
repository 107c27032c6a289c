using System;
using System.Linq;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>
/// The W3C Trace Context Level 2 random-trace-id flag through the tracer: set on the trace IDs it generates, kept
/// from an incoming <c>traceparent</c> on every span of that trace ("If the flag is set in the incoming traceparent
/// header, it MUST also be set in all outgoing traceparent headers which use the same trace-id", and likewise unset).
/// </summary>
public sealed class TracerRandomTraceIdTests
{
    private const string TraceIdHex = "12345678901234567890123456789012";
    private const string ParentIdHex = "1234567890123456";

    [Fact]
    public void A_sampled_root_span_injects_flags_03()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);

        TraceSpan root = tracer.StartSpan("root");

        Assert.True(root.Context.IsTraceIdRandom);
        Assert.Equal($"00-{root.TraceId}-{root.SpanId}-03", Injected(root));
        root.Finish();
        tracer.ExportPending();
        Assert.True(Assert.Single(exporter.Spans).Context.IsTraceIdRandom);
    }

    [Fact]
    public void A_sampled_out_root_span_injects_flags_02()
    {
        using Tracer tracer = TestTracers.Manual(new CollectingExporter(), sampling: new SamplingOptions { NormalKeep = 0, NormalDrop = 1 });

        TraceSpan root = tracer.StartSpan("root");

        Assert.False(root.IsRecording);
        Assert.Equal($"00-{root.TraceId}-{root.SpanId}-02", Injected(root));
    }

    [Fact]
    public void Children_of_a_self_made_trace_keep_the_flag()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan root = tracer.StartSpan("root");

        TraceSpan explicitChild = tracer.StartChildSpan(root, "explicit");
        TraceSpan implicitChild;
        using (root.Activate())
        {
            implicitChild = tracer.StartSpan("implicit");
        }

        Assert.Equal($"00-{root.TraceId}-{explicitChild.SpanId}-03", Injected(explicitChild));
        Assert.Equal($"00-{root.TraceId}-{implicitChild.SpanId}-03", Injected(implicitChild));
        explicitChild.Finish();
        implicitChild.Finish();
        root.Finish();
        tracer.ExportPending();
        Assert.Equal(3, exporter.Spans.Count);
        Assert.All(exporter.Spans, s => Assert.True(s.Context.IsTraceIdRandom));
    }

    // The W3C test suite's test_propagates_random_flag (same trace id, new parent id, random bit set), for each
    // combination of the sampled and random bits, through a remote span and a local child of it.
    [Theory]
    [InlineData("00", "00")]
    [InlineData("01", "01")]
    [InlineData("02", "02")]
    [InlineData("03", "03")]
    [InlineData("fe", "02")] // unknown bits are not passed on
    public void A_continued_trace_keeps_the_incoming_flag_on_every_span(string incoming, string outgoing)
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract($"00-{TraceIdHex}-{ParentIdHex}-{incoming}", out TraceContext parent));

        TraceSpan server = tracer.StartSpanFromContext(parent, "server");
        TraceSpan child = tracer.StartChildSpan(server, "child");

        Assert.Equal(TraceIdHex, server.TraceId.ToString());
        Assert.Equal(ParentIdHex, server.ParentSpanId.ToString());
        Assert.NotEqual(ParentIdHex, server.SpanId.ToString());
        Assert.Equal($"00-{TraceIdHex}-{server.SpanId}-{outgoing}", Injected(server));
        Assert.Equal($"00-{TraceIdHex}-{child.SpanId}-{outgoing}", Injected(child));
        child.Finish();
        server.Finish();
        tracer.ExportPending();
        bool random = (Convert.ToByte(outgoing, 16) & 2) != 0;
        Assert.All(exporter.Spans, s => Assert.Equal(random, s.Context.IsTraceIdRandom));
        Assert.Equal(parent.IsSampled ? 2 : 0, exporter.Spans.Count);
    }

    [Fact]
    public void A_sampled_remote_parent_shed_by_the_sampler_keeps_the_flag_with_sampled_off()
    {
        using Tracer tracer = TestTracers.Manual(new CollectingExporter(), sampling: new SamplingOptions { NormalKeep = 0, NormalDrop = 1 });
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract($"00-{TraceIdHex}-{ParentIdHex}-03", out TraceContext parent));

        TraceSpan server = tracer.StartSpanFromContext(parent, "server");

        Assert.False(server.IsRecording);
        Assert.Equal($"00-{TraceIdHex}-{server.SpanId}-02", Injected(server));
    }

    [Fact]
    public void A_trace_from_the_legacy_form_is_not_flagged_random()
    {
        using Tracer tracer = TestTracers.Manual(new CollectingExporter());
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract($"{TraceIdHex}-{ParentIdHex}", out TraceContext parent));

        TraceSpan server = tracer.StartSpanFromContext(parent, "server");

        Assert.Equal($"00-{TraceIdHex}-{server.SpanId}-01", Injected(server));
        server.Finish();
    }

    [Fact]
    public void New_traces_get_distinct_random_ids_each_flagged_random()
    {
        using Tracer tracer = TestTracers.Manual(new CollectingExporter(), capacity: 1024);

        TraceSpan[] roots = Enumerable.Range(0, 200).Select(_ => tracer.StartSpan("root")).ToArray();

        Assert.All(roots, r => Assert.True(r.Context.IsTraceIdRandom));
        Assert.Equal(roots.Length, roots.Select(r => r.TraceId).Distinct().Count());
        foreach (TraceSpan root in roots)
        {
            root.Finish();
        }
    }

    private static string Injected(in TraceSpan span)
    {
        Span<char> header = stackalloc char[TraceContext.TraceParentLength];
        Assert.Equal(DistricStatus.Ok, span.Inject(header, out int written));
        return header[..written].ToString();
    }
}
