using System;
using System.Runtime.CompilerServices;

namespace DistriC.Infrastructure;

/// <summary>
/// The time a registry's exemplars and <c>_created</c> samples use: a cheap monotonic millisecond count for the hot
/// path (<see cref="Environment.TickCount64"/> on the system clock), turned into Unix time only when a scrape writes it.
/// </summary>
internal sealed class MetricClock
{
    private readonly TimeProvider? _custom;
    private readonly long _anchorTimestamp;

    internal MetricClock(TimeProvider time, TimeSpan exemplarInterval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(exemplarInterval, TimeSpan.Zero, nameof(exemplarInterval));
        _custom = ReferenceEquals(time, TimeProvider.System) ? null : time;
        _anchorTimestamp = time.GetTimestamp();
        IntervalMilliseconds = (long)exemplarInterval.TotalMilliseconds;
        Time = time;
    }

    /// <summary>The clock behind this one.</summary>
    internal TimeProvider Time { get; }

    /// <summary>Milliseconds an exemplar is kept before it may be replaced.</summary>
    internal long IntervalMilliseconds { get; }

    /// <summary>A monotonic millisecond count with an arbitrary origin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long NowMilliseconds() => _custom is null ? Environment.TickCount64 : Custom();

    /// <summary>The Unix time, in seconds, of <paramref name="milliseconds"/> of <see cref="NowMilliseconds"/>.</summary>
    internal double UnixSecondsOf(long milliseconds)
    {
        long unixNow = Time.GetUtcNow().ToUnixTimeMilliseconds();
        return (unixNow - (NowMilliseconds() - milliseconds)) / 1000.0;
    }

    /// <summary>The current Unix time in seconds (millisecond precision), e.g. a series' creation time.</summary>
    internal double UnixSecondsNow() => Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long Custom() => (long)_custom!.GetElapsedTime(_anchorTimestamp).TotalMilliseconds;
}
