using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace DistriC.Benchmarks;

/// <summary>
/// What the labelled-metric scenarios share: the rotation through the 12 label combinations, the
/// padded <c>Interlocked.Increment</c> floor every peer is measured against, and an OpenTelemetry
/// meter with a listening SDK (without a listener OpenTelemetry's instruments do nothing).
/// </summary>
public abstract class LabelledPeerBenchmarks
{
    private const int Padding = 8;
    private readonly long[] _floor = new long[LabelRotation.Length * Padding];
    private MeterProvider? _provider;
    private int _next;

    /// <summary>The meter the OpenTelemetry peer's instrument belongs to.</summary>
    protected Meter Meter { get; } = new("DistriC.Benchmarks.Labelled");

    [Benchmark(Baseline = true, Description = "Interlocked.Increment (padded floor)")]
    public long Floor() => Interlocked.Increment(ref _floor[Next() * Padding]);

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider?.Dispose();
        Meter.Dispose();
    }

    /// <summary>Starts the OpenTelemetry SDK listening to <see cref="Meter"/>, with optional views.</summary>
    protected void ListenWithOpenTelemetry(System.Func<MeterProviderBuilder, MeterProviderBuilder>? configure = null)
    {
        MeterProviderBuilder builder = Sdk.CreateMeterProviderBuilder().AddMeter(Meter.Name);
        _provider = (configure?.Invoke(builder) ?? builder).AddInMemoryExporter(new List<Metric>()).Build();
    }

    /// <summary>The next of the 12 label combinations.</summary>
    protected int Next()
    {
        int i = _next + 1;
        _next = i == LabelRotation.Length ? 0 : i;
        return _next;
    }
}
