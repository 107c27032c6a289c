using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The storage of one counter family: one 64-bit cell per label combination, each on its own
/// cache line, addressed by flat index <c>sum(ordinal_d * stride_d)</c>, plus per-processor stripes
/// once two threads collide on one series (<see cref="CellStripes"/>). Generated code computes
/// the index from enum ordinals and calls these members; an index out of range is dropped and
/// counted, never written. With exemplars, a series' exemplar slot (<see cref="ExemplarSlot"/>) sits in the rest of
/// its cell's cache line, which the update has just loaded: recording one touches no other memory.
/// </summary>
/// <remarks>
/// Every update lands in exactly one cell (the series' own or a stripe's), and every cell only grows, so a read (the
/// sum of the series' own cell and its stripes) is exact and, for one reader, never decreases.
/// Memory: 64 B per series; a family that has collided adds <c>stripes x 8 B x series</c>, rounded up to whole
/// 64-byte lines per stripe (at 8 stripes, 64 B more per series).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CounterCells
{
    private const int Spacing = CacheLineArray.ElementsPerLine;
    private readonly long[] _cells;
    private readonly int _offset;
    private readonly object _inflateGate = new();
    private StripedBlocks? _stripes;
    private readonly MetricClock? _exemplarClock;

    internal CounterCells(int count, DropCounters drops, MetricClock? exemplarClock = null)
    {
        Count = count;
        Drops = drops;
        _exemplarClock = exemplarClock;
        _cells = CacheLineArray.Allocate<long>(count * Spacing, out _offset);
    }

    /// <summary>The family keeps exemplars (registered with them).</summary>
    internal bool HasExemplars => _exemplarClock is not null;

    /// <summary>Number of series (the metric's cardinality).</summary>
    public int Count { get; }

    /// <summary>The registry's drop counters, for generated code that rejects an input before indexing.</summary>
    public DropCounters Drops { get; }

    /// <summary>Whether this family has collided and now updates per-processor stripes.</summary>
    internal bool IsStriped => Volatile.Read(ref _stripes) is not null;

    /// <summary>Stripes the family now, as a collision would (tests of the striped path; no effect on one processor).</summary>
    internal void StripeNow() => OnCollision();

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

        AddUnchecked(index, 1);
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

        AddUnchecked(index, value);
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

        AddUnchecked(index, 1);
        if (ExemplarSlot.TryGetActive(out TraceContext context) && _exemplarClock is not null)
        {
            // The slot stays in the series' own line even when the family is striped: it is written at most once per
            // exemplar interval, so it adds no per-update line transfer.
            ExemplarSlot.Offer(ref _cells[_offset + (index * Spacing) + 1], context, 1, _exemplarClock);
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
            ExemplarSlot.Offer(ref _cells[_offset + (index * Spacing) + 1], context, value, _exemplarClock);
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
            ExemplarSlot.Offer(ref _cells[_offset + (index * Spacing) + 1], exemplar, value, _exemplarClock);
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

        return ExemplarSlot.TryRead(ref _cells[_offset + (index * Spacing) + 1], _exemplarClock, out exemplar);
    }

    /// <summary>Reads the series at <paramref name="index"/>: its own cell plus its stripes (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The current value.</returns>
    public long Get(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return 0;
        }

        long value = Volatile.Read(ref _cells[_offset + (index * Spacing)]);
        StripedBlocks? stripes = Volatile.Read(ref _stripes);
        return stripes is null ? value : value + stripes.Sum(index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddUnchecked(int index, long value)
    {
        StripedBlocks? stripes = Volatile.Read(ref _stripes);
        if (stripes is null)
        {
            // One compare-and-swap instead of an atomic add: the same cost uncontended, and its failure is the
            // collision that tells this family to stripe.
            ref long cell = ref _cells[_offset + (index * Spacing)];
            long seen = Volatile.Read(ref cell);
            if (Interlocked.CompareExchange(ref cell, seen + value, seen) == seen)
            {
                return;
            }

            stripes = OnCollision();
            if (stripes is null)
            {
                Interlocked.Add(ref cell, value);
                return;
            }
        }

        Interlocked.Add(ref stripes.CurrentCell(index), value);
    }

    /// <summary>Two threads wrote one series at once: stripe the family (null on one processor, where stripes cannot help).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private StripedBlocks? OnCollision() =>
        CellStripes.Count == 1 ? null : StripedBlocks.Inflate(ref _stripes, _inflateGate, Count);
}
