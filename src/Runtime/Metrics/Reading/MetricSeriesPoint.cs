using System;

namespace DistriC;

/// <summary>
/// The current value of one series, as handed to an <see cref="IMetricVisitor"/> by
/// <see cref="MetricRegistry.Collect"/>: the same numbers the text exposition prints in the same
/// collection. Valid only during the call that received it; reading it allocates nothing.
/// </summary>
/// <remarks>
/// Which members carry data depends on <see cref="MetricFamilyInfo.Kind"/>: a counter sets
/// <see cref="IntegerValue"/> (and <see cref="Value"/>), a gauge <see cref="Value"/>, a histogram
/// <see cref="BucketCounts"/>, <see cref="Count"/> and <see cref="Sum"/>; an info series sets <see cref="Value"/> and
/// <see cref="IntegerValue"/> to 1; the others are zero or empty. Exemplars: <see cref="Exemplar"/> on a counter,
/// <see cref="BucketExemplars"/> on a histogram, when the family keeps them.
/// </remarks>
public readonly ref struct MetricSeriesPoint
{
    private readonly ReadOnlySpan<string> _labelValues;
    private readonly ReadOnlySpan<long> _bucketCounts;
    private readonly ReadOnlySpan<MetricExemplar> _bucketExemplars;

    private MetricSeriesPoint(
        int seriesIndex,
        ReadOnlySpan<string> labelValues,
        double value,
        long integerValue,
        ReadOnlySpan<long> bucketCounts,
        long count,
        double sum,
        MetricExemplar exemplar = default,
        ReadOnlySpan<MetricExemplar> bucketExemplars = default)
    {
        Exemplar = exemplar;
        _bucketExemplars = bucketExemplars;
        SeriesIndex = seriesIndex;
        _labelValues = labelValues;
        Value = value;
        IntegerValue = integerValue;
        _bucketCounts = bucketCounts;
        Count = count;
        Sum = sum;
    }

    /// <summary>
    /// The series' position in its family (flat-index order, the last label varying fastest); stable for
    /// the registry's lifetime, so an exporter can key per-series state (e.g. for deltas) by it.
    /// </summary>
    public int SeriesIndex { get; }

    /// <summary>The series' label values, parallel to <see cref="MetricFamilyInfo.LabelNames"/>; empty when unlabelled.</summary>
    public ReadOnlySpan<string> LabelValues => _labelValues;

    /// <summary>A gauge's value (NaN and infinities included), or a counter's total as a double.</summary>
    public double Value { get; }

    /// <summary>A counter's exact 64-bit total; 0 for gauges and histograms.</summary>
    public long IntegerValue { get; }

    /// <summary>
    /// A histogram's <b>per-bucket</b> (not cumulative) counts: element <c>i</c> counts the observations
    /// above bound <c>i - 1</c> and at most <see cref="MetricFamilyInfo.BucketUpperBounds"/>[i]; the last
    /// element is the +Inf bucket. This is OTLP's <c>bucket_counts</c>; Prometheus' <c>le</c> buckets are
    /// their running sums. Empty for counters and gauges.
    /// </summary>
    public ReadOnlySpan<long> BucketCounts => _bucketCounts;

    /// <summary>A histogram's observation count: the sum of <see cref="BucketCounts"/>, read with them.</summary>
    public long Count { get; }

    /// <summary>A histogram's sum of observations.</summary>
    public double Sum { get; }

    /// <summary>A counter's exemplar (registered with exemplars); not <see cref="MetricExemplar.IsPresent"/> otherwise.</summary>
    public MetricExemplar Exemplar { get; }

    /// <summary>
    /// A histogram's exemplars, one per bucket parallel to <see cref="BucketCounts"/> (a bucket without one holds the
    /// default); empty when the histogram was registered without exemplars.
    /// </summary>
    public ReadOnlySpan<MetricExemplar> BucketExemplars => _bucketExemplars;

    internal static MetricSeriesPoint Counter(int series, ReadOnlySpan<string> labelValues, long value, in MetricExemplar exemplar) =>
        new(series, labelValues, value, value, default, 0, 0, exemplar);

    internal static MetricSeriesPoint Gauge(int series, ReadOnlySpan<string> labelValues, double value) =>
        new(series, labelValues, value, 0, default, 0, 0);

    internal static MetricSeriesPoint Info(int series, ReadOnlySpan<string> labelValues) =>
        new(series, labelValues, 1, 1, default, 0, 0);

    internal static MetricSeriesPoint Histogram(int series, ReadOnlySpan<string> labelValues, ReadOnlySpan<long> bucketCounts, long count, double sum, ReadOnlySpan<MetricExemplar> bucketExemplars) =>
        new(series, labelValues, 0, 0, bucketCounts, count, sum, default, bucketExemplars);
}
