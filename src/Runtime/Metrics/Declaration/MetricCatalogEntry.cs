using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>
/// One declared metric as listed by the generated <c>DistriC.Generated.DistricMetricsCatalog</c> of an
/// assembly: what it exposes and how many series it can produce, known at build time.
/// </summary>
public sealed class MetricCatalogEntry
{
    /// <summary>Creates an entry (called by generated code).</summary>
    /// <param name="typeName">Fully qualified name of the declaring class.</param>
    /// <param name="kind">Counter, gauge or histogram.</param>
    /// <param name="name">Exposed metric name.</param>
    /// <param name="help">HELP text (empty when none).</param>
    /// <param name="unit">OpenMetrics unit, or null.</param>
    /// <param name="labelNames">Label names in declaration order.</param>
    /// <param name="labelValues">Allowed values per label, parallel to <paramref name="labelNames"/>.</param>
    /// <param name="buckets">Finite histogram bounds (empty unless a histogram).</param>
    /// <param name="cardinality">Number of label combinations.</param>
    /// <param name="series">Number of exposed series (see <see cref="Series"/>).</param>
    public MetricCatalogEntry(
        string typeName,
        MetricKind kind,
        string name,
        string help,
        string? unit,
        IReadOnlyList<string> labelNames,
        IReadOnlyList<IReadOnlyList<string>> labelValues,
        IReadOnlyList<double> buckets,
        int cardinality,
        int series)
    {
        TypeName = typeName;
        Kind = kind;
        Name = name;
        Help = help;
        Unit = unit;
        LabelNames = labelNames ?? Array.Empty<string>();
        LabelValues = labelValues ?? Array.Empty<IReadOnlyList<string>>();
        Buckets = buckets ?? Array.Empty<double>();
        Cardinality = cardinality;
        Series = series;
    }

    /// <summary>Fully qualified name of the declaring class.</summary>
    public string TypeName { get; }

    /// <summary>Counter, gauge or histogram.</summary>
    public MetricKind Kind { get; }

    /// <summary>Exposed metric name.</summary>
    public string Name { get; }

    /// <summary>HELP text (empty when none).</summary>
    public string Help { get; }

    /// <summary>OpenMetrics unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>Label names in declaration (flat-index) order.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Allowed values per label, in ordinal order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> LabelValues { get; }

    /// <summary>Finite histogram bucket bounds (+Inf implicit); empty for counters and gauges.</summary>
    public IReadOnlyList<double> Buckets { get; }

    /// <summary>Number of label combinations (1 when unlabelled).</summary>
    public int Cardinality { get; }

    /// <summary>
    /// Series exposed: <see cref="Cardinality"/> for counters and gauges; for a histogram
    /// <c>Cardinality × (Buckets.Count + 3)</c>, i.e. per label combination one series per finite
    /// bucket, one for <c>le="+Inf"</c>, plus <c>_sum</c> and <c>_count</c>.
    /// </summary>
    public int Series { get; }

    /// <summary>The service-level pair the metric belongs to (<see cref="MetricAttribute.ServiceLevel"/>), or null.</summary>
    public string? ServiceLevel { get; init; }

    /// <summary>On the counter of a service-level pair: the label whose <see cref="ErrorValues"/> mark errors; else null.</summary>
    public string? ErrorLabel { get; init; }

    /// <summary>On the counter of a service-level pair: the values of <see cref="ErrorLabel"/> that count as errors; else empty.</summary>
    public IReadOnlyList<string> ErrorValues { get; init; } = Array.Empty<string>();
}
