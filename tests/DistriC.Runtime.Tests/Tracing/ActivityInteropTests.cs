using System.Diagnostics;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>Spans started with no active DistriC span continue Activity.Current (another library's span).</summary>
public sealed class ActivityInteropTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string SpanId = "00f067aa0ba902b7";

    [Fact]
    public void Without_an_active_span_a_new_span_is_a_child_of_Activity_Current()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        using var activity = new Activity("other-library");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.Start(); // a root activity nobody samples: recorded or not is the tracer's decision

        TraceSpan span = tracer.StartSpan("work");

        Assert.True(span.IsRecording);
        Assert.Equal(activity.TraceId.ToHexString(), span.TraceId.ToString());
        Assert.Equal(activity.SpanId.ToHexString(), span.ParentSpanId.ToString());
    }

    [Fact]
    public void An_activity_whose_parent_was_not_sampled_gives_a_span_that_is_not_recorded_but_keeps_the_trace()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        using var activity = new Activity("incoming");
        activity.SetParentId($"00-{TraceId}-{SpanId}-00");
        activity.TraceStateString = "rojo=1";
        activity.Start();

        TraceSpan span = tracer.StartSpan("work");

        Assert.False(span.IsRecording);
        Assert.Equal(TraceId, span.TraceId.ToString());
        Assert.Equal(activity.SpanId.ToHexString(), span.ParentSpanId.ToString());
        Assert.Equal("rojo=1", span.Context.TraceState);
    }

    [Fact]
    public void An_active_DistriC_span_wins_over_Activity_Current()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan parent = tracer.StartSpan("parent");
        using var activity = new Activity("other-library").Start();

        TraceSpan child;
        using (parent.Activate())
        {
            child = tracer.StartSpan("child");
        }

        Assert.Equal(parent.SpanId, child.ParentSpanId);
        Assert.Equal(parent.TraceId, child.TraceId);
    }

    [Fact]
    public void TraceContext_and_ActivityContext_convert_both_ways()
    {
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract($"00-{TraceId}-{SpanId}-01", "rojo=1", out TraceContext context));

        ActivityContext activityContext = context.ToActivityContext(isRemote: true);
        Assert.Equal(TraceId, activityContext.TraceId.ToHexString());
        Assert.Equal(SpanId, activityContext.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, activityContext.TraceFlags);
        Assert.Equal("rojo=1", activityContext.TraceState);
        Assert.True(activityContext.IsRemote);
        Assert.Equal(context, TraceContext.FromActivityContext(activityContext));
        Assert.Equal(default, TraceContext.FromActivityContext(default));
        Assert.Equal(default, default(TraceContext).ToActivityContext());
    }
}
