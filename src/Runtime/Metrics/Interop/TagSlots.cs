using System;
using System.Threading;

namespace DistriC.Metrics.Interop;

/// <summary>
/// The tag keys one bridged family has seen, each mapped to a label slot (its position in the family's label names)
/// or to "dropped". Reading is lock-free (an immutable array of entries, compared by reference first: instruments pass
/// the same string literals every time); adding happens under the family's lock.
/// </summary>
internal sealed class TagSlots
{
    /// <summary>Most labels one bridged family keeps; further keys are dropped.</summary>
    public const int MaxSlots = 16;

    /// <summary>The key is known and dropped (filtered, or over the slot limit).</summary>
    public const int Dropped = -1;

    /// <summary>The key has not been seen yet: the caller takes the slow path.</summary>
    public const int Unknown = -2;

    /// <summary>The label that marks the overflow series.</summary>
    public const string OverflowLabel = "otel_metric_overflow";

    /// <summary>Distinct keys remembered; a caller passing ever new keys gets them dropped without growing the table.</summary>
    private const int MaxKeys = 64;

    private readonly Func<string, bool> _keep;
    private readonly bool _isHistogram;
    private readonly string[] _names = new string[MaxSlots + 1];
    private Entry[] _entries = Array.Empty<Entry>();
    private int _count;

    /// <param name="keep">Whether a tag key (as the instrument spells it) is kept.</param>
    /// <param name="isHistogram">Histograms reserve the <c>le</c> label.</param>
    public TagSlots(Func<string, bool> keep, bool isHistogram)
    {
        _keep = keep;
        _isHistogram = isHistogram;
    }

    /// <summary>The label names by slot, as many as are in use.</summary>
    public ReadOnlySpan<string> Names => _names.AsSpan(0, Volatile.Read(ref _count));

    /// <summary>Length of every series' label-value array: room for every slot there can be.</summary>
    public static int Width => MaxSlots + 1;

    /// <summary>The slot of <paramref name="key"/>, <see cref="Dropped"/>, or <see cref="Unknown"/>; lock-free.</summary>
    public int Find(string key)
    {
        Entry[] entries = Volatile.Read(ref _entries);
        foreach (Entry entry in entries)
        {
            if (ReferenceEquals(entry.Key, key))
            {
                return entry.Slot;
            }
        }

        foreach (Entry entry in entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Slot;
            }
        }

        return Unknown;
    }

    /// <summary>Finds or adds <paramref name="key"/>; call under the family's lock.</summary>
    public int FindOrAdd(string key)
    {
        int slot = Find(key);
        if (slot != Unknown)
        {
            return slot;
        }

        slot = Decide(key);
        Entry[] entries = _entries;
        if (entries.Length < MaxKeys)
        {
            var next = new Entry[entries.Length + 1];
            entries.CopyTo(next, 0);
            next[^1] = new Entry(key, slot);
            Volatile.Write(ref _entries, next);
        }

        return slot;
    }

    /// <summary>The slot of the overflow label, added on first use; call under the family's lock.</summary>
    public int OverflowSlot()
    {
        for (int slot = 0; slot < _count; slot++)
        {
            if (_names[slot] == OverflowLabel)
            {
                return slot;
            }
        }

        // The extra slot past MaxSlots is kept for this label, so it always fits.
        _names[_count] = OverflowLabel;
        Volatile.Write(ref _count, _count + 1);
        return _count - 1;
    }

    private int Decide(string key)
    {
        if (!_keep(key) || _count >= MaxSlots)
        {
            return Dropped;
        }

        string name = PrometheusNaming.LabelName(key);
        if (name == OverflowLabel || (_isHistogram && name == "le"))
        {
            return Dropped;
        }

        for (int slot = 0; slot < _count; slot++)
        {
            if (_names[slot] == name)
            {
                // Two keys with one Prometheus name ("a.b" and "a_b"): the first keeps it, the second is dropped.
                return Dropped;
            }
        }

        _names[_count] = name;
        Volatile.Write(ref _count, _count + 1);
        return _count - 1;
    }

    private sealed record Entry(string Key, int Slot);
}
