namespace DistriC.Exposition;

/// <summary>
/// What every format needs to know about a family: its kind and <c># TYPE</c> word, name, HELP and
/// unit, independent of any encoding (each format writer encodes its own fragments from it).
/// </summary>
internal sealed class FamilyHeader
{
    public FamilyHeader(MetricKind kind, string name, string help, string? unit, double? createdUnixSeconds = null)
    {
        CreatedUnixSeconds = createdUnixSeconds;
        // Throws for a kind no table row describes, rather than exposing it as some other kind.
        MetricKindInfo info = MetricKinds.Get((int)kind);
        Kind = kind;
        Name = name;
        Help = help;
        Unit = string.IsNullOrEmpty(unit) ? null : unit;
        PrometheusTypeName = info.PrometheusType;
        OpenMetricsTypeName = info.OpenMetricsType;
    }

    public MetricKind Kind { get; }

    /// <summary>The registered name: the Prometheus 0.0.4 family and sample name.</summary>
    public string Name { get; }

    /// <summary>HELP text, unescaped (empty when none).</summary>
    public string Help { get; }

    /// <summary>OpenMetrics unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>When the family's series were created (registration), in Unix seconds; null when it has no <c>_created</c> samples.</summary>
    public double? CreatedUnixSeconds { get; }

    /// <summary>The <c># TYPE</c> word of the kind in Prometheus text 0.0.4.</summary>
    public string PrometheusTypeName { get; }

    /// <summary>The <c># TYPE</c> word of the kind in OpenMetrics 1.0.</summary>
    public string OpenMetricsTypeName { get; }
}
