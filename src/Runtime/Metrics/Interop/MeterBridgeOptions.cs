using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace DistriC;

/// <summary>
/// What a <see cref="MeterBridge"/> brings into the registry: which meters and instruments, which tags it drops, and the
/// series cap per instrument. The presets (<see cref="MeterBridgePresets"/>) fill it for the framework's own meters.
/// </summary>
public sealed class MeterBridgeOptions
{
    /// <summary>The default <see cref="MaxSeriesPerInstrument"/>: OpenTelemetry's default cardinality limit.</summary>
    public const int DefaultMaxSeriesPerInstrument = 2000;

    /// <summary>
    /// Tag keys of the built-in meters whose values are unbounded (addresses, full URLs, exception messages): dropped unless
    /// <see cref="KeepTag"/> keeps one.
    /// </summary>
    public static readonly IReadOnlyList<string> UnboundedTags = new[]
    {
        "server.address", "client.address", "network.peer.address", "network.local.address",
        "url.full", "url.path", "url.query", "exception.message", "user_agent.original",
    };

    private readonly HashSet<string> _meters = new(StringComparer.Ordinal);
    private readonly HashSet<(string Meter, string Instrument)> _instruments = new();
    private readonly HashSet<(string Meter, string Instrument)> _droppedInstruments = new();
    private readonly HashSet<string> _droppedTags = new(UnboundedTags, StringComparer.Ordinal);
    private readonly HashSet<(string Instrument, string Tag)> _droppedInstrumentTags = new();
    private readonly Dictionary<(string Meter, string Instrument), MeterInstrumentBinding> _bindings = new();
    private readonly Dictionary<(string Instrument, string Tag), string> _fills = new();
    private int _maxSeries = DefaultMaxSeriesPerInstrument;

