using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// The stripes of one family, allocated the first time two threads collide on one of its series: <c>stripes</c>
/// copies of the family's cell blocks laid out <c>[stripe][block]</c>, each stripe starting on a cache line, so
/// threads on different processors write different lines without per-cell padding.
/// </summary>
internal sealed class StripedBlocks
{
    private readonly long[] _cells;
    private readonly int _offset;
    private readonly int _stripeLength;
    private readonly int _mask;

    /// <param name="stripeLength">Cells per stripe: the family's cells, rounded up to whole cache lines.</param>
    /// <param name="stripes">A power of two.</param>
    public StripedBlocks(int stripeLength, int stripes)
    {
        _stripeLength = CacheLineArray.RoundUpToLine(stripeLength);
        _mask = stripes - 1;
        _cells = CacheLineArray.Allocate<long>(stripes * _stripeLength, out _offset);
    }

    /// <summary>The cell <paramref name="position"/> of the calling processor's stripe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref long CurrentCell(int position) => ref _cells[CurrentStripeStart + position];

    /// <summary>The index in <see cref="Cells"/> where the calling processor's stripe starts (one processor-id read).</summary>
    public int CurrentStripeStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _offset + (CellStripes.Current(_mask) * _stripeLength);
    }

    /// <summary>The cells of every stripe, for updates of several cells of one stripe from <see cref="CurrentStripeStart"/>.</summary>
    public long[] Cells => _cells;

    /// <summary>Sum of cell <paramref name="position"/> over every stripe.</summary>
    public long Sum(int position)
    {
        long total = 0;
        for (int cell = _offset + position, end = _offset + ((_mask + 1) * _stripeLength); cell < end; cell += _stripeLength)
        {
            total += Volatile.Read(ref _cells[cell]);
        }

        return total;
    }

    /// <summary>Sum of cell <paramref name="position"/>, read as a double, over every stripe.</summary>
    public double SumOfDoubles(int position)
    {
        double total = 0;
        for (int cell = _offset + position, end = _offset + ((_mask + 1) * _stripeLength); cell < end; cell += _stripeLength)
        {
            total += Volatile.Read(ref Unsafe.As<long, double>(ref _cells[cell]));
        }

        return total;
    }

    /// <summary>Creates the stripes of a family once, under <paramref name="gate"/>; every caller gets the same instance.</summary>
    public static StripedBlocks Inflate(ref StripedBlocks? field, object gate, int stripeLength)
    {
        lock (gate)
        {
            StripedBlocks? existing = Volatile.Read(ref field);
            if (existing is not null)
            {
                return existing;
            }

            var created = new StripedBlocks(stripeLength, CellStripes.Count);
            Volatile.Write(ref field, created); // publishes the fully built instance
            return created;
        }
    }
}
