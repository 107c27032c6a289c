using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;

namespace DistriC.Metrics.Interop;

/// <summary>What a bridged instrument becomes: its exposed kind, its aggregation, its value type and its buckets.</summary>
internal readonly record struct InstrumentShape(MetricKind Kind, BridgedAggregation Aggregation, bool IsInteger)
{
    /// <summary>OpenTelemetry's default explicit bounds (for millisecond-scale and unitless histograms).</summary>
    internal static readonly double[] DefaultBounds = { 0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000 };

    /// <summary>The bounds OpenTelemetry .NET uses for histograms in seconds.</summary>
    internal static readonly double[] SecondsBounds = { 0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };

    /// <summary>The shape of <paramref name="instrument"/>, or null for an instrument type the bridge does not know.</summary>
    public static InstrumentShape? Of(Instrument instrument)
    {
        Type type = instrument.GetType();
        if (!type.IsGenericType || type.GetGenericArguments() is not [Type valueType])
        {
            return null;
        }

        bool? integer = valueType == typeof(long) || valueType == typeof(int) || valueType == typeof(short) || valueType == typeof(byte)
            ? true
            : valueType == typeof(double) || valueType == typeof(float) || valueType == typeof(decimal) ? false : null;
        if (integer is null)
        {
            return null;
        }

        // By name: Gauge<T> exists from System.Diagnostics.DiagnosticSource 9 on, which a net8.0 library cannot reference.
        return type.GetGenericTypeDefinition().Name switch
        {
            "Counter`1" => new InstrumentShape(MetricKind.Counter, BridgedAggregation.MonotonicSum, integer.Value),
            "ObservableCounter`1" => new InstrumentShape(MetricKind.Counter, BridgedAggregation.LastValue, integer.Value),
            "UpDownCounter`1" => new InstrumentShape(MetricKind.Gauge, BridgedAggregation.Sum, integer.Value),
            "ObservableUpDownCounter`1" or "ObservableGauge`1" or "Gauge`1" => new InstrumentShape(MetricKind.Gauge, BridgedAggregation.LastValue, integer.Value),
            "Histogram`1" => new InstrumentShape(MetricKind.Histogram, BridgedAggregation.Histogram, integer.Value),
            _ => null,
        };
    }

    /// <summary>
    /// The histogram's bounds: the instrument's advice (<c>InstrumentAdvice&lt;T&gt;.HistogramBucketBoundaries</c>, .NET 9 and
    /// later, read by reflection since a net8.0 library cannot name it), else the declared ones, else OpenTelemetry's defaults for its unit.
    /// </summary>
    /// <param name="instrument">The histogram.</param>
    /// <param name="scale">The factor from the instrument's unit to the exposed one (bounds are advised in the instrument's unit).</param>
    /// <param name="declared">The bounds a declared binding gives (in the instrument's unit), used when the instrument advises none.</param>
    public static double[] Buckets(Instrument instrument, double scale, IReadOnlyList<double>? declared = null)
    {
        double[]? advised = AdvisedBuckets(instrument) ?? (declared is null ? null : new List<double>(declared).ToArray());
        double[] bounds = advised is not null && MetricRules.CheckBuckets(advised, out _) == BucketProblem.None
            ? advised
            : instrument.Unit == "s" ? SecondsBounds : DefaultBounds;
        if (scale == 1)
        {
            return bounds;
        }

        var scaled = new double[bounds.Length];
        for (int i = 0; i < bounds.Length; i++)
        {
            scaled[i] = scale >= 1 ? bounds[i] * scale : bounds[i] / Math.Round(1 / scale);
        }

        return scaled;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Advice is optional: when trimmed away, the defaults apply.")]
    private static double[]? AdvisedBuckets(Instrument instrument)
    {
        object? advice = instrument.GetType().GetProperty("Advice")?.GetValue(instrument);
        if (advice?.GetType().GetProperty("HistogramBucketBoundaries")?.GetValue(advice) is not IEnumerable bounds)
        {
            return null;
        }

        var result = new List<double>();
        foreach (object? bound in bounds)
        {
            if (bound is IConvertible convertible)
            {
                result.Add(convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result.Count > 0 ? result.ToArray() : null;
    }
}
