using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// How many stripes a family spreads over, and which stripe the current thread updates. One shared cell
/// costs a cache-line transfer per update as soon as two cores write it; a cell per processor (Java's LongAdder,
/// Micrometer's counters) keeps every atomic add on a line the core already owns, and reads sum the stripes.
/// </summary>
/// <remarks>
/// When to stripe was decided by measurement (SharedSeriesBenchmarks and the update rows, docs/benchmarks.md, one
/// quiet 2-core run): counters always stripe. The stripe pick (<see cref="Thread.GetCurrentProcessorId"/>, a cached
/// per-thread read) made a single-threaded labelled <c>Inc</c> 1.25x the padded Interlocked floor (1.18x unstriped),
/// while two threads on one series ran 2.6x faster than on one shared cell. Striping only after a detected collision
/// (LongAdder's way: one compare-and-swap on an unstriped cell, stripes after it fails) cost more on the common path,
/// 1.55x the floor, because the compare-and-swap needs a read before it, which an atomic add does not. Histograms
/// already update their sum with a compare-and-swap, so for them detection is free: a histogram family stripes the
/// first time that swap fails (<see cref="StripedBlocks"/>), and a family never written from two threads at once keeps
/// its single block and its memory.
/// </remarks>
internal static class CellStripes
{
    /// <summary>Upper bound on stripes: at 8 a counter series' stripes take 8 x 8 B = one cache line, what one padded cell took.</summary>
    public const int MaxStripes = 8;

    /// <summary><c>min(8, ProcessorCount rounded up to a power of two)</c>; 1 on one processor, where nothing can collide.</summary>
    public static readonly int Count = StripesFor(Environment.ProcessorCount);

    /// <summary>Stripes for <paramref name="processors"/> processors: a power of two in 1..<see cref="MaxStripes"/>.</summary>
    /// <param name="processors">Processor count (values below 1 count as 1).</param>
    /// <returns>The stripe count.</returns>
    public static int StripesFor(int processors) =>
        (int)Math.Min(MaxStripes, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, processors)));

    /// <summary>The stripe of the calling thread under <paramref name="mask"/> (stripes - 1).</summary>
    /// <param name="mask">Stripe count minus one; 0 (one stripe) skips the processor lookup.</param>
    /// <returns>A stripe in 0..mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Current(int mask) => mask == 0 ? 0 : Thread.GetCurrentProcessorId() & mask;
}
