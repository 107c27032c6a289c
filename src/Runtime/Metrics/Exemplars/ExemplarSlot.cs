using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// One exemplar kept in six 64-bit words, written under a sequence lock so a scrape never sees a mix of two writes:
/// <c>[0]</c> the sequence (0: empty, odd: being written), <c>[1..2]</c> the trace ID, <c>[3]</c> the span ID,
/// <c>[4]</c> the value's bits, <c>[5]</c> the <see cref="MetricClock"/> milliseconds it was written at.
/// </summary>
/// <remarks>
/// A writer claims the slot with one compare-and-swap from an even sequence to the next odd one (a writer that loses
/// the race, or finds the slot claimed, keeps the exemplar it would have replaced: dropping is fine, waiting is not),
/// stores the fields and publishes the next even sequence. A reader reads the sequence, the fields, and the sequence
/// again, and retries when it changed or was odd. Writers never allocate; a replacement happens at most once per
/// <see cref="MetricClock.IntervalMilliseconds"/>, so hot series pay the compare-and-swap rarely.
/// </remarks>
internal static class ExemplarSlot
{
    /// <summary>Words of one slot.</summary>
    public const int Words = 6;

    /// <summary>Reads of a slot before a scrape gives up on it (a writer mid-write for that long is preempted).</summary>
    private const int ReadAttempts = 64;

    /// <summary>The sampled context of <see cref="Tracer.ActiveSpan"/>, when there is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetActive(out TraceContext context)
    {
        if (!Tracer.AnySampledSpanActivated || !Tracer.ActiveContextSampled)
        {
            context = default;
            return false;
        }

        context = Tracer.ActiveContext;
        return true;
    }

    /// <summary>Records (<paramref name="context"/>, <paramref name="value"/>, now) in the slot unless it was written less than an interval ago.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Offer(ref long slot, in TraceContext context, double value, MetricClock clock)
    {
        long now = clock.NowMilliseconds();
        long sequence = Volatile.Read(ref slot);
        if ((sequence & 1) != 0
            || (sequence != 0 && now - Volatile.Read(ref Unsafe.Add(ref slot, 5)) < clock.IntervalMilliseconds)
            || Interlocked.CompareExchange(ref slot, sequence + 1, sequence) != sequence)
        {
            return;
        }

        // The compare-and-swap is a full fence: these stores cannot be seen before the odd sequence.
        Unsafe.Add(ref slot, 1) = (long)context.TraceId.High;
        Unsafe.Add(ref slot, 2) = (long)context.TraceId.Low;
        Unsafe.Add(ref slot, 3) = (long)context.SpanId.Value;
        Unsafe.Add(ref slot, 4) = BitConverter.DoubleToInt64Bits(value);
        Unsafe.Add(ref slot, 5) = now;
        Volatile.Write(ref slot, sequence + 2);
    }

    /// <summary>Reads a consistent copy of the slot; false when it is empty (or stayed mid-write through every attempt).</summary>
    public static bool TryRead(ref long slot, MetricClock clock, out MetricExemplar exemplar)
    {
        for (int attempt = 0; attempt < ReadAttempts; attempt++)
        {
            long before = Volatile.Read(ref slot);
            if (before == 0)
            {
                break;
            }

            if ((before & 1) != 0)
            {
                Thread.SpinWait(1);
                continue;
            }

            // Acquire reads: none can move after the second read of the sequence.
            ulong high = (ulong)Volatile.Read(ref Unsafe.Add(ref slot, 1));
            ulong low = (ulong)Volatile.Read(ref Unsafe.Add(ref slot, 2));
            ulong span = (ulong)Volatile.Read(ref Unsafe.Add(ref slot, 3));
            long bits = Volatile.Read(ref Unsafe.Add(ref slot, 4));
            long at = Volatile.Read(ref Unsafe.Add(ref slot, 5));
            if (Volatile.Read(ref slot) == before)
            {
                exemplar = new MetricExemplar(new TraceId(high, low), new SpanId(span), BitConverter.Int64BitsToDouble(bits), clock.UnixSecondsOf(at));
                return true;
            }
        }

        exemplar = default;
        return false;
    }
}
