using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using DistriC.Metrics;
using DistriC.Metrics.Interop;
using DistriC.Metrics.Publishing;

namespace DistriC;

/// <summary>
/// Publishes a registry's metrics as a <see cref="System.Diagnostics.Metrics.Meter"/>, so <c>MeterListener</c> consumers
/// (<c>dotnet-counters</c>, an OpenTelemetry MeterProvider, the Aspire dashboard) see them: observable instruments that read
/// the cells when the consumer collects, so updates cost nothing more.
/// </summary>
/// <remarks>
/// <para>Each family becomes an instrument of its own name, with its labels as tags and its unit (<c>seconds</c> as
/// <c>s</c>, <c>bytes</c> as <c>By</c>): a counter an <c>ObservableCounter&lt;long&gt;</c> (<c>&lt;double&gt;</c> for
/// <c>process_cpu_seconds_total</c>), a gauge an <c>ObservableGauge&lt;double&gt;</c>. .NET has no observable histogram,
/// so a histogram is published as two observable counters, <c>&lt;name&gt;_count</c> (long) and <c>&lt;name&gt;_sum</c>
/// (double); its buckets are not. Families registered later are published as they are registered. Families the
/// <see cref="MeterBridge"/> brought in from other meters are not published again.</para>
/// </remarks>
public sealed class MetricMeterPublisher : IDisposable
{
    /// <summary>The meter's name unless another is given: <c>DistriC</c>.</summary>
    public const string DefaultMeterName = "DistriC";

    private readonly MetricRegistry _registry;
    private readonly object _lock = new();
    private readonly HashSet<MetricFamily> _published = new();
    private bool _disposed;

    /// <summary>Creates the meter and publishes every family of <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry to publish.</param>
    /// <param name="meterName">The meter's name; <see cref="DefaultMeterName"/> by default.</param>
    public MetricMeterPublisher(MetricRegistry registry, string meterName = DefaultMeterName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrEmpty(meterName);
        _registry = registry;
        Meter = new Meter(meterName);
        registry.FamilyRegistered += Publish;
        foreach (MetricFamily family in registry.Families)
        {
            Publish(family);
        }
    }

    /// <summary>The meter holding the published instruments.</summary>
    public Meter Meter { get; }

    /// <summary>Stops publishing: disposes the meter (listeners see its instruments complete).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _registry.FamilyRegistered -= Publish;
        }

        Meter.Dispose();
    }

    private void Publish(MetricFamily family)
    {
        if (family is BridgedFamily)
        {
            return;
        }

        lock (_lock)
        {
            if (_disposed || !_published.Add(family))
            {
                return;
            }

            string? unit = UcumUnit(family.Header.Unit);
            string? help = family.Header.Help.Length > 0 ? family.Header.Help : null;
            switch (family.Header.Kind)
            {
                case MetricKind.Counter when family is IFloatingPointCounter:
                    Meter.CreateObservableCounter(family.Name, () => Doubles(family, sum: false), unit, help);
                    break;
                case MetricKind.Counter:
                    Meter.CreateObservableCounter(family.Name, () => Integers(family), unit, help);
                    break;
                case MetricKind.Gauge:
                case MetricKind.Info: // a gauge of 1 whose tags are the facts, as Prometheus 0.0.4 writes it
                    Meter.CreateObservableGauge(family.Name, () => Doubles(family, sum: false), unit, help);
                    break;
                case MetricKind.Histogram:
                    Meter.CreateObservableCounter(family.Name + "_count", () => Integers(family), null, help);
                    Meter.CreateObservableCounter(family.Name + "_sum", () => Doubles(family, sum: true), unit, help);
                    break;
            }
        }
    }

    private static List<Measurement<long>> Integers(MetricFamily family)
    {
        var measurements = new List<Measurement<long>>();
        var collector = new MeasurementCollector(family, measurements, null, sum: false);
        family.WriteSamples(ref collector);
        return measurements;
    }

    private static List<Measurement<double>> Doubles(MetricFamily family, bool sum)
    {
        var measurements = new List<Measurement<double>>();
        var collector = new MeasurementCollector(family, null, measurements, sum);
        family.WriteSamples(ref collector);
        return measurements;
    }

    private static string? UcumUnit(string? unit) => unit switch
    {
        null => null,
        "seconds" => "s",
        "bytes" => "By",
        _ => unit,
    };
}
