using System;
using System.Security.Cryptography;

namespace DistriC;

/// <summary>
/// Per-thread xoshiro256** generator for trace and span IDs: unpredictable across processes (each thread is
/// seeded from the OS CSPRNG), lock-free and allocation-free after the first call on a thread. IDs need to be
/// unique and hard to guess, not secret, so a seeded PRNG is the usual choice (OpenTelemetry does the same).
/// The seed's IDs came from a global counter through xorshift, which made them predictable.
/// </summary>
internal static class IdGenerator
{
    [ThreadStatic]
    private static State? t_state;

    /// <summary>This thread's generator; fetch it once when several IDs are needed (one thread-static access).</summary>
    public static State Current => t_state ??= new State();

    /// <summary>Returns 64 random bits (zero possible).</summary>
    public static ulong Next() => Current.Next();

    /// <summary>Returns 64 random bits, never zero.</summary>
    public static ulong NextNonZero() => Current.NextNonZero();

    /// <summary>xoshiro256** state of one thread.</summary>
    internal sealed class State
    {
        private ulong _s0;
        private ulong _s1;
        private ulong _s2;
        private ulong _s3;

        public State()
        {
            Span<ulong> seed = stackalloc ulong[4];
            do
            {
                RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(seed));
            }
            while ((seed[0] | seed[1] | seed[2] | seed[3]) == 0);
            (_s0, _s1, _s2, _s3) = (seed[0], seed[1], seed[2], seed[3]);
        }

        public ulong Next()
        {
            ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }

        public ulong NextNonZero()
        {
            ulong value;
            do
            {
                value = Next();
            }
            while (value == 0);
            return value;
        }

        /// <summary>
        /// The context of a new span with a new span ID: in the trace of <paramref name="parent"/> (its trace ID and
        /// random-trace-id flag and tracestate) when the parent has a trace ID, otherwise in a new trace whose random ID carries the
        /// random-trace-id flag (W3C Level 2 asks for it when at least the right-most 7 bytes are random; all 128 bits
        /// are here, bar the all-zero low half, which would make the right-most 7 bytes only negligibly non-uniform).
        /// </summary>
        public TraceContext NewSpanContext(in TraceContext parent, bool isSampled) =>
            parent.TraceId.IsValid
                ? new TraceContext(parent.TraceId, new SpanId(NextNonZero()), isSampled, parent.IsTraceIdRandom, parent.TraceState)
                : new TraceContext(new TraceId(Next(), NextNonZero()), new SpanId(NextNonZero()), isSampled) { IsTraceIdRandom = true };
    }
}
