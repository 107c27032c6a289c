using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace DistriC.Infrastructure;

/// <summary>
/// Everything the registry needs to lay out and expose one metric family: the target of generated
/// code (see <see cref="MetricRegistration"/>). Not meant to be used directly; the dynamic
/// <see cref="MetricRegistry.CreateCounter"/>/<c>CreateGauge</c>/<c>CreateHistogram</c> API is the user-facing equivalent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MetricDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="kind">Counter, gauge or histogram.</param>
    /// <param name="name">Metric name as exposed in Prometheus format.</param>
    /// <param name="help">HELP text; null or empty writes no HELP line.</param>
    /// <param name="labelNames">Label names in declaration order (the order of the flat index).</param>
    /// <param name="labelValues">Per label, its allowlist; a value's position is its ordinal.</param>
    /// <param name="buckets">Histogram upper bounds (finite, strictly increasing; +Inf implicit); null for the defaults.</param>
    /// <param name="unit">Optional OpenMetrics unit; when set, the name must end with <c>_unit</c> (before <c>_total</c>).</param>
    public MetricDescriptor(
        MetricKind kind,
        string name,
        string? help,
        IReadOnlyList<string>? labelNames = null,
        IReadOnlyList<IReadOnlyList<string>>? labelValues = null,
        IReadOnlyList<double>? buckets = null,
        string? unit = null)
    {
        Kind = kind;
        Name = name;
        Help = help ?? string.Empty;
        LabelNames = labelNames ?? Array.Empty<string>();
        LabelValues = labelValues ?? Array.Empty<IReadOnlyList<string>>();
        Buckets = buckets;
        Unit = unit;
    }

    /// <summary>Counter, gauge or histogram.</summary>
    public MetricKind Kind { get; }

    /// <summary>Metric name.</summary>
    public string Name { get; }

    /// <summary>HELP text (empty when none).</summary>
    public string Help { get; }

    /// <summary>Label names in flat-index order.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Allowlist per label, parallel to <see cref="LabelNames"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> LabelValues { get; }

    /// <summary>Histogram bucket upper bounds, or null for the defaults.</summary>
    public IReadOnlyList<double>? Buckets { get; }

    /// <summary>OpenMetrics unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>The metric keeps exemplars (counters and histograms only; <c>[Metric(Exemplars = true)]</c>).</summary>
    public bool Exemplars { get; init; }
}
