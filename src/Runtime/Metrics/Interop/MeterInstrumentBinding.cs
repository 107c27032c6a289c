using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>
/// One instrument bound by declaration: the base the generator gives a
/// <see cref="MeterInstrumentAttribute">[MeterInstrument]</see> class. It names the instrument, its exposed labels with
/// their allowlists (catch-all values included) and maps a measurement's tags to the flat index of its series, so the
/// bridge records it with index arithmetic and no look-up. Pass an instance to <see cref="MeterBridgeOptions.AddBinding"/>.
/// </summary>
public abstract class MeterInstrumentBinding
{
    /// <summary>Called by generated constructors.</summary>
    /// <param name="meterName">The meter's name.</param>
    /// <param name="instrumentName">The instrument's name.</param>
    /// <param name="kind">The kind the instrument must have to be bridged.</param>
    /// <param name="unit">The unit the instrument must declare (null or empty: none).</param>
    /// <param name="buckets">Histogram bounds in the instrument's unit, when it advises none; null for the defaults.</param>
    /// <param name="labels">The exposed labels (translated tag keys) and their values, in the order of the flat index.</param>
    protected MeterInstrumentBinding(string meterName, string instrumentName, MetricKind kind, string? unit, double[]? buckets, params LabelDefinition[] labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterName);
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        ArgumentNullException.ThrowIfNull(labels);
        MeterName = meterName;
        InstrumentName = instrumentName;
        Kind = kind;
        Unit = string.IsNullOrEmpty(unit) ? null : unit;
        Buckets = buckets is null ? null : (double[])buckets.Clone();
        Labels = (LabelDefinition[])labels.Clone();
    }

    /// <summary>The meter's name.</summary>
    public string MeterName { get; }

    /// <summary>The instrument's name.</summary>
    public string InstrumentName { get; }

    /// <summary>The kind the instrument is exposed as.</summary>
    public MetricKind Kind { get; }

    /// <summary>The instrument's declared unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>The declared histogram bounds (in the instrument's unit), or null.</summary>
    public IReadOnlyList<double>? Buckets { get; }

    /// <summary>The exposed labels in flat-index order, each with its values (its catch-all last).</summary>
    public IReadOnlyList<LabelDefinition> Labels { get; }

    /// <summary>
    /// The flat index of the series a measurement with <paramref name="tags"/> belongs to, or -1 when a kept tag has a value
    /// outside its list and no catch-all (the bridge drops and counts it). Tags not kept are ignored. Generated: a switch on
    /// the key, then on the value, per tag; allocates nothing.
    /// </summary>
    /// <param name="tags">The measurement's tags, as the instrument passed them.</param>
    public abstract int SeriesOf(ReadOnlySpan<KeyValuePair<string, object?>> tags);
}
