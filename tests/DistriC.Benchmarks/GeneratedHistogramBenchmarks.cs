using System.Collections.Generic;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry.Metrics;

namespace DistriC.Benchmarks;

/// <summary>
/// A labelled histogram observation (2 labels, 7 buckets, rotating through the 12 combinations): the
/// generated <c>Observe</c> against the padded <c>Interlocked.Increment</c> floor, the dynamic string
/// API, prometheus-net and OpenTelemetry's <c>Record</c> with 2 tags.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("LabelledHistogramObserve")]
public class GeneratedHistogramBenchmarks : LabelledPeerBenchmarks
{
    private static readonly double[] Buckets = { 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5 };
    private GeneratedDuration _generated = null!;
    private Histogram _dynamic = null!;
    private Prometheus.Histogram _prometheus = null!;
    private Histogram<double> _otel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MetricRegistry();
        _generated = new GeneratedDuration(registry);
        _dynamic = registry.CreateHistogram(
            "bench_dynamic_duration_seconds",
            "Dynamic labelled histogram",
            Buckets,
            new LabelDefinition("method", "GET", "POST", "PUT", "DELETE"),
            new LabelDefinition("status", "2xx", "4xx", "5xx"));
        _prometheus = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry())
            .CreateHistogram("bench_prometheus_duration_seconds", "prometheus-net labelled histogram", new Prometheus.HistogramConfiguration { LabelNames = new[] { "method", "status" }, Buckets = Buckets });
        _otel = Meter.CreateHistogram<double>("bench_otel_duration");
        ListenWithOpenTelemetry(builder => builder.AddView(_otel.Name, new ExplicitBucketHistogramConfiguration { Boundaries = Buckets }));
    }

    [Benchmark(Description = "DistriC generated Observe(enum, enum, v)")]
    public DistricStatus Generated()
    {
        int i = Next();
        return _generated.Observe(LabelRotation.DurationMethods[i], LabelRotation.Statuses[i], LabelRotation.Observations[i]);
    }

    [Benchmark(Description = "DistriC dynamic Observe(v, string, string)")]
    public DistricStatus Dynamic()
    {
        int i = Next();
        return _dynamic.Observe(LabelRotation.Observations[i], LabelRotation.MethodTexts[i], LabelRotation.StatusTexts[i]);
    }

    [Benchmark(Description = "prometheus-net WithLabels(...).Observe(v)")]
    public void PrometheusNet()
    {
        int i = Next();
        _prometheus.WithLabels(LabelRotation.MethodTexts[i], LabelRotation.StatusTexts[i]).Observe(LabelRotation.Observations[i]);
    }

    [Benchmark(Description = "OpenTelemetry Record(v, 2 tags)")]
    public void OpenTelemetryRecord()
    {
        int i = Next();
        _otel.Record(LabelRotation.Observations[i], new KeyValuePair<string, object?>("method", LabelRotation.MethodTexts[i]), new KeyValuePair<string, object?>("status", LabelRotation.StatusTexts[i]));
    }
}
