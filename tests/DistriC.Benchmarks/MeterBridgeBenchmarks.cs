using System.Collections.Generic;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace DistriC.Benchmarks;

/// <summary>
/// One real instrument, four listeners in turn: none (the instrument's own cost), DistriC's <see cref="MeterBridge"/> into a
/// registry (by the run-time rules, or bound by declaration: <see cref="BenchRequests"/>), and an OpenTelemetry MeterProvider. Each measurement carries three tags (method, status code boxed once as
/// ASP.NET Core does, route) rotating through 12 tag sets; the difference to "none" is the listener's side.
/// </summary>
[MemoryDiagnoser]
public class MeterBridgeBenchmarks
{
    /// <summary>The meter the declared bindings name.</summary>
    public const string DeclaredMeter = "DistriC.Benchmarks.Bridge.Declared";

    private static readonly string[] Methods = { "GET", "POST", "PUT" };
    private static readonly object[] Codes = { 200, 201, 404, 500 };
    private readonly KeyValuePair<string, object?>[] _methods = new KeyValuePair<string, object?>[Methods.Length];
    private readonly KeyValuePair<string, object?>[] _codes = new KeyValuePair<string, object?>[Codes.Length];
    private readonly KeyValuePair<string, object?> _route = new("http.route", "/orders/{id}");
    private Meter _meter = null!;
    private Counter<long> _counter = null!;
    private Histogram<double> _histogram = null!;
    private MeterBridge? _bridge;
    private MeterProvider? _provider;
    private int _next;

    /// <summary>Who listens to the instruments.</summary>
    [Params("none", "DistriC", "DistriC declared", "OpenTelemetry")]
    public string Listener { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Methods.Length; i++)
        {
            _methods[i] = new("http.request.method", Methods[i]);
        }

        for (int i = 0; i < Codes.Length; i++)
        {
            _codes[i] = new("http.response.status_code", Codes[i]);
        }

        _meter = new Meter(Listener == "DistriC declared" ? DeclaredMeter : "DistriC.Benchmarks.Bridge." + Listener);
        _counter = _meter.CreateCounter<long>("requests", "{request}");
        _histogram = _meter.CreateHistogram<double>("request.duration", "s");
        if (Listener == "DistriC")
        {
            _bridge = new MeterBridge(new MetricRegistry(), new MeterBridgeOptions().AddMeter(_meter.Name));
            _bridge.Start();
        }
        else if (Listener == "DistriC declared")
        {
            _bridge = new MeterBridge(new MetricRegistry(), new MeterBridgeOptions().AddBinding(new BenchRequests()).AddBinding(new BenchRequestDuration()));
            _bridge.Start();
        }
        else if (Listener == "OpenTelemetry")
        {
            _provider = Sdk.CreateMeterProviderBuilder().AddMeter(_meter.Name).AddInMemoryExporter(new List<Metric>()).Build();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bridge?.Dispose();
        _provider?.Dispose();
        _meter.Dispose();
    }

    [Benchmark(Description = "Counter<long>.Add, 3 tags")]
    public void CounterAdd()
    {
        int i = Next();
        _counter.Add(1, _methods[i % Methods.Length], _codes[i % Codes.Length], _route);
    }

    [Benchmark(Description = "Histogram<double>.Record, 3 tags")]
    public void HistogramRecord()
    {
        int i = Next();
        _histogram.Record(0.042, _methods[i % Methods.Length], _codes[i % Codes.Length], _route);
    }

    private int Next()
    {
        int i = _next + 1;
        _next = i == 12 ? 0 : i;
        return _next;
    }
}