    /// <summary>
    /// Series one instrument may hold (default 2000); measurements with a further tag set are added to one extra series
    /// labelled <c>otel_metric_overflow="true"</c> and counted in <c>distric_internal_meter_overflow_measurements_total</c>.
    /// At most the registry's <see cref="MetricRegistry.MaxCardinality"/> less one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxSeriesPerInstrument
    {
        get => _maxSeries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxSeries = value;
        }
    }

    /// <summary>
    /// When set, meters created by an <see cref="IMeterFactory"/> are bridged only if it is this one (their
    /// <see cref="Meter.Scope"/>); meters without a scope are bridged in any case. <c>AddDistric</c> sets the container's
    /// factory, so two hosts in one process do not count each other's requests.
    /// </summary>
    public object? MeterScope { get; set; }

    /// <summary>Meter names bridged with all their instruments.</summary>
    public IReadOnlyCollection<string> Meters => _meters;

    /// <summary>Tag keys dropped on every instrument (initially <see cref="UnboundedTags"/>).</summary>
    public IReadOnlyCollection<string> DroppedTags => _droppedTags;

    /// <summary>Bridges every instrument of the meter named <paramref name="meterName"/>.</summary>
    /// <param name="meterName">The meter's name, e.g. <c>Microsoft.AspNetCore.Hosting</c>.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions AddMeter(string meterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterName);
        _meters.Add(meterName);
        return this;
    }

    /// <summary>Bridges one instrument of a meter that is not bridged as a whole.</summary>
    /// <param name="meterName">The meter's name.</param>
    /// <param name="instrumentName">The instrument's name, e.g. <c>http.client.request.duration</c>.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions AddInstrument(string meterName, string instrumentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterName);
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        _instruments.Add((meterName, instrumentName));
        return this;
    }

    /// <summary>
    /// Bridges the instrument that <paramref name="binding"/> (a <see cref="MeterInstrumentAttribute">[MeterInstrument]</see>
    /// class) declares, under its declared labels and values only: tags it does not list are aggregated away, values it
    /// does not list go to the tag's catch-all or are dropped and counted. The instrument is bridged this way even when its
    /// meter is added as a whole; an instrument of another kind or unit than declared is not bridged (counted in
    /// <see cref="MeterBridge.RejectedMetricName"/>). A later binding of the same instrument replaces an earlier one.
    /// </summary>
    /// <param name="binding">The binding, e.g. <c>new PaymentsProcessed()</c>.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions AddBinding(MeterInstrumentBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        _bindings[(binding.MeterName, binding.InstrumentName)] = binding;
        return this;
    }

    /// <summary>Never bridges this instrument, even when its meter is added.</summary>
    /// <param name="meterName">The meter's name.</param>
    /// <param name="instrumentName">The instrument's name.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions DropInstrument(string meterName, string instrumentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterName);
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        _droppedInstruments.Add((meterName, instrumentName));
        return this;
    }

    /// <summary>Drops the tag <paramref name="tagKey"/> (as the instrument spells it) on every instrument: its values are aggregated away.</summary>
    /// <param name="tagKey">The tag key, e.g. <c>url.scheme</c>.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions DropTag(string tagKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagKey);
        _droppedTags.Add(tagKey);
        return this;
    }

    /// <summary>Drops the tag <paramref name="tagKey"/> on the instruments named <paramref name="instrumentName"/> only.</summary>
    /// <param name="instrumentName">The instrument's name.</param>
    /// <param name="tagKey">The tag key.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions DropTag(string instrumentName, string tagKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        ArgumentException.ThrowIfNullOrEmpty(tagKey);
        _droppedInstrumentTags.Add((instrumentName, tagKey));
        return this;
    }

    /// <summary>
    /// Records a measurement of the instruments named <paramref name="instrumentName"/> that carries no tag
    /// <paramref name="tagKey"/> (or a null value for it) as if it carried <paramref name="value"/>, so the series is
    /// labelled with a known value instead of lacking the label. The ASP.NET Core preset uses it for the request duration
    /// of a request that matched no route (<see cref="MeterBridgePresets.UnmatchedRoute"/>).
    /// </summary>
    /// <param name="instrumentName">The instrument's name, e.g. <c>http.server.request.duration</c>.</param>
    /// <param name="tagKey">The tag key, e.g. <c>http.route</c>.</param>
    /// <param name="value">The value recorded when the tag is missing; not empty (an empty label is no label).</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions FillMissingTag(string instrumentName, string tagKey, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        ArgumentException.ThrowIfNullOrEmpty(tagKey);
        ArgumentException.ThrowIfNullOrEmpty(value);
        _fills[(instrumentName, tagKey)] = value;
        return this;
    }

    /// <summary>Keeps a tag that is dropped on every instrument, e.g. one of <see cref="UnboundedTags"/> you know to be bounded.</summary>
    /// <param name="tagKey">The tag key.</param>
    /// <returns>These options.</returns>
    public MeterBridgeOptions KeepTag(string tagKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagKey);
        _droppedTags.Remove(tagKey);
        return this;
    }

    /// <summary>Whether <paramref name="instrument"/> is bridged under these options.</summary>
    internal bool Selects(Instrument instrument)
    {
        Meter meter = instrument.Meter;
        if (meter.Scope is not null && MeterScope is not null && !ReferenceEquals(meter.Scope, MeterScope))
        {
            return false;
        }

        if (_droppedInstruments.Contains((meter.Name, instrument.Name)))
        {
            return false;
        }

        return _meters.Contains(meter.Name) || _instruments.Contains((meter.Name, instrument.Name)) || _bindings.ContainsKey((meter.Name, instrument.Name));
    }

    /// <summary>The declared binding of <paramref name="instrument"/>, or null when it is bridged by the run-time rules.</summary>
    internal MeterInstrumentBinding? BindingFor(Instrument instrument) =>
        _bindings.TryGetValue((instrument.Meter.Name, instrument.Name), out MeterInstrumentBinding? binding) ? binding : null;
    /// <summary>The tags filled in when missing on one instrument (<see cref="FillMissingTag"/>): a snapshot, empty when none.</summary>
    internal KeyValuePair<string, object?>[] FillsFor(string instrumentName)
    {
        var fills = new List<KeyValuePair<string, object?>>();
        foreach (KeyValuePair<(string Instrument, string Tag), string> fill in _fills)
        {
            if (fill.Key.Instrument == instrumentName)
            {
                fills.Add(new(fill.Key.Tag, fill.Value));
            }
        }

        // Ordered by key, so the label slots a family assigns do not depend on the order of the calls.
        fills.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return fills.ToArray();
    }

    /// <summary>The tag filter of one instrument: a snapshot, so later changes to the options do not race its lookups.</summary>
    internal Func<string, bool> TagFilter(string instrumentName)
    {
        var dropped = new HashSet<string>(_droppedTags, StringComparer.Ordinal);
        foreach ((string instrument, string tag) in _droppedInstrumentTags)
        {
            if (instrument == instrumentName)
            {
                dropped.Add(tag);
            }
        }

        return key => !dropped.Contains(key);
    }
}
