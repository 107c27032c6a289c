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
}
