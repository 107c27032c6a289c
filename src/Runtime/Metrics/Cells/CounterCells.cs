using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The storage of one counter family, striped by processor: one 64-bit cell per stripe and label combination, laid out
/// <c>[stripe][series]</c> in one array, each stripe's block of series starting on a cache line, so threads on different
/// processors update different lines without per-cell padding (<see cref="CellStripes"/>). Generated code computes the
/// flat index <c>sum(ordinal_d * stride_d)</c> from enum ordinals and calls these members; an index out of range is
/// dropped and counted, never written. With exemplars, each series also has a cache line of its own holding its
/// <see cref="ExemplarSlot"/>, allocated only for such families.
/// </summary>
/// <remarks>
/// Every update lands in exactly one cell and every cell only grows, so a read (the sum of the series' cells over the
/// stripes) is exact and, for one reader, never decreases. Memory: <c>stripes x 8 B x series</c>, each stripe rounded
/// up to whole 64-byte lines (at 8 stripes, 64 B per series: what one padded cell per series took).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CounterCells
{
    private readonly long[] _cells;
    private readonly int _offset;
    private readonly int _stripeMask;
    private readonly int _stripeLength;
    private readonly MetricClock? _exemplarClock;
    private readonly long[] _exemplars;
    private readonly int _exemplarOffset;

    internal CounterCells(int count, DropCounters drops, MetricClock? exemplarClock = null)
        : this(count, drops, CellStripes.Count, exemplarClock)
    {
    }

    internal CounterCells(int count, DropCounters drops, int stripes, MetricClock? exemplarClock = null)
    {
        Count = count;
        Drops = drops;
        _stripeMask = stripes - 1;
        _stripeLength = CacheLineArray.RoundUpToLine(count);
        _cells = CacheLineArray.Allocate<long>(stripes * _stripeLength, out _offset);
        _exemplarClock = exemplarClock;
        _exemplars = exemplarClock is null
            ? Array.Empty<long>()
            : CacheLineArray.Allocate<long>(count * CacheLineArray.ElementsPerLine, out _exemplarOffset);
    }

    /// <summary>The family keeps exemplars (registered with them).</summary>
    internal bool HasExemplars => _exemplarClock is not null;

    /// <summary>Number of series (the metric's cardinality).</summary>
    public int Count { get; }

    /// <summary>The registry's drop counters, for generated code that rejects an input before indexing.</summary>
    public DropCounters Drops { get; }

    /// <summary>Number of stripes each series is spread over (a power of two).</summary>
    internal int Stripes => _stripeMask + 1;

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

        Interlocked.Increment(ref CellOfCurrentStripe(index));
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

        Interlocked.Add(ref CellOfCurrentStripe(index), value);
        return DistricStatus.Ok;
    }

    /// <summary>
    /// <see cref="Increment(int)"/>, then offers the sampled <see cref="Tracer.ActiveSpan"/> (if any) as the series' exemplar
    /// with value 1. Generated code of a metric declared with exemplars calls this; it records nothing on a family without them.
    /// </summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidLabel"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus IncrementWithExemplar(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        Interlocked.Increment(ref CellOfCurrentStripe(index));
        if (ExemplarSlot.TryGetActive(out TraceContext context) && _exemplarClock is not null)
        {
            ExemplarSlot.Offer(ref ExemplarOf(index), context, 1, _exemplarClock);
        }

        return DistricStatus.Ok;
    }

    /// <summary><see cref="Add(int, long)"/>, then offers the sampled active span as the exemplar with value <paramref name="value"/>.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">Non-negative amount.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus AddWithExemplar(int index, long value)
    {
        DistricStatus status = Add(index, value);
        if (status == DistricStatus.Ok && ExemplarSlot.TryGetActive(out TraceContext context) && _exemplarClock is not null)
        {
            ExemplarSlot.Offer(ref ExemplarOf(index), context, value, _exemplarClock);
        }

        return status;
    }

    /// <summary><see cref="Add(int, long)"/> with <paramref name="exemplar"/> offered as the exemplar when it is valid and sampled.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">Non-negative amount.</param>
    /// <param name="exemplar">The trace context to link (e.g. <c>span.Context</c>).</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Add(int index, long value, in TraceContext exemplar)
    {
        DistricStatus status = Add(index, value);
        if (status == DistricStatus.Ok && exemplar.IsSampled && exemplar.IsValid && _exemplarClock is not null)
        {
            ExemplarSlot.Offer(ref ExemplarOf(index), exemplar, value, _exemplarClock);
        }

        return status;
    }

    /// <summary>The exemplar of series <paramref name="index"/>; false when it has none.</summary>
    internal bool TryReadExemplar(int index, out MetricExemplar exemplar)
    {
        if (_exemplarClock is null)
        {
            exemplar = default;
            return false;
        }

        return ExemplarSlot.TryRead(ref ExemplarOf(index), _exemplarClock, out exemplar);
    }

    /// <summary>Reads the series at <paramref name="index"/>: the sum of its stripes (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The current value.</returns>
    public long Get(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return 0;
        }

        long total = 0;
        for (int cell = _offset + index, end = cell + (Stripes * _stripeLength); cell < end; cell += _stripeLength)
        {
            total += Volatile.Read(ref _cells[cell]);
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref long CellOfCurrentStripe(int index) =>
        ref _cells[_offset + (CellStripes.Current(_stripeMask) * _stripeLength) + index];

    private ref long ExemplarOf(int index) => ref _exemplars[_exemplarOffset + (index * CacheLineArray.ElementsPerLine)];
}
