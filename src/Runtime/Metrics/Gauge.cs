using System;
using System.Collections.Generic;
using DistriC.Metrics;

namespace DistriC;

/// <summary>
/// A gauge registered through <see cref="MetricRegistry.CreateGauge"/>, updated with string label values.
/// <c>Add</c>/<c>Inc</c>/<c>Dec</c> are exact under contention (compare-and-swap); a label value outside the
/// allowlist drops the update, counts it and returns <see cref="DistricStatus.InvalidLabel"/>.
/// </summary>
public sealed class Gauge
{
    private readonly GaugeFamily _family;
    private readonly LabelResolver _labels;

    internal Gauge(GaugeFamily family)
    {
        _family = family;
        _labels = new LabelResolver(family.Layout);
    }

    /// <summary>The metric name.</summary>
    public string Name => _family.Name;

    /// <summary>The label names, in the order values must be given.</summary>
    public IReadOnlyList<string> LabelNames => _family.Layout.LabelNames;

    /// <summary>Sets the series to <paramref name="value"/>.</summary>
    /// <param name="value">New value.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Set(double value, params ReadOnlySpan<string> labelValues) => _family.Cells.Set(_labels.Resolve(labelValues), value);

    /// <summary>Adds <paramref name="delta"/> (may be negative) to the series.</summary>
    /// <param name="delta">Amount to add.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Add(double delta, params ReadOnlySpan<string> labelValues) => _family.Cells.Add(_labels.Resolve(labelValues), delta);

    /// <summary>Adds one to the series.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Inc(params ReadOnlySpan<string> labelValues) => _family.Cells.Add(_labels.Resolve(labelValues), 1);

    /// <summary>Subtracts one from the series.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Dec(params ReadOnlySpan<string> labelValues) => _family.Cells.Add(_labels.Resolve(labelValues), -1);

    /// <summary>Reads the series.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The current value.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public double Get(params ReadOnlySpan<string> labelValues) => _family.Cells.Get(_labels.ResolveOrThrow(labelValues));

    // The string[] overloads below exist for C# 12 callers (the net8.0 default), to whom params ReadOnlySpan is not a
    // params parameter. C# 13 and later prefer the span overload for the same call, so it stays the allocation-free path.

    /// <summary>Sets the series: <see cref="Set(double, ReadOnlySpan{string})"/> for C# 12 callers, which allocate the params array.</summary>
    /// <param name="value">New value.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Set(double value, params string[] labelValues) => Set(value, new ReadOnlySpan<string>(labelValues));

    /// <summary>Adds <paramref name="delta"/> to the series: <see cref="Add(double, ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="delta">Amount to add.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Add(double delta, params string[] labelValues) => Add(delta, new ReadOnlySpan<string>(labelValues));

    /// <summary>Adds one to the series: <see cref="Inc(ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Inc(params string[] labelValues) => Inc(new ReadOnlySpan<string>(labelValues));

    /// <summary>Subtracts one from the series: <see cref="Dec(ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Dec(params string[] labelValues) => Dec(new ReadOnlySpan<string>(labelValues));

    /// <summary>Reads the series: <see cref="Get(ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The current value.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public double Get(params string[] labelValues) => Get(new ReadOnlySpan<string>(labelValues));
}
