using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// How many stripes a contended family spreads over, and which stripe the current thread updates. One shared cell
/// costs a cache-line transfer per update as soon as two cores write it; a cell per processor (Java's LongAdder,
/// Micrometer's counters) keeps every atomic add on a line the core already owns, and reads sum the stripes.
/// </summary>
/// <remarks>
/// Families stripe adaptively, as LongAdder does: an update first tries one compare-and-swap on the series' own padded
/// cell; only when that fails (another core wrote the same series between the read and the swap) does the family get
/// its stripes, and from then on every update goes to the stripe of the current processor. Measured on a 2-core VM
/// (SharedSeriesBenchmarks and the update rows, docs/benchmarks.md): always striping cost every single-threaded update
/// the processor-id lookup (1.44x the padded Interlocked floor unlabelled, against 1.3x allowed) and every scrape the
/// sum over 8 stripes (1.8x the export time), to speed up only the series that are really shared; adaptive striping
/// costs an uncontended update one compare-and-swap instead of one atomic add, and a family that never collides keeps
/// today's memory and scrape cost exactly.
/// </remarks>
internal static class CellStripes
{
    /// <summary>Upper bound on stripes: at 8 a series' stripes take 8 x 8 B = one cache line, what one padded cell takes.</summary>
    public const int MaxStripes = 8;

    /// <summary><c>min(8, ProcessorCount rounded up to a power of two)</c>; 1 on one processor, where nothing can collide.</summary>
    public static readonly int Count = StripesFor(Environment.ProcessorCount);

    /// <summary>Stripes for <paramref name="processors"/> processors: a power of two in 1..<see cref="MaxStripes"/>.</summary>
    /// <param name="processors">Processor count (values below 1 count as 1).</param>
    /// <returns>The stripe count.</returns>
    public static int StripesFor(int processors) =>
        (int)Math.Min(MaxStripes, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, processors)));

    /// <summary>The stripe of the calling thread under <paramref name="mask"/> (stripes - 1).</summary>
    /// <param name="mask">Stripe count minus one.</param>
    /// <returns>A stripe in 0..mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Current(int mask) => Thread.GetCurrentProcessorId() & mask;
}
