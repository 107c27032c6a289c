using System;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace DistriC.Benchmarks;

/// <summary>
/// The hottest case in a service: 1 or 2 threads incrementing ONE unlabelled series. Each invocation
/// runs <see cref="Increments"/> increments split evenly over the threads; results are per increment.
/// Peers: the generated <c>Inc()</c> (its family stripes by processor once two threads collide), one shared padded
/// <c>Interlocked.Increment</c> (what one cell per series costs under contention; with 1 thread, the floor), one
/// padded slot per thread (no sharing at all: the ceiling), prometheus-net's <c>Counter.Inc()</c> on one shared
/// counter, and the generated histogram <c>Observe</c> on one series.
/// </summary>
[MemoryDiagnoser]
public class SharedSeriesBenchmarks
{
    private const int Increments = 1 << 20;
    private const int Padding = 8;
    private const int MaxThreads = 2;

    // The shared cell sits at Padding, with a cache line of unused slots on either side.
    private readonly long[] _shared = new long[3 * Padding];
    private readonly long[] _perThread = new long[(MaxThreads + 1) * 2 * Padding];
    private int _nextSlot;
    private SpinningWorkers _workers = null!;
    private GeneratedTicks _generated = null!;
    private GeneratedTickLatency _histogram = null!;
    private Prometheus.Counter _prometheus = null!;
    private Action<int> _generatedLoop = null!;
    private Action<int> _sharedLoop = null!;
    private Action<int> _prometheusLoop = null!;
    private Action<int> _perThreadLoop = null!;
    private Action<int> _histogramLoop = null!;

    [Params(1, MaxThreads)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workers = new SpinningWorkers(Threads);
        var registry = new MetricRegistry();
        _generated = new GeneratedTicks(registry);
        _histogram = new GeneratedTickLatency(registry);
        _prometheus = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry())
            .CreateCounter("bench_prometheus_ticks_total", "prometheus-net unlabelled counter");
        _generatedLoop = count =>
        {
            GeneratedTicks ticks = _generated;
            for (int i = 0; i < count; i++)
            {
                ticks.Inc();
            }
        };
        _sharedLoop = count =>
        {
            long[] shared = _shared;
            for (int i = 0; i < count; i++)
            {
                Interlocked.Increment(ref shared[Padding]);
            }
        };
        _perThreadLoop = count =>
        {
            // The threads of one run take consecutive tickets, so each gets its own slot, two lines from the next one.
            int slot = (1 + (Interlocked.Increment(ref _nextSlot) % Threads)) * 2 * Padding;
            long[] slots = _perThread;
            for (int i = 0; i < count; i++)
            {
                Interlocked.Increment(ref slots[slot]);
            }
        };
        _histogramLoop = count =>
        {
            GeneratedTickLatency latency = _histogram;
            for (int i = 0; i < count; i++)
            {
                latency.Observe(0.003);
            }
        };
        _prometheusLoop = count =>
        {
            Prometheus.Counter counter = _prometheus;
            for (int i = 0; i < count; i++)
            {
                counter.Inc();
            }
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _workers.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Increments, Description = "one shared padded Interlocked.Increment")]
    public void SharedAtomic() => _workers.Run(_sharedLoop, Increments);

    [Benchmark(OperationsPerInvoke = Increments, Description = "DistriC generated Inc()")]
    public void Generated() => _workers.Run(_generatedLoop, Increments);

    [Benchmark(OperationsPerInvoke = Increments, Description = "one padded Interlocked.Increment slot per thread")]
    public void PerThreadSlots() => _workers.Run(_perThreadLoop, Increments);

    [Benchmark(OperationsPerInvoke = Increments, Description = "DistriC generated histogram Observe(v)")]
    public void GeneratedHistogram() => _workers.Run(_histogramLoop, Increments);

    [Benchmark(OperationsPerInvoke = Increments, Description = "prometheus-net Counter.Inc()")]
    public void PrometheusNet() => _workers.Run(_prometheusLoop, Increments);
}
