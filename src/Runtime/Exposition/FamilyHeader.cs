namespace DistriC.Exposition;

/// <summary>
/// What every format needs to know about a family: its kind and <c># TYPE</c> word, name, HELP and
/// unit, independent of any encoding (each format writer encodes its own fragments from it).
/// </summary>
internal sealed class FamilyHeader
{
    public FamilyHeader(MetricKind kind, string name, string help, string? unit)
    {
        string type = kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Gauge => "gauge",
            _ => "histogram",
        };

        Kind = kind;
        Name = name;
        Help = help;
        Unit = string.IsNullOrEmpty(unit) ? null : unit;
        TypeName = type;
    }

    public MetricKind Kind { get; }

    /// <summary>The registered name: the Prometheus 0.0.4 family and sample name.</summary>
    public string Name { get; }

    /// <summary>HELP text, unescaped (empty when none).</summary>
    public string Help { get; }

    /// <summary>OpenMetrics unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>The <c># TYPE</c> word of the kind.</summary>
    public string TypeName { get; }
}
