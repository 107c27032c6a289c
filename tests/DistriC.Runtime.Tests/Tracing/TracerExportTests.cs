using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>Batching, exporter failures and liveness (hardening #5), and the real background export thread.</summary>
public sealed class TracerExportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void Export_delivers_in_batches_of_at_most_max_batch_size_in_finish_order()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 64, maxBatchSize: 16);
        for (int i = 0; i < 40; i++)
        {
            tracer.StartSpan("s" + i).Finish();
        }

        Assert.Equal(40, tracer.ExportPending());

        Assert.Equal(new[] { 16, 16, 8 }, exporter.BatchSizes);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "s" + i), exporter.Spans.Select(s => s.Name));
        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(3, stats.ExportsAttempted);
        Assert.Equal(3, stats.ExportsSucceeded);
    }

    [Fact]
    public void Throwing_or_failing_exporter_is_counted_and_the_next_export_still_runs()
    {
        using var exporter = new CollectingExporter { ThrowNext = 1, FailNext = 1 };
        using Tracer tracer = TestTracers.Manual(exporter, maxBatchSize: 4);
        TestTracers.Flood(tracer, 4);
        Assert.Equal(4, tracer.ExportPending()); // throws
        TestTracers.Flood(tracer, 4);
        Assert.Equal(4, tracer.ExportPending()); // returns false
        TestTracers.Flood(tracer, 3);
        Assert.Equal(3, tracer.ExportPending()); // succeeds

        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(3, stats.ExportsAttempted);
        Assert.Equal(1, stats.ExportsSucceeded);
        Assert.Equal(2, stats.ExportsFailed);
        Assert.Equal(8, stats.SpansFailed);
        Assert.Equal(3, stats.SpansExported);
        Assert.Equal(3, exporter.Spans.Count);
    }

    [Fact]
    public async Task Stalled_exporter_is_reported_dead_after_three_intervals_and_alive_again_after()
    {
        var time = new ManualTimeProvider();
        using var exporter = new CollectingExporter(stalled: true);
        using Tracer tracer = new(new TracerOptions
        {
            Exporter = exporter,
            TimeProvider = time,
            ExportInterval = TimeSpan.FromSeconds(1),
        }, startBackgroundWork: false);
        Assert.True(tracer.IsExporterHealthy);

        tracer.StartSpan("x").Finish();
        Task<int> stuck = Task.Run(() => tracer.ExportPending());
        Assert.True(exporter.Entered.Wait(Bound));
        time.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.True(tracer.GetStats().ExporterAlive);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(tracer.GetStats().ExporterAlive);

        exporter.Release();
        Assert.Equal(1, await stuck.WaitAsync(Bound));
        Assert.True(tracer.IsExporterHealthy);

        // No export cycle for three intervals (a dead loop) is also reported.
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(tracer.IsExporterHealthy);
    }

    [Fact]
    public void Background_thread_exports_enters_backpressure_while_stalled_and_leaves_it_after()
    {
        using var exporter = new CollectingExporter(stalled: true);
        using var tracer = new Tracer(new TracerOptions
        {
            Exporter = exporter,
            BufferCapacity = 64,
            MaxBatchSize = 8,
            ExportInterval = TimeSpan.FromMilliseconds(20),
            Sampling = new SamplingOptions { BackpressureDrop = 0, EvaluationInterval = TimeSpan.FromMilliseconds(5) },
        });

        tracer.StartSpan("first").Finish();
        Assert.True(exporter.Entered.Wait(Bound)); // the export thread picked it up and is stuck

        // 60 of 64 slots: over the 75 % threshold, but no drop, so only the fill signal is involved.
        Assert.Equal(0, TestTracers.Flood(tracer, 60));
        Assert.True(SpinWait.SpinUntil(() => tracer.GetStats().InBackpressure, Bound));

        exporter.Release();
        // Wait on the tracer's own count: it is updated after Export returns, the exporter's list inside the call.
        Assert.True(SpinWait.SpinUntil(() => tracer.GetStats().SpansExported == 61, Bound));
        Assert.Equal(61, exporter.Spans.Count);
        Assert.True(SpinWait.SpinUntil(() => !tracer.GetStats().InBackpressure, Bound));
        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(61, stats.SpansExported);
        Assert.Equal(0, stats.SpansDropped);
        Assert.True(stats.ExporterAlive);
    }

    [Fact]
    public void Background_thread_wakes_on_a_full_batch_without_waiting_for_the_interval()
    {
        var exporter = new CountingExporter();
        using var tracer = new Tracer(new TracerOptions
        {
            Exporter = exporter,
            BufferCapacity = 1024,
            MaxBatchSize = 64,
            ExportInterval = TimeSpan.FromHours(1),
        });

        TestTracers.Flood(tracer, 64);

        Assert.True(SpinWait.SpinUntil(() => exporter.Spans == 64, Bound));
    }

    [Fact]
    public void Export_thread_does_not_inherit_the_creators_active_span()
    {
        var probe = new ActiveSpanProbe();
        using Tracer outer = TestTracers.Manual(new CountingExporter());
        TraceSpan creatorSpan = outer.StartSpan("creator");
        Tracer tracer;
        using (creatorSpan.Activate())
        {
            tracer = new Tracer(new TracerOptions { Exporter = probe, ExportInterval = TimeSpan.FromMilliseconds(10) });
        }

        using (tracer)
        {
            tracer.StartSpan("work").Finish();
            Assert.True(probe.Exported.Wait(Bound));
        }

        Assert.False(probe.SawActiveSpan);
    }

    [Fact]
    public void Dispose_exports_everything_still_queued()
    {
        var exporter = new CountingExporter();
        var tracer = new Tracer(new TracerOptions { Exporter = exporter, ExportInterval = TimeSpan.FromHours(1) });
        TestTracers.Flood(tracer, 10);

        tracer.Dispose();

        Assert.Equal(10, exporter.Spans);
        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(0, stats.QueueDepth);
        Assert.False(stats.ExporterAlive);
    }

    [Fact]
    public void Invalid_options_are_rejected_at_construction()
    {
        var exporter = new CountingExporter();
        Assert.Throws<ArgumentException>(() => new Tracer(new TracerOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tracer(new TracerOptions { Exporter = exporter, BufferCapacity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tracer(new TracerOptions { Exporter = exporter, MaxBatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tracer(new TracerOptions { Exporter = exporter, ExportInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tracer(new TracerOptions { Exporter = exporter, Sampling = new SamplingOptions { NormalDrop = -1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tracer(new TracerOptions { Exporter = exporter, Sampling = new SamplingOptions { EvaluationInterval = TimeSpan.FromSeconds(2) } }));
    }

    [Fact]
    public void Buffer_capacity_is_rounded_up_to_a_power_of_two()
    {
        using Tracer tracer = TestTracers.Manual(new CountingExporter(), capacity: 100);

        Assert.Equal(128, tracer.GetStats().QueueCapacity);
    }

    private sealed class ActiveSpanProbe : ISpanExporter
    {
        public ManualResetEventSlim Exported { get; } = new(false);

        public bool SawActiveSpan { get; private set; }

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            SawActiveSpan |= Tracer.ActiveSpan.Context.IsValid;
            Exported.Set();
            return true;
        }
    }
}
