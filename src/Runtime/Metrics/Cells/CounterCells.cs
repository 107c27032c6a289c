using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The storage of one counter family: one 64-bit cell per label combination, each on its own
/// cache line, addressed by flat index <c>sum(ordinal_d * stride_d)</c>. Generated code computes
/// the index from enum ordinals and calls these members; an index out of range is dropped and
/// counted, never written. With exemplars, a series' exemplar slot (<see cref="ExemplarSlot"/>) sits in the rest of
/// its cell's cache line, which the update has just loaded: recording one touches no other memory.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CounterCells
{
    private const int Spacing = CacheLineArray.ElementsPerLine;
    private readonly long[] _cells;
    private readonly int _offset;
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

        ref long cell = ref _cells[_offset + (index * Spacing)];
        Interlocked.Increment(ref cell);
        if (ExemplarSlot.TryGetActive(out TraceContext context) && _exemplarClock is not null)
        {
            ExemplarSlot.Offer(ref Unsafe.Add(ref cell, 1), context, 1, _exemplarClock);
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

    /// <summary>Reads the series at <paramref name="index"/> (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The current value.</returns>
    public long Get(int index) => (uint)index < (uint)Count ? Volatile.Read(ref _cells[_offset + (index * Spacing)]) : 0;
}
