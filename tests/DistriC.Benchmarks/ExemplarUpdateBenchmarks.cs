using System;
using BenchmarkDotNet.Attributes;

namespace DistriC.Benchmarks;

/// <summary>
/// The cost of exemplars on the generated update methods, next to the same updates without them, in one run:
/// no span ever made active in the process (the gate closed), no span active now but one was before (the
/// async-local read), and a sampled span active (the steady state: the exemplar was recorded within the interval,
/// so the update only checks its age). Each benchmark runs in its own process, so the gate of one row does not
/// leak into another.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("ExemplarUpdate")]
public class ExemplarUpdateBenchmarks
{
    private GeneratedRequests _plainCounter = null!;
    private LinkedRequests _linkedCounter = null!;
    private GeneratedDuration _plainHistogram = null!;
    private LinkedDuration _linkedHistogram = null!;
    private Tracer? _tracer;
    private int _next;

    [GlobalSetup(Targets = new[] { nameof(CounterInc), nameof(CounterIncExemplarsNeverTraced), nameof(HistogramObserve), nameof(HistogramObserveExemplarsNeverTraced) })]
    public void SetupNeverTraced() => CreateMetrics();

    [GlobalSetup(Targets = new[] { nameof(CounterIncExemplarsNoActiveSpan), nameof(HistogramObserveExemplarsNoActiveSpan) })]
    public void SetupNoActiveSpan()
    {
        CreateMetrics();
        TraceSpan span = StartTracer().StartSpan("earlier");
        using (span.Activate())
        {
        }

        span.Finish();
    }

    [GlobalSetup(Targets = new[] { nameof(CounterIncExemplarsActiveSpan), nameof(HistogramObserveExemplarsActiveSpan) })]
    public void SetupActiveSpan()
    {
        CreateMetrics();
        // Left active for the whole run: the benchmark methods run synchronously on this thread after the setup.
        StartTracer().StartSpan("request").Activate();
        if (!Tracer.ActiveSpan.Context.IsSampled)
        {
            throw new InvalidOperationException("The benchmark span is not active on the benchmark thread.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _tracer?.Dispose();

    [Benchmark(Baseline = true, Description = "counter Inc, no exemplars")]
    public DistricStatus CounterInc()
    {
        int i = Next();
        return _plainCounter.Inc(LabelRotation.Methods[i], LabelRotation.Statuses[i]);
    }

    [Benchmark(Description = "counter Inc, exemplars, never traced")]
    public DistricStatus CounterIncExemplarsNeverTraced() => LinkedInc();

    [Benchmark(Description = "counter Inc, exemplars, no active span")]
    public DistricStatus CounterIncExemplarsNoActiveSpan() => LinkedInc();

    [Benchmark(Description = "counter Inc, exemplars, active span")]
    public DistricStatus CounterIncExemplarsActiveSpan() => LinkedInc();

    [Benchmark(Description = "histogram Observe, no exemplars")]
    public DistricStatus HistogramObserve()
    {
        int i = Next();
        return _plainHistogram.Observe(LabelRotation.DurationMethods[i], LabelRotation.Statuses[i], LabelRotation.Observations[i]);
    }

    [Benchmark(Description = "histogram Observe, exemplars, never traced")]
    public DistricStatus HistogramObserveExemplarsNeverTraced() => LinkedObserve();

    [Benchmark(Description = "histogram Observe, exemplars, no active span")]
    public DistricStatus HistogramObserveExemplarsNoActiveSpan() => LinkedObserve();

    [Benchmark(Description = "histogram Observe, exemplars, active span")]
    public DistricStatus HistogramObserveExemplarsActiveSpan() => LinkedObserve();

    private DistricStatus LinkedInc()
    {
        int i = Next();
        return _linkedCounter.Inc((LinkedRequests.Method)(int)LabelRotation.Methods[i], LabelRotation.Statuses[i]);
    }

    private DistricStatus LinkedObserve()
    {
        int i = Next();
        return _linkedHistogram.Observe((LinkedDuration.Method)(int)LabelRotation.DurationMethods[i], LabelRotation.Statuses[i], LabelRotation.Observations[i]);
    }

    private void CreateMetrics()
    {
        var registry = new MetricRegistry();
        _plainCounter = new GeneratedRequests(registry);
        _linkedCounter = new LinkedRequests(registry);
        _plainHistogram = new GeneratedDuration(registry);
        _linkedHistogram = new LinkedDuration(registry);
    }

    private Tracer StartTracer() => _tracer = new Tracer(new TracerOptions { Exporter = new DiscardExporter() });

    private int Next()
    {
        int i = _next + 1;
        _next = i == LabelRotation.Length ? 0 : i;
        return _next;
    }

    private sealed class DiscardExporter : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
    }
}
