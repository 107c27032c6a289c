using System;
using System.Collections.Generic;
using DistriC.Metrics;

namespace DistriC;

/// <summary>
/// A histogram registered through <see cref="MetricRegistry.CreateHistogram(string, string, LabelDefinition[])"/>,
/// updated with string label values. An observation increments one bucket and adds to the sum; NaN is
/// dropped and counted (<see cref="DistricStatus.InvalidValue"/>), as is a label value outside the allowlist.
/// </summary>
public sealed class Histogram
{
    private readonly HistogramFamily _family;
    private readonly LabelResolver _labels;

    internal Histogram(HistogramFamily family)
    {
        _family = family;
        _labels = new LabelResolver(family.Layout);
    }

    /// <summary>The metric name.</summary>
    public string Name => _family.Name;

    /// <summary>The label names, in the order values must be given.</summary>
    public IReadOnlyList<string> LabelNames => _family.Layout.LabelNames;

    /// <summary>The finite bucket upper bounds; +Inf follows implicitly.</summary>
    public IReadOnlyList<double> Buckets => _family.Cells.Bounds;

    /// <summary>Records one observation.</summary>
    /// <param name="value">The observed value.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    /// <remarks>On a histogram created with <see cref="MetricRegistry.CreateHistogramWithExemplars"/>, a sampled active span becomes the bucket's exemplar.</remarks>
    public DistricStatus Observe(double value, params ReadOnlySpan<string> labelValues) => _family.Cells.HasExemplars
        ? _family.Cells.ObserveWithExemplar(_labels.Resolve(labelValues), value)
        : _family.Cells.Observe(_labels.Resolve(labelValues), value);

    /// <summary>
    /// Records one observation and offers <paramref name="exemplar"/> (a sampled, valid context, e.g. <c>span.Context</c>)
    /// as its bucket's exemplar; without exemplars on the histogram it is the plain <see cref="Observe(double, ReadOnlySpan{string})"/>.
    /// </summary>
    /// <param name="value">The observed value.</param>
    /// <param name="exemplar">The trace context to link.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Observe(double value, in TraceContext exemplar, params ReadOnlySpan<string> labelValues) =>
        _family.Cells.Observe(_labels.Resolve(labelValues), value, exemplar);

    /// <summary>Records with an explicit exemplar: <see cref="Observe(double, in TraceContext, ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="value">The observed value.</param>
    /// <param name="exemplar">The trace context to link.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Observe(double value, in TraceContext exemplar, params string[] labelValues) => Observe(value, exemplar, new ReadOnlySpan<string>(labelValues));

    /// <summary>Number of observations in the series.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public long GetCount(params ReadOnlySpan<string> labelValues) => _family.Cells.GetCount(_labels.ResolveOrThrow(labelValues));

    /// <summary>Sum of the observations in the series.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public double GetSum(params ReadOnlySpan<string> labelValues) => _family.Cells.GetSum(_labels.ResolveOrThrow(labelValues));

    /// <summary>Observations that fell into bucket <paramref name="bucket"/> alone (not cumulative; <c>Buckets.Count</c> is +Inf).</summary>
    /// <param name="bucket">Bucket position.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The bucket's own count.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public long GetBucketCount(int bucket, params ReadOnlySpan<string> labelValues) => _family.Cells.GetBucketCount(_labels.ResolveOrThrow(labelValues), bucket);

    // The string[] overloads below exist for C# 12 callers (the net8.0 default), to whom params ReadOnlySpan is not a
    // params parameter. C# 13 and later prefer the span overload for the same call, so it stays the allocation-free path.

    /// <summary>Records one observation: <see cref="Observe(double, ReadOnlySpan{string})"/> for C# 12 callers, which allocate the params array.</summary>
    /// <param name="value">The observed value.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Observe(double value, params string[] labelValues) => Observe(value, new ReadOnlySpan<string>(labelValues));

    /// <summary>Number of observations in the series: <see cref="GetCount(ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public long GetCount(params string[] labelValues) => GetCount(new ReadOnlySpan<string>(labelValues));

    /// <summary>Sum of the observations in the series: <see cref="GetSum(ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public double GetSum(params string[] labelValues) => GetSum(new ReadOnlySpan<string>(labelValues));

    /// <summary>Observations in bucket <paramref name="bucket"/> alone: <see cref="GetBucketCount(int, ReadOnlySpan{string})"/> for C# 12 callers.</summary>
    /// <param name="bucket">Bucket position.</param>
    /// <param name="labelValues">One value per label, in declaration order.</param>
    /// <returns>The bucket's own count.</returns>
    /// <exception cref="ArgumentException">The label values are not in the allowlist.</exception>
    public long GetBucketCount(int bucket, params string[] labelValues) => GetBucketCount(bucket, new ReadOnlySpan<string>(labelValues));
}
