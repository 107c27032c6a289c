using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using DistriC.Exposition;
using DistriC.Infrastructure;

namespace DistriC.Metrics.Interop;

/// <summary>
/// The family of one bridged instrument (or of several instruments with the same translated name, e.g. one per DI
/// container): series are created the first time their tag set is seen, up to a cap, after which new tag sets share one
/// overflow series labelled <c>otel_metric_overflow="true"</c>.
/// </summary>
/// <remarks>
/// Recording a measurement of an existing series is lock-free and allocation-free: the tag keys resolve through
/// <see cref="TagSlots"/>, the values hash and compare in place (<see cref="TagValues"/>), <see cref="SeriesIndex"/>
/// finds the series, and one atomic operation updates it. Only a tag set not seen before takes the lock, builds the
/// series' label text once and publishes it.
/// </remarks>
internal sealed class BridgedFamily : InstrumentFamily
{
    private const int StackTags = 32;

    private readonly object _lock = new();
    private readonly TagSlots _slots;
    private readonly SeriesIndex _index = new();
    private readonly Dictionary<string, BridgedSeries> _byText = new(StringComparer.Ordinal);
    private BridgedSeries[] _series = new BridgedSeries[4];
    private int _seriesCount;
    private BridgedSeries? _overflow;
    private volatile bool _full;
    private long _overflowed;
    private readonly TagFills _fills;

    public BridgedFamily(MetricLayout layout, string? unit, BridgedAggregation aggregation, bool integer, double scale, int maxSeries, Func<string, bool> keepTag, DropCounters drops,
        TagFills? fills = null)
        : base(layout, unit, aggregation, integer, scale, drops)
    {
        _fills = fills ?? TagFills.None;
        MaxSeries = maxSeries;
        _slots = new TagSlots(keepTag, layout.Kind == MetricKind.Histogram);
    }

    /// <summary>Series kept before new tag sets fold into the overflow series (which is not counted here).</summary>
    public int MaxSeries { get; }

    /// <summary>Series held, the overflow series included once it exists.</summary>
    public int SeriesCount => Volatile.Read(ref _seriesCount);

    /// <summary>Measurements recorded into the overflow series because the family had reached <see cref="MaxSeries"/>.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);

    public override MetricFamilyInfo Describe() =>
        new(Header.Kind, Header.Name, Header.Help, Header.Unit, _slots.Names, Layout.Buckets, SeriesCount);

    public override ReadOnlySpan<string> LabelValuesOf(int series) =>
        Volatile.Read(ref _series)[series].LabelValues.AsSpan(0, _slots.Names.Length);

    protected override BridgedSeries[] Snapshot(out int count)
    {
        count = Volatile.Read(ref _seriesCount);
        return Volatile.Read(ref _series);
    }

    protected override BridgedSeries? Lookup(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_fills.Lacks(tags))
        {
            return LookupTags(tags);
        }

        Span<KeyValuePair<string, object?>> filled = _fills.Fill(tags);
        BridgedSeries series = LookupTags(filled);
        TagFills.Release(filled);
        return series;
    }

    private BridgedSeries LookupTags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length > StackTags)
        {
            return LookupLocked(tags);
        }

        Span<int> slots = stackalloc int[StackTags];
        int hash = 0;
        int kept = 0;
        for (int t = 0; t < tags.Length; t++)
        {
            object? value = tags[t].Value;
            int slot = value is null ? TagSlots.Dropped : _slots.Find(tags[t].Key);
            if (slot == TagSlots.Unknown)
            {
                return LookupLocked(tags);
            }

            slots[t] = slot;
            if (slot >= 0)
            {
                kept++;
                hash += SeriesIndex.Mix(slot, TagValues.Hash(value!));
            }
        }

        BridgedSeries? found = _index.Find(hash, tags, slots[..tags.Length], kept);
        if (found is not null)
        {
            return found;
        }

        if (_full && _overflow is { } overflow)
        {
            // At the cap, a new tag set never takes the lock: it goes straight to the overflow series.
            Interlocked.Increment(ref _overflowed);
            return overflow;
        }

        return LookupLocked(tags);
    }

    private BridgedSeries LookupLocked(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_lock)
        {
            var slots = new int[tags.Length];
            var values = new object?[TagSlots.Width];
            int hash = 0;
            int kept = 0;
            for (int t = 0; t < tags.Length; t++)
            {
                object? value = tags[t].Value;
                int slot = value is null ? TagSlots.Dropped : _slots.FindOrAdd(tags[t].Key);
                slots[t] = slot;
                if (slot >= 0)
                {
                    kept++;
                    hash += SeriesIndex.Mix(slot, TagValues.Hash(value!));
                    values[slot] ??= value;
                }
            }

            BridgedSeries? found = _index.Find(hash, tags, slots, kept);
            if (found is not null)
            {
                return found;
            }

            string[] labelValues = LabelValues(values);
            string text = EncodeLabels(labelValues);
            if (_byText.TryGetValue(text, out BridgedSeries? same))
            {
                // The same label text from other value types (a boxed 200 and "200"): one series, one more key for it.
                AddEntry(hash, values, kept, same);
                return same;
            }

            if (_byText.Count >= MaxSeries)
            {
                _overflowed++;
                return Overflow();
            }

            var series = new BridgedSeries(labelValues, Encoding.UTF8.GetBytes(text), BucketCount);
            _byText.Add(text, series);
            Append(series);
            AddEntry(hash, values, kept, series);
            return series;
        }
    }

    private void AddEntry(int hash, object?[] values, int kept, BridgedSeries series)
    {
        // Aliases are bounded too: past twice the cap, a further one is just not remembered (its next lookup locks again).
        if (_index.Count < (2 * MaxSeries) + 16)
        {
            _index.Add(hash, values, kept, series);
        }
    }

    private BridgedSeries Overflow()
    {
        if (_overflow is null)
        {
            int slot = _slots.OverflowSlot();
            var labelValues = new string[TagSlots.Width];
            Array.Fill(labelValues, string.Empty);
            labelValues[slot] = "true";
            _overflow = new BridgedSeries(labelValues, Encoding.UTF8.GetBytes(TagSlots.OverflowLabel + "=\"true\""), BucketCount);
            Append(_overflow);
            _full = true;
        }

        return _overflow;
    }

    private void Append(BridgedSeries series)
    {
        if (_seriesCount == _series.Length)
        {
            var larger = new BridgedSeries[_series.Length * 2];
            _series.CopyTo(larger, 0);
            Volatile.Write(ref _series, larger);
        }

        _series[_seriesCount] = series;
        Volatile.Write(ref _seriesCount, _seriesCount + 1);
    }

    private static string[] LabelValues(object?[] values)
    {
        var text = new string[values.Length];
        for (int slot = 0; slot < values.Length; slot++)
        {
            text[slot] = values[slot] is { } value ? TagValues.Text(value) : string.Empty;
        }

        return text;
    }

    private string EncodeLabels(string[] labelValues)
    {
        ReadOnlySpan<string> names = _slots.Names;
        var text = new StringBuilder();
        for (int slot = 0; slot < names.Length; slot++)
        {
            // An empty value is the same as no label in Prometheus, so it is not written.
            if (labelValues[slot].Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(names[slot]).Append("=\"").Append(TextEscaping.EscapeLabelValue(labelValues[slot])).Append('"');
        }

        return text.ToString();
    }
}
