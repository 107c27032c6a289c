using System.Linq;
using System.Threading.Tasks;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>The span kind given at start reaches the handle and the exporter; Internal is the default everywhere.</summary>
public sealed class SpanKindTests
{
    [Fact]
    public void Every_start_method_records_the_kind_it_was_given_and_Internal_by_default()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        var remote = new TraceContext(new TraceId(1, 2), new SpanId(3), IsSampled: true);

        TraceSpan server = tracer.StartSpanFromContext(remote, "server", SpanKind.Server);
        TraceSpan client = tracer.StartChildSpan(server, "client", SpanKind.Client);
        TraceSpan producer = tracer.StartSpan("producer", SpanKind.Producer);
        TraceSpan consumer = tracer.StartSpanFromContext(remote, "consumer", SpanKind.Consumer);
        TraceSpan plain = tracer.StartSpan("plain");
        TraceSpan child = tracer.StartChildSpan(server, "child");
        TraceSpan fromContext = tracer.StartSpanFromContext(remote, "from_context");
        Assert.Equal(SpanKind.Server, server.Kind);
        Assert.Equal(SpanKind.Client, client.Kind);
        Assert.Equal(SpanKind.Internal, plain.Kind);
        foreach (TraceSpan span in new[] { child, fromContext, plain, consumer, producer, client, server })
        {
            span.Finish();
        }

        tracer.ExportPending();
        var kinds = exporter.Spans.ToDictionary(s => s.Name, s => s.Kind);
        Assert.Equal(7, kinds.Count);
        Assert.Equal(SpanKind.Server, kinds["server"]);
        Assert.Equal(SpanKind.Client, kinds["client"]);
        Assert.Equal(SpanKind.Producer, kinds["producer"]);
        Assert.Equal(SpanKind.Consumer, kinds["consumer"]);
        Assert.Equal(SpanKind.Internal, kinds["plain"]);
        Assert.Equal(SpanKind.Internal, kinds["child"]);
        Assert.Equal(SpanKind.Internal, kinds["from_context"]);
    }

    [Fact]
    public void A_recycled_record_does_not_carry_the_previous_spans_kind()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);

        tracer.StartSpan("first", SpanKind.Client).Finish();
        tracer.ExportPending(); // the record goes back to the pool
        tracer.StartSpan("second").Finish();
        tracer.ExportPending();

        Assert.Equal(new[] { SpanKind.Client, SpanKind.Internal }, exporter.Spans.Select(s => s.Kind).ToArray());
    }

    [Fact]
    public void A_sampled_out_span_keeps_its_kind_on_the_handle()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        var notSampled = new TraceContext(new TraceId(1, 2), new SpanId(3), IsSampled: false);

        TraceSpan span = tracer.StartSpanFromContext(notSampled, "server", SpanKind.Server);

        Assert.False(span.IsRecording);
        Assert.Equal(SpanKind.Server, span.Kind);
    }

    [Fact]
    public async Task A_span_started_after_await_without_a_parent_is_a_child_of_the_active_server_span()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        var remote = new TraceContext(new TraceId(1, 2), new SpanId(3), IsSampled: true);

        TraceSpan server = tracer.StartSpanFromContext(remote, "server", SpanKind.Server);
        TraceSpan inner;
        using (server.Activate())
        {
            await Task.Yield();
            inner = tracer.StartSpan("inner");
            inner.Finish();
        }

        server.Finish();
        Assert.Equal(server.SpanId, inner.ParentSpanId);
        Assert.Equal(remote.TraceId, inner.TraceId);
        Assert.Equal(SpanKind.Internal, inner.Kind);
    }
}
