using System;
using System.Diagnostics.CodeAnalysis;

namespace DistriC;

/// <summary>
/// Declares a metric on a <c>partial</c> class. The DistriC source generator adds to the class a
/// constructor taking a <see cref="MetricRegistry"/>, the label enums, <c>Cardinality</c> and typed
/// update methods (see the README's "Declaring metrics"); the DistriC analyzers check the
/// declaration at build time (diagnostics DSC001 to DSC015, and DSC2xx for the metric contract and service-level pairs).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MetricAttribute : Attribute
{
    /// <summary>Declares a metric.</summary>
    /// <param name="kind">Counter, gauge or histogram.</param>
    /// <param name="name">Exposed metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; counters end in <c>_total</c>.</param>
    public MetricAttribute(MetricKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>Counter, gauge or histogram.</summary>
    public MetricKind Kind { get; }

    /// <summary>Exposed metric name.</summary>
    public string Name { get; }

    /// <summary>HELP text (at most 256 characters); none when null.</summary>
    public string? Help { get; set; }

    /// <summary>Histogram bucket upper bounds: finite and strictly increasing; +Inf is implicit. Null for the defaults.</summary>
    // An attribute argument can only be an array, not a read-only collection.
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Attribute named arguments must be arrays.")]
    public double[]? Buckets { get; set; }

    /// <summary>OpenMetrics unit (e.g. <c>seconds</c>); the name must then end with <c>_seconds</c> (before <c>_total</c>).</summary>
    public string? Unit { get; set; }

    /// <summary>
    /// Marks the metric as one half of a service-level pair: a labelled counter of requests and a histogram of their
    /// latency with the same labels and the same <c>ServiceLevel</c> name (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>). The
    /// generated rules file records their request rate, error ratio and latency quantiles (diagnostic DSC212 checks the pair).
    /// </summary>
    public string? ServiceLevel { get; set; }

    /// <summary>On the counter of a service-level pair: the label whose <see cref="ErrorValues"/> mark failed requests.</summary>
    public string? ErrorLabel { get; set; }

    /// <summary>On the counter of a service-level pair: the values of <see cref="ErrorLabel"/> that count as errors (e.g. <c>5xx</c>).</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Attribute named arguments must be arrays.")]
    public string[]? ErrorValues { get; set; }

    /// <summary>
    /// Counters and histograms only: each update made while a sampled span is <see cref="Tracer.ActiveSpan"/> may
    /// leave that span's trace and span IDs as the exemplar of its series (counter) or bucket (histogram), written in
    /// OpenMetrics. Also generates update overloads taking an explicit <see cref="TraceContext"/>. Default false.
    /// </summary>
    public bool Exemplars { get; set; }
}
