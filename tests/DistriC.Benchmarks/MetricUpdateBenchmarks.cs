using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace DistriC.Benchmarks;

/// <summary>
/// One metric update per operation, single thread, side by side with prometheus-net 8.2.1 and
/// OpenTelemetry 1.20.1. Labelled updates rotate through the 12 combinations of
/// method (GET/POST/PUT/DELETE) × status (2xx/4xx/5xx), as a service would.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MetricUpdateBenchmarks
{
    private static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE" };
    private static readonly string[] Statuses = { "2xx", "4xx", "5xx" };

    private PaddedLong _floor;
    private int _next;

    private DistriC.Counter _counter = null!;
    private DistriC.Counter _labelledCounter = null!;
    private DistriC.Histogram _labelledHistogram = null!;

    private Prometheus.Counter _promCounter = null!;
    private Prometheus.Counter _promLabelledCounter = null!;
    private Prometheus.Histogram _promLabelledHistogram = null!;

    private MeterProvider _meterProvider = null!;
    private Meter _meter = null!;
    private Counter<long> _otelCounter = null!;
    private Histogram<double> _otelHistogram = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MetricRegistry();
        _counter = registry.CreateCounter("plain_total", "Plain counter");
        _labelledCounter = registry.CreateCounter("requests_total", "Requests",
            new LabelDefinition("method", Methods), new LabelDefinition("status", Statuses));
        _labelledHistogram = registry.CreateHistogram("latency_seconds", "Latency",
            new LabelDefinition("method", Methods), new LabelDefinition("status", Statuses));

        Prometheus.MetricFactory prom = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry());
        _promCounter = prom.CreateCounter("plain_total", "Plain counter");
        _promLabelledCounter = prom.CreateCounter("requests_total", "Requests", "method", "status");
        _promLabelledHistogram = prom.CreateHistogram("latency_seconds", "Latency", new Prometheus.HistogramConfiguration
        {
            LabelNames = new[] { "method", "status" },
            Buckets = new[] { 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10 },
        });

        _meter = new Meter("DistriC.Benchmarks");
        _otelCounter = _meter.CreateCounter<long>("requests_total");
        _otelHistogram = _meter.CreateHistogram<double>("latency_seconds");
        _meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter("DistriC.Benchmarks")
            .AddInMemoryExporter(new List<Metric>())
            .Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meterProvider.Dispose();
        _meter.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Floor: Interlocked.Increment")]
    [BenchmarkCategory("Unlabelled")]
    public long Floor() => Interlocked.Increment(ref _floor.Value);

    [Benchmark(Description = "DistriC Counter.Inc()")]
    [BenchmarkCategory("Unlabelled")]
    public DistricStatus DistricUnlabelled() => _counter.Inc();

    [Benchmark(Description = "prometheus-net Counter.Inc()")]
    [BenchmarkCategory("Unlabelled")]
    public void PrometheusNetUnlabelled() => _promCounter.Inc();

    [Benchmark(Baseline = true, Description = "prometheus-net WithLabels(m, s).Inc()")]
    [BenchmarkCategory("Labelled counter")]
    public void PrometheusNetLabelled()
    {
        int i = Next();
        _promLabelledCounter.WithLabels(Methods[i & 3], Statuses[i % 3]).Inc();
    }

    [Benchmark(Description = "DistriC Counter.Inc(m, s)")]
    [BenchmarkCategory("Labelled counter")]
    public DistricStatus DistricLabelled()
    {
        int i = Next();
        return _labelledCounter.Inc(Methods[i & 3], Statuses[i % 3]);
    }

    [Benchmark(Description = "OpenTelemetry Counter<long>.Add(1, 2 tags)")]
    [BenchmarkCategory("Labelled counter")]
    public void OpenTelemetryLabelled()
    {
        int i = Next();
        _otelCounter.Add(1, new KeyValuePair<string, object?>("method", Methods[i & 3]), new KeyValuePair<string, object?>("status", Statuses[i % 3]));
    }

    [Benchmark(Baseline = true, Description = "prometheus-net WithLabels(m, s).Observe(v)")]
    [BenchmarkCategory("Labelled histogram")]
    public void PrometheusNetHistogram()
    {
        int i = Next();
        _promLabelledHistogram.WithLabels(Methods[i & 3], Statuses[i % 3]).Observe(i * 0.0007);
    }

    [Benchmark(Description = "DistriC Histogram.Observe(v, m, s)")]
    [BenchmarkCategory("Labelled histogram")]
    public DistricStatus DistricHistogram()
    {
        int i = Next();
        return _labelledHistogram.Observe(i * 0.0007, Methods[i & 3], Statuses[i % 3]);
    }

    [Benchmark(Description = "OpenTelemetry Histogram<double>.Record(v, 2 tags)")]
    [BenchmarkCategory("Labelled histogram")]
    public void OpenTelemetryHistogram()
    {
        int i = Next();
        _otelHistogram.Record(i * 0.0007, new KeyValuePair<string, object?>("method", Methods[i & 3]), new KeyValuePair<string, object?>("status", Statuses[i % 3]));
    }

    /// <summary>0..11, then again: the 12 label combinations in turn.</summary>
    private int Next()
    {
        int i = _next + 1;
        _next = i == 12 ? 0 : i;
        return _next;
    }

    /// <summary>A long alone on its cache line, as the floor's cell.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedLong
    {
        [FieldOffset(64)]
        public long Value;
    }
}
