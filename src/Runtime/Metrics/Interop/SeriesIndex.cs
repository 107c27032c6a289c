using System;
using System.Collections.Generic;
using System.Threading;

namespace DistriC.Metrics.Interop;

/// <summary>
/// Lock-free lookup from a measurement's tag values to its series: an open-addressing table of immutable entries,
/// probed linearly, that readers scan without a lock and writers (under the family's lock) add to or replace by a
/// larger copy. A reader on an outdated copy misses at worst, and the miss takes the locked path, which looks again.
/// </summary>
internal sealed class SeriesIndex
{
    private Entry?[] _table = new Entry?[16];
    private int _entries;

    /// <summary>Entries held; aliases (a tag set of other value types with the same text) count too.</summary>
    public int Count => Volatile.Read(ref _entries);

    /// <summary>The series of the kept tags, or null; <paramref name="slots"/> gives each tag's slot (negative: not kept).</summary>
    public BridgedSeries? Find(int hash, ReadOnlySpan<KeyValuePair<string, object?>> tags, ReadOnlySpan<int> slots, int kept)
    {
        Entry?[] table = Volatile.Read(ref _table);
        int mask = table.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            Entry? entry = Volatile.Read(ref table[i]);
            if (entry is null)
            {
                return null;
            }

            if (entry.Hash == hash && entry.Kept == kept && entry.Matches(tags, slots))
            {
                return entry.Series;
            }
        }
    }

    /// <summary>Adds an entry; call under the family's lock.</summary>
    public void Add(int hash, object?[] values, int kept, BridgedSeries series)
    {
        if ((_entries + 1) * 2 > _table.Length)
        {
            var larger = new Entry?[_table.Length * 2];
            foreach (Entry? old in _table)
            {
                if (old is not null)
                {
                    Insert(larger, old);
                }
            }

            Volatile.Write(ref _table, larger);
        }

        Insert(_table, new Entry(hash, values, kept, series));
        Volatile.Write(ref _entries, _entries + 1);
    }

    /// <summary>The order-independent hash of one kept tag; a tag set's hash is the sum over its tags.</summary>
    public static int Mix(int slot, int valueHash) => unchecked(((valueHash ^ (slot * 0x5bd1e995)) * (int)0x9E3779B1) ^ slot);

    private static void Insert(Entry?[] table, Entry entry)
    {
        int mask = table.Length - 1;
        int i = entry.Hash & mask;
        while (table[i] is not null)
        {
            i = (i + 1) & mask;
        }

        Volatile.Write(ref table[i], entry);
    }

    private sealed class Entry
    {
        public Entry(int hash, object?[] values, int kept, BridgedSeries series)
        {
            Hash = hash;
            Values = values;
            Kept = kept;
            Series = series;
        }

        public int Hash { get; }

        /// <summary>The tag values by slot, as the instrument passed them (null: the series has no such tag).</summary>
        public object?[] Values { get; }

        public int Kept { get; }

        public BridgedSeries Series { get; }

        public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags, ReadOnlySpan<int> slots)
        {
            for (int t = 0; t < tags.Length; t++)
            {
                int slot = slots[t];
                if (slot < 0)
                {
                    continue;
                }

                object? stored = slot < Values.Length ? Values[slot] : null;
                if (stored is null || !TagValues.Same(stored, tags[t].Value!))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
