using System;
using System.Threading;

namespace DistriC.Tests.Support;

/// <summary>
/// A clock whose wall time and timestamps both stand still at 2024-01-01T00:00:00Z until <see cref="Advance"/> moves
/// them together, so <c>_created</c> samples and exemplar timestamps are byte-exact.
/// </summary>
internal sealed class FrozenClock : TimeProvider
{
    private long _ticks;

    /// <summary>The starting time in Unix seconds.</summary>
    public const long UnixSeconds = 1704067200;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds).AddTicks(Interlocked.Read(ref _ticks));

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    /// <summary>Moves both the wall clock and the timestamps forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
