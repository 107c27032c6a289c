using System.Collections.Generic;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;

namespace DistriC.Benchmarks;

/// <summary>
/// A labelled counter increment (2 labels, rotating through the 12 combinations): the generated
/// enum-typed <c>Inc</c> against the padded <c>Interlocked.Increment</c> floor, the dynamic string API,
/// prometheus-net's <c>WithLabels(...).Inc()</c> and OpenTelemetry's <c>Add</c> with 2 tags.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("LabelledCounterInc")]
public class GeneratedCounterBenchmarks : LabelledPeerBenchmarks
{
    private GeneratedRequests _generated = null!;
    private Counter _dynamic = null!;
    private Prometheus.Counter _prometheus = null!;
    private Counter<long> _otel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MetricRegistry();
        _generated = new GeneratedRequests(registry);
        _dynamic = registry.CreateCounter(
            "bench_dynamic_requests_total",
            "Dynamic labelled counter",
            new LabelDefinition("method", "GET", "POST", "PUT", "DELETE"),
            new LabelDefinition("status", "2xx", "4xx", "5xx"));
        _prometheus = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry())
            .CreateCounter("bench_prometheus_requests_total", "prometheus-net labelled counter", new Prometheus.CounterConfiguration { LabelNames = new[] { "method", "status" } });
        _otel = Meter.CreateCounter<long>("bench_otel_requests");
        ListenWithOpenTelemetry();
    }

    [Benchmark(Description = "DistriC generated Inc(enum, enum)")]
    public DistricStatus Generated()
    {
        int i = Next();
        return _generated.Inc(LabelRotation.Methods[i], LabelRotation.Statuses[i]);
    }

    [Benchmark(Description = "DistriC dynamic Inc(string, string)")]
    public DistricStatus Dynamic()
    {
        int i = Next();
        return _dynamic.Inc(LabelRotation.MethodTexts[i], LabelRotation.StatusTexts[i]);
    }

    [Benchmark(Description = "prometheus-net WithLabels(...).Inc()")]
    public void PrometheusNet()
    {
        int i = Next();
        _prometheus.WithLabels(LabelRotation.MethodTexts[i], LabelRotation.StatusTexts[i]).Inc();
    }

    [Benchmark(Description = "OpenTelemetry Add(1, 2 tags)")]
    public void OpenTelemetryAdd()
    {
        int i = Next();
        _otel.Add(1, new KeyValuePair<string, object?>("method", LabelRotation.MethodTexts[i]), new KeyValuePair<string, object?>("status", LabelRotation.StatusTexts[i]));
    }
}
