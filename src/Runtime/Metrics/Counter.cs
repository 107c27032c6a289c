using System;
using System.Collections.Generic;
using DistriC.Metrics;

namespace DistriC;

/// <summary>
/// A counter registered through <see cref="MetricRegistry.CreateCounter"/>, updated with string label
/// values. Updates are lock-free and allocation-free; a label value outside the allowlist (or a wrong
/// number of values) drops the update, counts it and returns <see cref="DistricStatus.InvalidLabel"/>.
/// </summary>
public sealed class Counter
{
    private readonly CounterFamily _family;
    private readonly LabelResolver _labels;

    internal Counter(CounterFamily family)
    {
        _family = family;
        _labels = new LabelResolver(family.Layout);
    }

    /// <summary>The metric name.</summary>
    public string Name => _family.Name;

    /// <summary>The label names, in the order values must be given.</summary>
    public IReadOnlyList<string> LabelNames => _family.Layout.LabelNames;

    /// <summary>Adds one to the series named by <paramref name="labelValues"/>.</summary>
    /// <param name="labelValues">One value per label, in declaration order; none for an unlabelled counter.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    /// <remarks>On a counter created with <see cref="MetricRegistry.CreateCounterWithExemplars"/>, a sampled active span becomes the exemplar.</remarks>
    public DistricStatus Inc(params ReadOnlySpan<string> labelValues) => _family.Cells.HasExemplars
        ? _family.Cells.IncrementWithExemplar(_labels.Resolve(labelValues))
        : _family.Cells.Increment(_labels.Resolve(labelValues));

    /// <summary>Adds <paramref name="value"/> to the series; a negative value is dropped and counted.</summary>
    /// <param name="value">Non-negative amount.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    /// <remarks>On a counter created with <see cref="MetricRegistry.CreateCounterWithExemplars"/>, a sampled active span becomes the exemplar.</remarks>
    public DistricStatus Add(long value, params ReadOnlySpan<string> labelValues) => _family.Cells.HasExemplars
        ? _family.Cells.AddWithExemplar(_labels.Resolve(labelValues), value)
        : _family.Cells.Add(_labels.Resolve(labelValues), value);

    /// <summary>
    /// Adds <paramref name="value"/> and offers <paramref name="exemplar"/> (a sampled, valid context, e.g. <c>span.Context</c>)
    /// as the series' exemplar; without exemplars on the counter it is the plain <see cref="Add(long, ReadOnlySpan{string})"/>.
    /// </summary>
    /// <param name="value">Non-negative amount.</param>
    /// <param name="exemplar">The trace context to link.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Add(long value, in TraceContext exemplar, params ReadOnlySpan<string> labelValues) =>
        _family.Cells.Add(_labels.Resolve(labelValues), value, exemplar);

    /// <summary>Adds with an explicit exemplar: <see cref="Add(long, in TraceContext, ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="value">Non-negative amount.</param>
    /// <param name="exemplar">The trace context to link.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Add(long value, in TraceContext exemplar, params string[] labelValues) => Add(value, exemplar, new ReadOnlySpan<string>(labelValues));

    /// <summary>Reads the series.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The current value.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public long Get(params ReadOnlySpan<string> labelValues) => _family.Cells.Get(_labels.ResolveOrThrow(labelValues));

    // The string[] overloads below exist for C# 12 callers (the net8.0 default), to whom params ReadOnlySpan is not a
    // params parameter. C# 13 and later prefer the span overload for the same call, so it stays the allocation-free path.

    /// <summary>Adds one to the series: <see cref="Inc(ReadOnlySpan{string})"/> for C# 12 callers, which allocate the params array.</summary>
    /// <param name="labelValues">One value per label, in declaration order; none for an unlabelled counter.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus Inc(params string[] labelValues) => Inc(new ReadOnlySpan<string>(labelValues));

    /// <summary>Adds <paramref name="value"/> to the series: <see cref="Add(long, ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="value">Non-negative amount.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Add(long value, params string[] labelValues) => Add(value, new ReadOnlySpan<string>(labelValues));

    /// <summary>Reads the series: <see cref="Get(ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The current value.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public long Get(params string[] labelValues) => Get(new ReadOnlySpan<string>(labelValues));
}
