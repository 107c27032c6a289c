using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The storage of one gauge family: one double per label combination, each on its own cache line.
/// <c>Set</c> is a single write; <c>Add</c> is a compare-and-swap loop, so concurrent additions are exact.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GaugeCells
{
    private const int Spacing = CacheLineArray.ElementsPerLine;
    private readonly double[] _cells;
    private readonly int _offset;

    internal GaugeCells(int count, DropCounters drops)
    {
        Count = count;
        Drops = drops;
        _cells = CacheLineArray.Allocate<double>(count * Spacing, out _offset);
    }

    /// <summary>Number of series (the metric's cardinality).</summary>
    public int Count { get; }

    /// <summary>The registry's drop counters, for generated code that rejects an input before indexing.</summary>
    public DropCounters Drops { get; }

    /// <summary>Sets the series at <paramref name="index"/> to <paramref name="value"/>.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">New value (NaN and infinities are allowed and exposed as such).</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus Set(int index, double value)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        Volatile.Write(ref _cells[_offset + (index * Spacing)], value);
        return DistricStatus.Ok;
    }

    /// <summary>Adds <paramref name="delta"/> (may be negative) to the series at <paramref name="index"/>.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="delta">Amount to add.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus Add(int index, double delta)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        ref double cell = ref _cells[_offset + (index * Spacing)];
        double current = Volatile.Read(ref cell);
        while (true)
        {
            double seen = Interlocked.CompareExchange(ref cell, current + delta, current);
            // Compare bit patterns: NaN != NaN would otherwise spin forever once the gauge holds NaN.
            if (System.BitConverter.DoubleToInt64Bits(seen) == System.BitConverter.DoubleToInt64Bits(current))
            {
                return DistricStatus.Ok;
            }

            current = seen;
        }
    }

    /// <summary>Reads the series at <paramref name="index"/> (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The current value.</returns>
    public double Get(int index) => (uint)index < (uint)Count ? Volatile.Read(ref _cells[_offset + (index * Spacing)]) : 0;
}
