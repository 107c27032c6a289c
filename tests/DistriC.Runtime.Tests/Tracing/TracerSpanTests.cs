using System;
using System.Linq;
using System.Threading.Tasks;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>Port of the seed's test_tracing.c (creation, hierarchy, tags, propagation, active span), plus handle safety.</summary>
public sealed class TracerSpanTests
{
    [Fact]
    public void Span_records_name_ids_and_precise_times_from_the_time_provider()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, time);
        time.Advance(TimeSpan.FromMilliseconds(5));

        TraceSpan span = tracer.StartSpan("test_operation");
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(span.IsRecording);
        Assert.Equal(DistricStatus.Ok, span.Finish());
        Assert.Equal(1, tracer.ExportPending());

        ExportedSpan exported = Assert.Single(exporter.Spans);
        Assert.Equal("test_operation", exported.Name);
        Assert.Equal(span.TraceId, exported.TraceId);
        Assert.Equal(span.SpanId, exported.SpanId);
        Assert.False(exported.ParentSpanId.IsValid);
        Assert.True(exported.TraceId.IsValid && exported.SpanId.IsValid);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, 5, TimeSpan.Zero), exported.StartTime);
        Assert.Equal(TimeSpan.FromMilliseconds(10), exported.Duration);
    }

    [Fact]
    public void Children_share_the_trace_and_point_at_their_parent()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);

        using (TraceSpan parent = tracer.StartSpan("parent_operation"))
        {
            TraceSpan child1 = tracer.StartChildSpan(parent, "child_operation_1");
            TraceSpan child2 = tracer.StartChildSpan(parent, "child_operation_2");
            Assert.Equal(parent.TraceId, child1.TraceId);
            Assert.Equal(parent.SpanId, child1.ParentSpanId);
            Assert.Equal(parent.SpanId, child2.ParentSpanId);
            Assert.NotEqual(child1.SpanId, child2.SpanId);
            child1.Finish();
            child2.Finish();
        }

        tracer.ExportPending();
        var spans = exporter.Spans.ToDictionary(s => s.Name);
        Assert.Equal(3, spans.Count);
        Assert.Equal(spans["parent_operation"].SpanId, spans["child_operation_1"].ParentSpanId);
        Assert.Equal(spans["parent_operation"].SpanId, spans["child_operation_2"].ParentSpanId);
        Assert.All(spans.Values, s => Assert.Equal(spans["parent_operation"].TraceId, s.TraceId));
    }

    [Fact]
    public void Tags_and_status_are_exported_in_order()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);

        TraceSpan span = tracer.StartSpan("tagged_operation");
        Assert.Equal(DistricStatus.Ok, span.SetTag("http.method", "GET"));
        Assert.Equal(DistricStatus.Ok, span.SetTag("http.url", "/api/users"));
        Assert.Equal(DistricStatus.Ok, span.SetTag("http.status_code", "200"));
        Assert.Equal(DistricStatus.Ok, span.SetStatus(SpanStatus.Error));
        span.Finish();
        tracer.ExportPending();

        ExportedSpan exported = Assert.Single(exporter.Spans);
        Assert.Equal(
            new[] { new SpanTag("http.method", "GET"), new SpanTag("http.url", "/api/users"), new SpanTag("http.status_code", "200") },
            exported.Tags);
        Assert.Equal(SpanStatus.Error, exported.Status);
    }

    [Fact]
    public void Tags_over_the_limits_are_reported_and_counted_not_thrown()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, maxTags: 2);

        TraceSpan span = tracer.StartSpan("limits");
        Assert.Equal(DistricStatus.Ok, span.SetTag("a", "1"));
        Assert.Equal(DistricStatus.InvalidValue, span.SetTag(new string('k', 65), "v"));
        Assert.Equal(DistricStatus.InvalidValue, span.SetTag("k", new string('v', 257)));
        Assert.Equal(DistricStatus.InvalidArgument, span.SetTag("", "v"));
        Assert.Equal(DistricStatus.InvalidArgument, span.SetTag(null!, "v"));
        Assert.Equal(DistricStatus.Ok, span.SetTag(new string('k', 64), new string('v', 256)));
        Assert.Equal(DistricStatus.BufferOverflow, span.SetTag("c", "3"));
        span.Finish();
        tracer.ExportPending();

        Assert.Equal(2, Assert.Single(exporter.Spans).Tags.Length);
        Assert.Equal(5, tracer.GetStats().TagsDropped);
    }

    [Fact]
    public void Context_propagates_through_inject_extract_to_a_remote_child()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        using TraceSpan span = tracer.StartSpan("service_a");

        Span<char> header = stackalloc char[TraceContext.TraceParentLength];
        Assert.Equal(DistricStatus.Ok, span.Inject(header, out int written));
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(header[..written], out TraceContext context));
        Assert.Equal(span.TraceId, context.TraceId);
        Assert.Equal(span.SpanId, context.SpanId);
        Assert.True(context.IsSampled);

        using TraceSpan remote = tracer.StartSpanFromContext(context, "service_b");
        Assert.True(remote.IsRecording);
        Assert.Equal(span.TraceId, remote.TraceId);
        Assert.Equal(span.SpanId, remote.ParentSpanId);
    }

    [Fact]
    public void Unsampled_remote_parent_gives_a_non_recording_span_that_keeps_the_trace()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        var upstream = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: false);

        TraceSpan span = tracer.StartSpanFromContext(upstream, "downstream");
        TraceSpan child = tracer.StartChildSpan(span, "child");

        Assert.False(span.IsRecording);
        Assert.False(child.IsRecording);
        Assert.Equal(upstream.TraceId, span.TraceId);
        Assert.Equal(upstream.SpanId, span.ParentSpanId);
        Assert.Equal(upstream.TraceId, child.TraceId);
        Assert.EndsWith("-00", span.Context.ToString(), StringComparison.Ordinal);
        Assert.Equal(DistricStatus.Ok, span.SetTag("k", "v"));
        Assert.Equal(DistricStatus.Ok, span.Finish());
        child.Finish();
        TracerStats stats = tracer.GetStats();
        Assert.Equal(2, stats.SpansSampledOut);
        Assert.Equal(0, stats.SpansSampledIn);
        Assert.Equal(0, tracer.ExportPending());
    }

    [Fact]
    public void Invalid_remote_context_starts_a_new_trace()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        Assert.Equal(DistricStatus.InvalidFormat, TraceContext.Extract("garbage", out TraceContext context));

        using TraceSpan span = tracer.StartSpanFromContext(context, "fresh");

        Assert.True(span.IsRecording);
        Assert.True(span.TraceId.IsValid);
        Assert.False(span.ParentSpanId.IsValid);
    }

    [Fact]
    public void Active_span_is_set_restored_and_parents_new_spans()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan outer = tracer.StartSpan("active_operation");

        Assert.False(Tracer.ActiveSpan.Context.IsValid);
        using (outer.Activate())
        {
            Assert.Equal(outer.Context, Tracer.ActiveSpan.Context);
            TraceSpan inner = tracer.StartSpan("implicit_child");
            Assert.Equal(outer.TraceId, inner.TraceId);
            Assert.Equal(outer.SpanId, inner.ParentSpanId);
            inner.Finish();
        }

        Assert.False(Tracer.ActiveSpan.Context.IsValid);
        TraceSpan root = tracer.StartSpan("root_again");
        Assert.False(root.ParentSpanId.IsValid);
        Assert.NotEqual(outer.TraceId, root.TraceId);
        root.Finish();
        outer.Finish();
    }

    [Fact]
    public async Task Active_span_flows_across_await_and_stays_isolated_between_flows()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);

        async Task<(TraceSpan Parent, TraceSpan Child)> Flow(string name)
        {
            TraceSpan parent = tracer.StartSpan(name);
            using (parent.Activate())
            {
                await Task.Yield();
                await Task.Delay(1).ConfigureAwait(false); // resume on another thread-pool thread
                TraceSpan child = tracer.StartSpan(name + ".child");
                child.Finish();
                parent.Finish();
                return (parent, child);
            }
        }

        (TraceSpan Parent, TraceSpan Child)[] results = await Task.WhenAll(Flow("a"), Flow("b"), Flow("c"));

        foreach ((TraceSpan parent, TraceSpan child) in results)
        {
            Assert.Equal(parent.TraceId, child.TraceId);
            Assert.Equal(parent.SpanId, child.ParentSpanId);
        }

        Assert.Equal(3, results.Select(r => r.Parent.TraceId).Distinct().Count());
        Assert.False(Tracer.ActiveSpan.Context.IsValid);
    }

    [Fact]
    public void Finishing_twice_is_harmless_and_exports_once()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);

        TraceSpan span = tracer.StartSpan("once");
        Assert.Equal(DistricStatus.Ok, span.Finish());
        Assert.Equal(DistricStatus.InvalidState, span.Finish());
        span.Dispose();
        Assert.False(span.IsRecording);
        Assert.Equal(DistricStatus.InvalidState, span.SetTag("late", "x"));
        Assert.Equal(DistricStatus.InvalidState, span.SetStatus(SpanStatus.Ok));

        Assert.Equal(1, tracer.ExportPending());
        Assert.Single(exporter.Spans);
    }

    [Fact]
    public void Stale_handle_after_recycle_cannot_touch_the_span_reusing_its_storage()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan stale = tracer.StartSpan("first");
        stale.Finish();
        tracer.ExportPending(); // recycles the storage into the pool

        TraceSpan fresh = tracer.StartSpan("second"); // takes the only pooled record
        Assert.Equal(DistricStatus.InvalidState, stale.SetTag("intruder", "x"));
        Assert.Equal(DistricStatus.InvalidState, stale.SetStatus(SpanStatus.Error));
        Assert.Equal(DistricStatus.InvalidState, stale.Finish());
        Assert.False(stale.IsRecording);
        Assert.True(fresh.IsRecording);
        fresh.SetTag("owner", "second");
        fresh.Finish();
        tracer.ExportPending();

        ExportedSpan second = exporter.Spans[1];
        Assert.Equal("second", second.Name);
        Assert.Equal(SpanStatus.Unset, second.Status);
        Assert.Equal(new[] { new SpanTag("owner", "second") }, second.Tags);
    }

    [Fact]
    public void Default_span_is_a_safe_no_op()
    {
        TraceSpan span = default;

        Assert.False(span.IsRecording);
        Assert.Equal(DistricStatus.Ok, span.SetTag("k", "v"));
        Assert.Equal(DistricStatus.Ok, span.SetStatus(SpanStatus.Ok));
        Assert.Equal(DistricStatus.Ok, span.Finish());
        Assert.Equal(DistricStatus.InvalidState, span.Inject(new char[64], out _));
    }

    [Fact]
    public void A_long_running_span_does_not_hold_up_export_of_later_spans()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan longRunning = tracer.StartSpan("long");

        for (int i = 0; i < 5; i++)
        {
            tracer.StartSpan("short").Finish();
        }

        Assert.Equal(5, tracer.ExportPending());
        Assert.All(exporter.Spans, s => Assert.Equal("short", s.Name));
        longRunning.Finish();
        Assert.Equal(1, tracer.ExportPending());
        Assert.Equal("long", exporter.Spans[^1].Name);
    }

    [Fact]
    public void Exported_tags_are_borrowed_and_refuse_reads_after_the_call()
    {
        var keeper = new KeepingExporter();
        using Tracer tracer = TestTracers.Manual(keeper);
        TraceSpan span = tracer.StartSpan("kept");
        span.SetTag("k", "v");
        span.Finish();
        tracer.ExportPending();

        FinishedSpan kept = keeper.Kept;
        Assert.Equal("kept", kept.Name); // scalars are copies and stay valid
        Assert.Equal("v", keeper.TagValueDuringExport);
        Assert.Throws<InvalidOperationException>(() => kept.Tags.Length);
    }

    [Fact]
    public void Disposed_tracer_returns_non_recording_spans_and_drops_late_finishes()
    {
        using var exporter = new CollectingExporter();
        Tracer tracer = TestTracers.Manual(exporter);
        TraceSpan open = tracer.StartSpan("open");
        tracer.StartSpan("queued").Finish();

        tracer.Dispose();

        Assert.Single(exporter.Spans); // Dispose exported what was queued
        Assert.False(tracer.StartSpan("after").IsRecording);
        Assert.Equal(DistricStatus.Backpressure, open.Finish());
        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(1, stats.SpansDropped);
        Assert.False(tracer.IsExporterHealthy);
    }

    private sealed class KeepingExporter : ISpanExporter
    {
        public FinishedSpan Kept { get; private set; }

        public string? TagValueDuringExport { get; private set; }

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            Kept = batch[0];
            TagValueDuringExport = batch[0].Tags[0].Value;
            return true;
        }
    }
}
