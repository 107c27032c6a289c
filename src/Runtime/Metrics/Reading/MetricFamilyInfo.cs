using System;

namespace DistriC;

/// <summary>
/// The description of one metric family, as handed to an <see cref="IMetricVisitor"/> by
/// <see cref="MetricRegistry.Collect"/>. It points at the registry's own immutable data: reading it
/// allocates nothing, and it is valid only during the call that received it (copy what you keep;
/// the strings themselves are stable for the registry's lifetime).
/// </summary>
public readonly ref struct MetricFamilyInfo
{
    private readonly ReadOnlySpan<string> _labelNames;
    private readonly ReadOnlySpan<double> _bucketUpperBounds;

    internal MetricFamilyInfo(MetricKind kind, string name, string help, string? unit, ReadOnlySpan<string> labelNames, ReadOnlySpan<double> bucketUpperBounds, int seriesCount)
    {
        Kind = kind;
        Name = name;
        Help = help;
        Unit = unit;
        _labelNames = labelNames;
        _bucketUpperBounds = bucketUpperBounds;
        SeriesCount = seriesCount;
    }

    /// <summary>Counter, gauge, histogram or info (observable counters and gauges report their kind).</summary>
    public MetricKind Kind { get; }

    /// <summary>The registered name, exactly as in Prometheus text (a counter's usually ends in <c>_total</c>).</summary>
    public string Name { get; }

    /// <summary>The HELP text, unescaped; empty when none was given.</summary>
    public string Help { get; }

    /// <summary>The OpenMetrics unit (e.g. <c>seconds</c>), or null when none was declared.</summary>
    public string? Unit { get; }

    /// <summary>Label names in declaration order, the order of every series' <see cref="MetricSeriesPoint.LabelValues"/>; empty when unlabelled.</summary>
    public ReadOnlySpan<string> LabelNames => _labelNames;

    /// <summary>
    /// A histogram's finite bucket upper bounds, strictly increasing; the +Inf bucket is implicit, so
    /// <see cref="MetricSeriesPoint.BucketCounts"/> has one element more. Empty for counters and gauges.
    /// </summary>
    public ReadOnlySpan<double> BucketUpperBounds => _bucketUpperBounds;

    /// <summary>
    /// The number of series the family declares (every label combination). A series whose value could
    /// not be read (an observable callback that threw) is skipped, so fewer points may follow.
    /// </summary>
    public int SeriesCount { get; }
}
