namespace DistriC;

/// <summary>Limits of a <see cref="MetricRegistry"/>.</summary>
public sealed class MetricRegistryOptions
{
    /// <summary>Most metric families the registry accepts (internal <c>distric_internal_*</c> families not counted). Default 1024.</summary>
    public int MaxMetrics { get; set; } = MetricRules.DefaultMaxMetrics;

    /// <summary>Most label combinations (series) one metric may declare. Default 10 000.</summary>
    public int MaxCardinality { get; set; } = MetricRules.DefaultMaxCardinality;
}
