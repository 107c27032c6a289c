using System;
using System.Diagnostics;
using System.Threading;

namespace DistriC;

// LogFullMode.Wait: a producer that finds the ring full waits for the writer to free room instead of dropping.
public sealed partial class JsonLogger
{
    // Spins before blocking: the writer frees up to 64 KiB per drain, so room often appears within microseconds.
    private const int RoomSpins = 10;
    private static readonly TimeSpan MaxFullWaitTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    // Set by the writer after a drain freed room while producers wait, and by Shutdown; reset by each waiter before its
    // re-check, so a set that a waiter misses is always followed by a re-check that sees the room. Never disposed, like
    // _wake: without a WaitHandle it holds no kernel object.
    private readonly ManualResetEventSlim _roomFreed = new(false);
    private readonly bool _waitWhenFull;
    private readonly TimeSpan _fullWaitTimeout;
    private int _roomWaiters;

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
    private DistricStatus WaitForRoom(ReadOnlySpan<byte> line)
    {
        // Full fence, paired with the one in SignalRoomFreed: either the writer sees this waiter after it frees room, or
        // this producer's next TryWrite sees the room.
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
                _roomFreed.Reset();
                Interlocked.MemoryBarrier(); // the reset happens before the re-check below reads the writer's tail
                DistricStatus status = _ring!.TryWrite(line);
                if (status != DistricStatus.BufferOverflow)
                {
                    // Shutdown: the logger was disposed while this entry waited; it was refused as full, so count it as a drop.
                    return status == DistricStatus.Ok ? DistricStatus.Ok : DistricStatus.BufferOverflow;
                }

                WakeWriterForRoom();
                TimeSpan remaining = _fullWaitTimeout - Stopwatch.GetElapsedTime(start);
                if (remaining <= TimeSpan.Zero || !_roomFreed.Wait(remaining))
                {
                    return DistricStatus.BufferOverflow;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _roomWaiters);
        }
    }

    /// <summary>A full ring is work in every park mode: wake a parked writer now rather than after its park timeout.</summary>
    private void WakeWriterForRoom()
    {
        if (Volatile.Read(ref _consumerParked) != Running && Interlocked.Exchange(ref _consumerParked, Running) != Running)
        {
            _wake.Set();
        }
    }

    /// <summary>Writer only, after a drain moved the tail: lets waiting producers re-check.</summary>
    private void SignalRoomFreed()
    {
        if (!_waitWhenFull)
        {
            return;
        }

        // Full fence between the tail store (in Drain) and the read of the waiter count; see WaitForRoom.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _roomWaiters) != 0)
        {
            _roomFreed.Set();
        }
    }
}
