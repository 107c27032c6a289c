using System;
using System.Threading;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>A manual clock with nanosecond timestamps (like the system clock on Linux), so tests can check exact nanoseconds.</summary>
internal sealed class NanosecondClock : TimeProvider
{
    /// <summary>2024-01-01T00:00:00Z in nanoseconds since the Unix epoch.</summary>
    public const ulong StartUnixNanos = 1_704_067_200_000_000_000;

    private long _nanos;

    public override long TimestampFrequency => 1_000_000_000;

    public override long GetTimestamp() => Interlocked.Read(ref _nanos);

    public override DateTimeOffset GetUtcNow() =>
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) + TimeSpan.FromTicks(Interlocked.Read(ref _nanos) / 100);

    public void AdvanceNanos(long nanos) => Interlocked.Add(ref _nanos, nanos);
}
