namespace DistriC;

/// <summary>The kind of a metric family.</summary>
public enum MetricKind
{
    /// <summary>A monotonically increasing 64-bit integer.</summary>
    Counter = 0,
    /// <summary>A double that can go up and down.</summary>
    Gauge = 1,
    /// <summary>Observations counted into fixed buckets, with their count and sum.</summary>
    Histogram = 2,
    /// <summary>
    /// Fixed facts about the process as label values, one series always 1 (the build-info pattern,
    /// <c>app_build_info{version="1.4.2"} 1</c>): OpenMetrics' <c>info</c>, a gauge in Prometheus text 0.0.4.
    /// </summary>
    Info = 3,
}
