using System;
using System.Threading;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>
/// The active span is kept as an immutable holder per span, cached on its pooled record: an execution context captured
/// while a span was active keeps naming that span after its record was recycled and reused, and the thread-static mirror
/// read by exemplars follows every switch.
/// </summary>
public sealed class ActiveSpanHolderTests
{
    [Fact]
    public void A_captured_context_keeps_its_span_after_the_record_is_reused_by_another_active_span()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 2, maxBatchSize: 1);
        TraceSpan first = tracer.StartSpan("first");
        ExecutionContext captured;
        using (first.Activate())
        {
            captured = ExecutionContext.Capture()!;
        }

        first.Finish();
        tracer.ExportPending();
        TraceSpan second = tracer.StartSpan("second");
        Assert.True(second.IsRecording);
        Assert.NotEqual(first.SpanId, second.SpanId);
        using (second.Activate())
        {
            SpanId seen = default;
            TraceContext mirrored = default;
            ExecutionContext.Run(captured, _ =>
            {
                seen = Tracer.ActiveSpan.SpanId;
                mirrored = Tracer.ActiveContext;
            }, null);

            Assert.Equal(first.SpanId, seen);
            Assert.Equal(first.Context, mirrored);
            Assert.Equal(second.SpanId, Tracer.ActiveSpan.SpanId);
            Assert.Equal(second.Context, Tracer.ActiveContext);
        }

        Assert.False(Tracer.ActiveSpan.Context.IsValid);
        Assert.False(Tracer.ActiveContext.IsValid);
        second.Finish();
    }

    [Fact]
    public void Activating_the_same_span_again_reuses_its_holder_and_restoring_none_stores_nothing()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan span = tracer.StartSpan("again");
        using (span.Activate())
        {
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        using (span.Activate())
        {
            Assert.Equal(span.SpanId, Tracer.ActiveSpan.SpanId);
        }

        long again = GC.GetAllocatedBytesForCurrentThread() - before;
        TraceSpan other = tracer.StartSpan("other");
        before = GC.GetAllocatedBytesForCurrentThread();
        using (other.Activate())
        {
            Assert.Equal(other.SpanId, Tracer.ActiveSpan.SpanId);
        }

        long fresh = GC.GetAllocatedBytesForCurrentThread() - before;
        // A new span pays for its holder once; the same span activated again pays only the AsyncLocal writes.
        Assert.True(fresh > again, $"fresh {fresh} B, again {again} B");
        Assert.False(Tracer.ActiveSpan.Context.IsValid);
        span.Finish();
        other.Finish();
    }

    [Fact]
    public void Setting_the_default_span_clears_the_active_span_and_its_mirror()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan span = tracer.StartSpan("set");
        Tracer.ActiveSpan = span;
        Assert.Equal(span.Context, Tracer.ActiveContext);
        Assert.True(Tracer.ActiveContextSampled);
        Tracer.ActiveSpan = default;
        Assert.False(Tracer.ActiveSpan.Context.IsValid);
        Assert.False(Tracer.ActiveContext.IsValid);
        Assert.False(Tracer.ActiveContextSampled);
        span.Finish();
    }
}
