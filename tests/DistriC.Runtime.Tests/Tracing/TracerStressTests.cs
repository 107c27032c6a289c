using System;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>
/// Ports of the seed's concurrent tracing tests: FM3 and P3b (saturated buffer, finishing never blocks), FM7 and
/// P2a (many producers, stalled exporter, adaptive sampling, every span accounted for), P2b (stats show degradation).
/// Producers report what each call returned; the tracer's counters must agree exactly.
/// </summary>
public sealed class TracerStressTests
{
    private const int Producers = 4;
    private const int SpansPerProducer = 5_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Many_producers_against_a_stalled_exporter_degrade_and_account_for_every_span()
    {
        using var exporter = new CollectingExporter(stalled: true);
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 64,
            sampling: new SamplingOptions { BackpressureKeep = 1, BackpressureDrop = 9 }, maxBatchSize: 8);
        TestTracers.Flood(tracer, 8);
        Task<int> stuck = Task.Run(() => tracer.ExportPending());
        Assert.True(exporter.Entered.Wait(Bound));

        using var stop = new CancellationTokenSource();
        Task evaluator = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                tracer.EvaluateBackpressure();
                Thread.Yield();
            }
        });
        using var start = new Barrier(Producers);
        using var midpoint = new Barrier(Producers + 1);
        Task<ProducerTally>[] producers = new Task<ProducerTally>[Producers];
        for (int p = 0; p < Producers; p++)
        {
            producers[p] = Task.Factory.StartNew(() => Produce(tracer, start, midpoint), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        // Halfway, with every producer paused, one evaluation is guaranteed to see the full queue (the concurrent
        // evaluator may be starved on a busy machine), so the second half runs at the backpressure ratio.
        Assert.True(midpoint.SignalAndWait(Bound));
        tracer.EvaluateBackpressure();
        Assert.True(tracer.GetStats().InBackpressure);
        Assert.True(midpoint.SignalAndWait(Bound));

        ProducerTally total = default;
        foreach (ProducerTally tally in await Task.WhenAll(producers).WaitAsync(Bound))
        {
            total += tally;
        }

        stop.Cancel();
        await evaluator.WaitAsync(Bound);
        tracer.EvaluateBackpressure();

        TracerStats stats = tracer.GetStats();
        Assert.Equal(8 + Producers * SpansPerProducer, stats.SpansCreated);
        Assert.Equal(total.NotRecorded, stats.SpansSampledOut);
        Assert.Equal(total.Dropped, stats.SpansDropped);
        Assert.Equal(8 + total.Queued, stats.SpansSampledIn - stats.SpansDropped);
        Assert.True(stats.InBackpressure);
        Assert.True(stats.SpansSampledOut > 0 && stats.SpansDropped > 0);
        Assert.Equal(64, stats.QueueDepth);

        exporter.Release();
        Assert.Equal(8, await stuck.WaitAsync(Bound));
        Assert.Equal(64, tracer.ExportPending());
        TracerStats final = TestTracers.AssertAccounting(tracer);
        Assert.Equal(72, final.SpansExported);
        Assert.Equal(72, exporter.Spans.Count);
    }

    [Fact]
    public async Task Concurrent_producers_with_a_live_exporter_lose_nothing_unaccounted()
    {
        var exporter = new CountingExporter();
        using var tracer = new Tracer(new TracerOptions
        {
            Exporter = exporter,
            BufferCapacity = 256,
            MaxBatchSize = 32,
            ExportInterval = TimeSpan.FromMilliseconds(10),
            Sampling = new SamplingOptions { EvaluationInterval = TimeSpan.FromMilliseconds(5) },
        });
        using var start = new Barrier(Producers);
        Task<ProducerTally>[] producers = new Task<ProducerTally>[Producers];
        for (int p = 0; p < Producers; p++)
        {
            producers[p] = Task.Factory.StartNew(() => Produce(tracer, start, null), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        ProducerTally total = default;
        foreach (ProducerTally tally in await Task.WhenAll(producers).WaitAsync(Bound))
        {
            total += tally;
        }

        Assert.True(SpinWait.SpinUntil(() => tracer.GetStats().SpansExported == total.Queued, Bound));
        Assert.Equal(total.Queued, exporter.Spans);
        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(Producers * SpansPerProducer, stats.SpansCreated);
        Assert.Equal(total.Queued, stats.SpansExported);
        Assert.Equal(total.Dropped, stats.SpansDropped);
        Assert.Equal(total.NotRecorded, stats.SpansSampledOut);
    }

    [Fact]
    public async Task Finishing_on_a_saturated_queue_never_waits_for_the_exporter()
    {
        using var exporter = new CollectingExporter(stalled: true);
        using Tracer tracer = TestTracers.Manual(exporter, capacity: 16,
            sampling: new SamplingOptions { BackpressureDrop = 0 });
        TestTracers.Flood(tracer, 1);
        Task<int> stuck = Task.Run(() => tracer.ExportPending());
        Assert.True(exporter.Entered.Wait(Bound));
        TestTracers.Flood(tracer, 16); // queue full

        // 100 000 start + tag + finish on a full queue with the exporter hung: must complete, each a counted drop.
        int dropped = await Task.Run(() =>
        {
            int drops = 0;
            for (int i = 0; i < 100_000; i++)
            {
                TraceSpan span = tracer.StartSpan("sat");
                span.SetTag("iteration", "v");
                span.SetStatus(SpanStatus.Ok);
                drops += span.Finish() == DistricStatus.Backpressure ? 1 : 0;
            }

            return drops;
        }).WaitAsync(Bound);

        Assert.Equal(100_000, dropped);
        Assert.Equal(100_000, tracer.GetStats().SpansDropped);
        exporter.Release();
        await stuck.WaitAsync(Bound);
        tracer.ExportPending();
        TracerStats stats = TestTracers.AssertAccounting(tracer);
        Assert.Equal(17, stats.SpansExported);
    }

    private static ProducerTally Produce(Tracer tracer, Barrier start, Barrier? midpoint)
    {
        start.SignalAndWait(Bound);
        ProducerTally tally = default;
        for (int i = 0; i < SpansPerProducer; i++)
        {
            if (i == SpansPerProducer / 2 && midpoint is not null)
            {
                midpoint.SignalAndWait(Bound);
                midpoint.SignalAndWait(Bound);
            }

            TraceSpan span = tracer.StartSpan("work");
            if (!span.IsRecording)
            {
                tally.NotRecorded++;
            }

            span.SetTag("i", "v");
            DistricStatus status = span.Finish();
            if (status == DistricStatus.Backpressure)
            {
                tally.Dropped++;
            }
            else if (span.Context.IsSampled)
            {
                tally.Queued++;
            }
        }

        return tally;
    }

    private struct ProducerTally
    {
        public long NotRecorded;
        public long Dropped;
        public long Queued;

        public static ProducerTally operator +(ProducerTally a, ProducerTally b) =>
            new() { NotRecorded = a.NotRecorded + b.NotRecorded, Dropped = a.Dropped + b.Dropped, Queued = a.Queued + b.Queued };
    }
}
