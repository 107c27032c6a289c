using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The storage of one histogram family. Each series owns a block of whole cache lines holding one
/// count per bucket (the last is +Inf) and the sum. An observation increments exactly one bucket
/// and adds to the sum; cumulative bucket values and <c>_count</c> are computed at export, so
/// <c>_count</c> always equals the <c>le="+Inf"</c> bucket, as Prometheus requires. Once two threads
/// collide on one series (the sum's compare-and-swap fails), the family also gets per-processor
/// stripes of these blocks (<see cref="CellStripes"/>) and reads sum them. With exemplars, every bucket of
/// every series has its own cache line holding an <see cref="ExemplarSlot"/>, allocated only for such families.
/// </summary>
/// <remarks>
/// Memory: the block per series; a family that has collided adds <c>stripes</c> copies of it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HistogramCells
{
    /// <summary>Above this many bounds a binary search beats a linear scan.</summary>
    private const int LinearScanLimit = 16;
    private readonly long[] _cells;
    private readonly int _offset;
    private readonly int _stride;
    private readonly int _sumSlot;
    private readonly double[] _bounds;
    private readonly object _inflateGate = new();
    private StripedBlocks? _stripes;
    private readonly MetricClock? _exemplarClock;
    private readonly long[] _exemplars;
    private readonly int _exemplarOffset;

    internal HistogramCells(int count, double[] bounds, DropCounters drops, MetricClock? exemplarClock = null)
    {
        Count = count;
        Drops = drops;
        _bounds = bounds;
        _sumSlot = bounds.Length + 1;
        _stride = CacheLineArray.RoundUpToLine(bounds.Length + 2);
        _cells = CacheLineArray.Allocate<long>(count * _stride, out _offset);
        _exemplarClock = exemplarClock;
        _exemplars = exemplarClock is null
            ? Array.Empty<long>()
            : CacheLineArray.Allocate<long>(count * (bounds.Length + 1) * CacheLineArray.ElementsPerLine, out _exemplarOffset);
    }

    /// <summary>The family keeps exemplars (registered with them).</summary>
    internal bool HasExemplars => _exemplarClock is not null;

    /// <summary>Number of series (the metric's cardinality).</summary>
    public int Count { get; }

    /// <summary>The registry's drop counters, for generated code that rejects an input before indexing.</summary>
    public DropCounters Drops { get; }

    /// <summary>The finite bucket upper bounds; +Inf follows implicitly.</summary>
    public IReadOnlyList<double> Bounds => _bounds;

    /// <summary>Records <paramref name="value"/> in the series at <paramref name="index"/>; NaN is dropped and counted.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">The observation.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus Observe(int index, double value)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        if (double.IsNaN(value))
        {
            return Drops.RecordInvalidValue();
        }

        ObserveUnchecked(index, BucketOf(value), value);
        return DistricStatus.Ok;
    }

    /// <summary>Counts <paramref name="value"/> in <paramref name="bucket"/> of series <paramref name="index"/> and adds it to the sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ObserveUnchecked(int index, int bucket, double value)
    {
        StripedBlocks? stripes = Volatile.Read(ref _stripes);
        if (stripes is null)
        {
            int block = _offset + (index * _stride);
            Interlocked.Increment(ref _cells[block + bucket]);
            ref double sum = ref Unsafe.As<long, double>(ref _cells[block + _sumSlot]);
            if (TryAddToSumOnce(ref sum, value))
            {
                return;
            }

            // The collision that tells this family to stripe; the bucket already counted in the series' own block.
            stripes = OnCollision();
            if (stripes is null)
            {
                AddToSum(ref sum, value);
                return;
            }

            AddToSum(ref Unsafe.As<long, double>(ref stripes.CurrentCell((index * _stride) + _sumSlot)), value);
            return;
        }

        long[] cells = stripes.Cells;
        int start = stripes.CurrentStripeStart + (index * _stride);
        Interlocked.Increment(ref cells[start + bucket]);
        AddToSum(ref Unsafe.As<long, double>(ref cells[start + _sumSlot]), value);
    }

    /// <summary>Whether this family has collided and now updates per-processor stripes.</summary>
    internal bool IsStriped => Volatile.Read(ref _stripes) is not null;

    /// <summary>Stripes the family now, as a collision would (tests of the striped path; no effect on one processor).</summary>
    internal void StripeNow() => OnCollision();
    /// <summary>
    /// <see cref="Observe(int, double)"/>, then offers the sampled <see cref="Tracer.ActiveSpan"/> (if any) as the exemplar
    /// of the bucket the value fell in. Generated code of a metric declared with exemplars calls this.
    /// </summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">The observation.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DistricStatus ObserveWithExemplar(int index, double value)
    {
        if ((uint)index >= (uint)Count)
        {
            return Drops.RecordInvalidLabel();
        }

        if (double.IsNaN(value))
        {
            return Drops.RecordInvalidValue();
        }

        int bucket = BucketOf(value);
        ObserveUnchecked(index, bucket, value);
        if (ExemplarSlot.TryGetActive(out TraceContext context) && _exemplarClock is not null)
        {
            ExemplarSlot.Offer(ref _exemplars[ExemplarIndex(index, bucket)], context, value, _exemplarClock);
        }

        return DistricStatus.Ok;
    }

    /// <summary><see cref="Observe(int, double)"/> with <paramref name="exemplar"/> offered as its bucket's exemplar when it is valid and sampled.</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="value">The observation.</param>
    /// <param name="exemplar">The trace context to link (e.g. <c>span.Context</c>).</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidLabel"/> or <see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus Observe(int index, double value, in TraceContext exemplar)
    {
        DistricStatus status = Observe(index, value);
        if (status == DistricStatus.Ok && exemplar.IsSampled && exemplar.IsValid && _exemplarClock is not null)
        {
            ExemplarSlot.Offer(ref _exemplars[ExemplarIndex(index, BucketOf(value))], exemplar, value, _exemplarClock);
        }

        return status;
    }

    /// <summary>Reads the exemplars of series <paramref name="index"/>, one per bucket (+Inf last; default where none).</summary>
    internal void CopyExemplars(int index, Span<MetricExemplar> destination)
    {
        for (int b = 0; b < destination.Length; b++)
        {
            ExemplarSlot.TryRead(ref _exemplars[ExemplarIndex(index, b)], _exemplarClock!, out destination[b]);
        }
    }

    /// <summary>Number of observations in the series (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The sum of all bucket counts.</returns>
    public long GetCount(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return 0;
        }

        long total = 0;
        for (int b = 0; b <= _bounds.Length; b++)
        {
            total += ReadBucket(index, b);
        }

        return total;
    }

    /// <summary>Sum of the observations in the series (0 when out of range).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <returns>The sum.</returns>
    public double GetSum(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return 0;
        }

        double sum = Volatile.Read(ref Unsafe.As<long, double>(ref _cells[_offset + (index * _stride) + _sumSlot]));
        StripedBlocks? stripes = Volatile.Read(ref _stripes);
        return stripes is null ? sum : sum + stripes.SumOfDoubles((index * _stride) + _sumSlot);
    }

    /// <summary>Non-cumulative count of bucket <paramref name="bucket"/> (index <c>Bounds.Count</c> is +Inf).</summary>
    /// <param name="index">Flat index of the series.</param>
    /// <param name="bucket">Bucket position.</param>
    /// <returns>Observations that fell into that bucket alone.</returns>
    public long GetBucketCount(int index, int bucket) => (uint)index < (uint)Count && (uint)bucket <= (uint)_bounds.Length
        ? ReadBucket(index, bucket)
        : 0;

    /// <summary>Copies the per-bucket counts of series <paramref name="index"/> into <paramref name="destination"/> (one per bucket, +Inf last).</summary>
    /// <returns>Their sum: the series' observation count as read.</returns>
    internal long CopyBucketCounts(int index, Span<long> destination)
    {
        long total = 0;
        for (int b = 0; b < destination.Length; b++)
        {
            long count = ReadBucket(index, b);
            destination[b] = count;
            total += count;
        }

        return total;
    }

    /// <summary>Non-cumulative count of one bucket: the series' own block plus its stripes.</summary>
    private long ReadBucket(int index, int bucket)
    {
        long count = Volatile.Read(ref _cells[_offset + (index * _stride) + bucket]);
        StripedBlocks? stripes = Volatile.Read(ref _stripes);
        return stripes is null ? count : count + stripes.Sum((index * _stride) + bucket);
    }

    /// <summary>Two threads wrote one series at once: stripe the family (null on one processor, where stripes cannot help).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private StripedBlocks? OnCollision() =>
        CellStripes.Count == 1 ? null : StripedBlocks.Inflate(ref _stripes, _inflateGate, Count * _stride);
    private int ExemplarIndex(int index, int bucket) =>
        _exemplarOffset + (((index * (_bounds.Length + 1)) + bucket) * CacheLineArray.ElementsPerLine);

    /// <summary>Position of the first bucket whose upper bound is ≥ <paramref name="value"/> (le semantics).</summary>
    private int BucketOf(double value)
    {
        double[] bounds = _bounds;
        if (bounds.Length <= LinearScanLimit)
        {
            int i = 0;
            while (i < bounds.Length && value > bounds[i])
            {
                i++;
            }

            return i;
        }

        int found = Array.BinarySearch(bounds, value);
        return found >= 0 ? found : ~found;
    }

    /// <summary>One compare-and-swap; false when another thread changed the sum between the read and the swap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAddToSumOnce(ref double sum, double value)
    {
        double current = Volatile.Read(ref sum);
        double seen = Interlocked.CompareExchange(ref sum, current + value, current);
        return BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current);
    }

    private static void AddToSum(ref double sum, double value)
    {
        double current = Volatile.Read(ref sum);
        while (true)
        {
            double seen = Interlocked.CompareExchange(ref sum, current + value, current);
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}
