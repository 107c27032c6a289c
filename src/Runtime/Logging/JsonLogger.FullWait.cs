using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC;

// LogFullMode.Wait: a producer that finds the ring full waits for the writer to free room instead of dropping.
public sealed partial class JsonLogger
{
    // Spins before blocking: the writer frees up to 64 KiB per drain, so room often appears within microseconds.
    private const int RoomSpins = 10;
    private static readonly TimeSpan MaxFullWaitTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    // A condition variable: waiters block in Monitor.Wait on _roomLock until _roomVersion moves (the writer freed room, or
    // Shutdown closed the ring). The lock is held only to compare the version and to pulse, never across a wait, a copy
    // into the ring or a stream write, so the writer never waits for a producer. No event with a Reset: with several
    // waiters one waiter's reset could swallow the signal meant for another.
    private readonly object _roomLock = new();
    private readonly bool _waitWhenFull;
    private readonly TimeSpan _fullWaitTimeout;
    private int _roomWaiters;
    private int _roomVersion;

    private static void ValidateFullMode(JsonLoggerOptions options)
    {
        if (options.FullMode is not (LogFullMode.Drop or LogFullMode.Wait))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FullMode, "FullMode must be Drop or Wait.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FullWaitTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.FullWaitTimeout, MaxFullWaitTimeout, nameof(options));
    }

    /// <summary>
    /// Retries <paramref name="line"/> until it fits, the timeout passes or the logger is disposed.
    /// </summary>
    /// <returns><see cref="DistricStatus.Ok"/> when queued, else <see cref="DistricStatus.BufferOverflow"/> (the caller counts the drop).</returns>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps Accept's common path as small as in Drop mode
    private DistricStatus WaitForRoom(ReadOnlySpan<byte> line)
    {
        // Full fence, paired with the one in SignalRoomFreed: either the writer sees this waiter after it frees room (and
        // pulses), or this producer's next read of _roomVersion sees the new version.
        Interlocked.Increment(ref _roomWaiters);
        try
        {
            WakeWriterForRoom();
            var spin = default(SpinWait);
            for (int i = 0; i < RoomSpins; i++)
            {
                spin.SpinOnce(sleep1Threshold: -1);
                DistricStatus spun = _ring!.TryWrite(line);
                if (spun != DistricStatus.BufferOverflow)
                {
                    return spun == DistricStatus.Ok ? DistricStatus.Ok : DistricStatus.BufferOverflow;
                }
            }

            long start = Stopwatch.GetTimestamp();
            while (true)
            {
                // Read before the re-check: a version that moves after this read means room freed (or a close) the
                // re-check may have missed, so the wait below returns at once.
                int seen = Volatile.Read(ref _roomVersion);
                DistricStatus status = _ring!.TryWrite(line);
                if (status != DistricStatus.BufferOverflow)
                {
                    // Shutdown: the logger was disposed while this entry waited; it was refused as full, so count it as a drop.
                    return status == DistricStatus.Ok ? DistricStatus.Ok : DistricStatus.BufferOverflow;
                }

                TimeSpan remaining = _fullWaitTimeout - Stopwatch.GetElapsedTime(start);
                if (remaining <= TimeSpan.Zero)
                {
                    return DistricStatus.BufferOverflow;
                }

                WakeWriterForRoom();
                // Whether pulsed or timed out, loop: the re-check decides, and the Stopwatch (not the wait's own timer,
                // which may fire a little early) decides when the timeout has passed.
                lock (_roomLock)
                {
                    if (Volatile.Read(ref _roomVersion) == seen)
                    {
                        Monitor.Wait(_roomLock, remaining);
                    }
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _roomWaiters);
        }
    }

    /// <summary>Producers currently waiting for room (tests wait for it instead of sleeping).</summary>
    internal int RoomWaiterCount => Volatile.Read(ref _roomWaiters);

    /// <summary>A full ring is work in every park mode: wake a parked writer now rather than after its park timeout.</summary>
    private void WakeWriterForRoom()
    {
        if (Volatile.Read(ref _consumerParked) != Running && Interlocked.Exchange(ref _consumerParked, Running) != Running)
        {
            _wake.Set();
        }
    }

    /// <summary>Writer, after a drain moved the tail, and Shutdown, after closing the ring: lets waiting producers re-check.</summary>
    private void SignalRoomFreed()
    {
        if (!_waitWhenFull)
        {
            return;
        }

        // Full fence after the tail store (in Drain) or the close, before the read of the waiter count; paired with the
        // increment of _roomWaiters in WaitForRoom: either this sees the waiter and pulses, or the waiter sees the new version.
        Interlocked.Increment(ref _roomVersion);
        if (Volatile.Read(ref _roomWaiters) != 0)
        {
            lock (_roomLock)
            {
                Monitor.PulseAll(_roomLock);
            }
        }
    }
}
