using System;

namespace DistriC;

/// <summary>Limits and clock of a <see cref="MetricRegistry"/>.</summary>
public sealed class MetricRegistryOptions
{
    /// <summary>Most metric families the registry accepts (internal <c>distric_internal_*</c> families not counted). Default 1024.</summary>
    public int MaxMetrics { get; set; } = MetricRules.DefaultMaxMetrics;

    /// <summary>Most label combinations (series) one metric may declare. Default 10 000.</summary>
    public int MaxCardinality { get; set; } = MetricRules.DefaultMaxCardinality;

    /// <summary>
    /// How long an exemplar stays before an update inside another sampled span may replace it, per series (counter)
    /// or bucket (histogram): a hot series pays for recording one only once per interval. Zero replaces it on every
    /// update. Default 1 second.
    /// </summary>
    public TimeSpan ExemplarInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock of <c>_created</c> samples and exemplar timestamps (tests pass a fixed one). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
