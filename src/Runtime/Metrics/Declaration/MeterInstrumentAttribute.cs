using System;
using System.Diagnostics.CodeAnalysis;

namespace DistriC;

/// <summary>
/// Binds another library's <see cref="System.Diagnostics.Metrics"/> instrument by declaration: on a <c>partial</c> class,
/// names the meter and the instrument, and with <see cref="MeterTagAttribute">[MeterTag]</see> lists the tags to keep and
/// every value each may take. The generator makes the class a <see cref="MeterInstrumentBinding"/> (a parameterless
/// constructor, <c>Cardinality</c>, the tag-to-ordinal mapping); pass an instance to
/// <see cref="MeterBridgeOptions.AddBinding"/>. Tags not listed are aggregated away; a value not listed goes to the
/// tag's <c>CatchAll</c> value, or without one the measurement is dropped and counted. The analyzers check the
/// declaration under the Prometheus names it will have, like a <see cref="MetricAttribute">[Metric]</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MeterInstrumentAttribute : Attribute
{
    /// <summary>Declares a binding.</summary>
    /// <param name="meterName">The meter's name, e.g. <c>Contoso.Payments</c>.</param>
    /// <param name="instrumentName">The instrument's name, e.g. <c>contoso.payments.processed</c>.</param>
    /// <param name="kind">
    /// What the instrument is exposed as: <see cref="MetricKind.Counter"/> for <c>Counter&lt;T&gt;</c> and
    /// <c>ObservableCounter&lt;T&gt;</c>, <see cref="MetricKind.Gauge"/> for up-down counters and gauges,
    /// <see cref="MetricKind.Histogram"/> for <c>Histogram&lt;T&gt;</c>. An instrument of another kind is not bridged.
    /// </param>
    public MeterInstrumentAttribute(string meterName, string instrumentName, MetricKind kind)
    {
        MeterName = meterName;
        InstrumentName = instrumentName;
        Kind = kind;
    }

    /// <summary>The meter's name.</summary>
    public string MeterName { get; }

    /// <summary>The instrument's name.</summary>
    public string InstrumentName { get; }

    /// <summary>What the instrument is exposed as.</summary>
    public MetricKind Kind { get; }

    /// <summary>
    /// The instrument's UCUM unit as it declares it (<c>s</c>, <c>ms</c>, <c>By</c>, <c>{request}</c>), which gives the
    /// exposed name its suffix; null for none. An instrument with another unit is not bridged, so the name the analyzers
    /// checked is the name exposed.
    /// </summary>
    public string? Unit { get; set; }

    /// <summary>Histogram bounds, in the instrument's unit, used when the instrument advises none; null for OpenTelemetry's defaults.</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Attribute named arguments must be arrays.")]
    public double[]? Buckets { get; set; }
}
