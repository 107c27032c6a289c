using System;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>
/// Adaptive sampling, driven deterministically: the tracer runs in manual mode (no timer, no export thread) on a
/// manual clock, and the test decides when the state machine evaluates and when the queue drains.
/// Port of the seed's hardening #8 (hysteresis), FM3/FM7/P2b (degradation under a stalled exporter).
/// </summary>
public sealed class TracerSamplingTests
{
    private static readonly SamplingOptions OneInTenUnderPressure = new() { NormalKeep = 1, NormalDrop = 0, BackpressureKeep = 1, BackpressureDrop = 9 };

    [Theory]
    [InlineData(1, 0, 400, 400)]
    [InlineData(1, 3, 400, 100)]
    [InlineData(3, 1, 400, 300)]
    [InlineData(0, 1, 400, 0)]
    [InlineData(0, 0, 400, 0)]
    public void Normal_ratio_keeps_exactly_keep_of_every_keep_plus_drop_roots(int keep, int drop, int spans, int expectedIn)
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 1024,
            sampling: new SamplingOptions { NormalKeep = keep, NormalDrop = drop });

        TestTracers.Flood(tracer, spans);

        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(spans, stats.SpansCreated);
        Assert.Equal(expectedIn, stats.SpansSampledIn);
        Assert.Equal(spans - expectedIn, stats.SpansSampledOut);
        Assert.Equal(keep + drop == 0 ? 0 : (double)keep / (keep + drop), stats.EffectiveSampleRatio);
    }

    [Fact]
    public void Children_follow_the_parent_decision_so_traces_stay_whole()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 1024,
            sampling: new SamplingOptions { NormalKeep = 1, NormalDrop = 1 });

        for (int i = 0; i < 10; i++)
        {
            TraceSpan root = tracer.StartSpan("root");
            TraceSpan child = tracer.StartChildSpan(root, "child");
            TraceSpan grandchild = tracer.StartChildSpan(child, "grandchild");
            Assert.Equal(root.IsRecording, child.IsRecording);
            Assert.Equal(root.IsRecording, grandchild.IsRecording);
            Assert.Equal(root.TraceId, grandchild.TraceId);
            grandchild.Finish();
            child.Finish();
            root.Finish();
        }

        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(15, stats.SpansSampledIn);
        Assert.Equal(15, stats.SpansSampledOut);
    }

    [Fact]
    public async System.Threading.Tasks.Task Stalled_exporter_enters_backpressure_counts_drops_and_recovery_exits()
    {
        var time = new ManualTimeProvider();
        using var exporter = new CollectingExporter(stalled: true);
        using Tracer tracer = TestTracers.Manual(exporter, time, capacity: 64, sampling: OneInTenUnderPressure, maxBatchSize: 8);

        // The first batch gets stuck inside the exporter, like a hung network call.
        TestTracers.Flood(tracer, 8);
        var stuckExport = System.Threading.Tasks.Task.Run(() => tracer.ExportPending());
        Assert.True(exporter.Entered.Wait(TimeSpan.FromSeconds(5)));

        // Producers fill the queue and keep going: the overflow is dropped and counted, never waited for.
        int drops = TestTracers.Flood(tracer, 64 + 10);
        Assert.Equal(10, drops);
        tracer.EvaluateBackpressure();
        TracerStats pressured = tracer.GetStats();
        Assert.True(pressured.InBackpressure);
        Assert.True(tracer.Backpressure.FillSignal);
        Assert.True(tracer.Backpressure.DropSignal);
        Assert.Equal(10, pressured.SpansDropped);
        Assert.Equal(0.1, pressured.EffectiveSampleRatio);

        // Under backpressure only 1 root in 10 is recorded (and those are dropped: the queue is still full).
        TestTracers.Flood(tracer, 100);
        TracerStats sampled = tracer.GetStats();
        Assert.Equal(82 + 10, sampled.SpansSampledIn);
        Assert.Equal(90, sampled.SpansSampledOut);
        Assert.Equal(20, sampled.SpansDropped);

        // Recovery: the exporter comes back and the queue drains; fill exits at once, the drop signal after 3 s quiet.
        exporter.Release();
        Assert.Equal(8, await stuckExport.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(64, tracer.ExportPending());
        tracer.EvaluateBackpressure();
        Assert.False(tracer.Backpressure.FillSignal);
        Assert.True(tracer.GetStats().InBackpressure);
        time.Advance(TimeSpan.FromSeconds(2.9));
        tracer.EvaluateBackpressure();
        Assert.True(tracer.GetStats().InBackpressure);
        time.Advance(TimeSpan.FromSeconds(0.1));
        tracer.EvaluateBackpressure();
        TracerStats recovered = TestTracers.AssertAccounting(tracer);
        Assert.False(recovered.InBackpressure);
        Assert.Equal(1.0, recovered.EffectiveSampleRatio);
        Assert.Equal(72, recovered.SpansExported);
        Assert.Equal(2, tracer.Backpressure.Transitions);

        TestTracers.Flood(tracer, 10);
        Assert.Equal(10, tracer.ExportPending());
        TestTracers.AssertAccounting(tracer);
    }

    [Fact]
    public void Queue_fill_hovering_between_the_thresholds_does_not_oscillate()
    {
        using var exporter = new CollectingExporter();
        // Keep everything in both modes, so the test controls the depth exactly.
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 64, sampling: new SamplingOptions { BackpressureDrop = 0 });

        // 64 slots: enter at >= 48 (75 %), exit at < 32 (50 %). Each step: set the depth, evaluate, check.
        (int Depth, bool Expected)[] steps =
        {
            (40, false), (47, false), (48, true), (40, true), (33, true), (47, true),
            (32, true), (31, false), (40, false), (47, false), (35, false), (47, false),
        };
        foreach ((int depth, bool expected) in steps)
        {
            SetDepth(tracer, depth);
            tracer.EvaluateBackpressure();
            Assert.True(expected == tracer.GetStats().InBackpressure, $"depth {depth}");
        }

        Assert.Equal(2, tracer.Backpressure.Transitions);
        Assert.Equal(0, tracer.GetStats().SpansDropped);
    }

    [Fact]
    public void Moderate_load_then_burst_then_recovery_matches_the_seed_hysteresis_scenario()
    {
        var time = new ManualTimeProvider();
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, time, capacity: 64, sampling: OneInTenUnderPressure);

        // Moderate: 100 spans over 500 ms with an export every 50 ms: never pressured, nothing lost.
        for (int tick = 0; tick < 10; tick++)
        {
            TestTracers.Flood(tracer, 10);
            time.Advance(TimeSpan.FromMilliseconds(50));
            tracer.EvaluateBackpressure();
            tracer.ExportPending();
        }

        TracerStats moderate = tracer.GetStats();
        Assert.Equal(100, moderate.SpansExported);
        Assert.Equal(0, moderate.SpansSampledOut + moderate.SpansDropped);

        // Burst: 500 spans with no export in between; evaluation keeps running.
        for (int i = 0; i < 5; i++)
        {
            TestTracers.Flood(tracer, 100);
            tracer.EvaluateBackpressure();
        }

        TracerStats burst = TestTracers.AssertAccounting(tracer);
        Assert.True(burst.InBackpressure);
        Assert.True(burst.SpansSampledOut > 0);
        Assert.True(burst.SpansDropped > 0);

        // Recovery: drain, then 3 s without drops.
        tracer.ExportPending();
        time.Advance(TimeSpan.FromSeconds(3));
        tracer.EvaluateBackpressure();
        Assert.False(tracer.GetStats().InBackpressure);
        TraceSpan check = tracer.StartSpan("recovery_check");
        Assert.True(check.IsRecording);
        Assert.Equal(DistricStatus.Ok, check.Finish());
        TestTracers.AssertAccounting(tracer);
    }

    /// <summary>Brings the export queue to exactly <paramref name="depth"/> spans by adding or draining.</summary>
    private static void SetDepth(Tracer tracer, int depth)
    {
        int current = tracer.GetStats().QueueDepth;
        if (current < depth)
        {
            TestTracers.Flood(tracer, depth - current);
        }
        else if (current > depth)
        {
            tracer.ExportPending(current - depth);
        }

        Assert.Equal(depth, tracer.GetStats().QueueDepth);
    }
}
