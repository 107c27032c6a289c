using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The storage of one counter family: one 64-bit cell per label combination, each on its own
/// cache line, addressed by flat index <c>sum(ordinal_d * stride_d)</c>. Generated code computes
/// the index from enum ordinals and calls these members; an index out of range is dropped and
/// counted, never written.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CounterCells
{
    private const int Spacing = CacheLineArray.ElementsPerLine;
    private readonly long[] _cells;
    private readonly int _offset;

    internal CounterCells(int count, DropCounters drops)
    {
        Count = count;
        Drops = drops;
        _cells = CacheLineArray.Allocate<long>(count * Spacing, out _offset);
    }

    /// <summary>Number of series (the metric's cardinality).</summary>
    public int Count { get; }

    /// <summary>The registry's drop counters, for generated code that rejects an input before indexing.</summary>
    public DropCounters Drops { get; }

    /// <summary>Adds one to the series at <paramref name="index"/>.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, or <see cref="DistricStatus.InvalidLabel"/> when the index is out of range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus Increment(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        Interlocked.Increment(ref _cells[_offset + (index * Spacing)]);
        return DistricStatus.Ok;
    }

    /// <summary>Adds <paramref name="value"/> to the series at <paramref name="index"/>; a negative value is dropped and counted.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">Non-negative amount.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus Add(int index, long value)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        if (value < 0)
        {
            return Drops.RecordInvalidValue();
        }

        Interlocked.Add(ref _cells[_offset + (index * Spacing)], value);
        return DistricStatus.Ok;
    }

    /// <summary>Reads the series at <paramref name="index"/> (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The current value.</returns>
    public long Get(int index) => (uint)index < (uint)Count ? Volatile.Read(ref _cells[_offset + (index * Spacing)]) : 0;
}
