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

    // Null in Drop mode (and in sync mode): the wait state lives in its own object so that a Drop-mode logger's layout
    // gains one reference field, not five fields between the ones its producers and its writer touch.
    private readonly LogRoomWait? _roomWait;

    private static void ValidateFullMode(JsonLoggerOptions options)
    {
        if (options.FullMode is not (LogFullMode.Drop or LogFullMode.Wait))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FullMode, "FullMode must be Drop or Wait.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FullWaitTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.FullWaitTimeout, MaxFullWaitTimeout, nameof(options));
    }

    /// <summary>Wait mode, after the ring refused <paramref name="line"/> as full: waits for room, then queues or drops it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps Accept's common path exactly as small as in Drop mode
    private DistricStatus AcceptAfterWait(ReadOnlySpan<byte> line)
    {
        if (WaitForRoom(line) != DistricStatus.Ok)
        {
            Interlocked.Increment(ref _dropped);
            return DistricStatus.BufferOverflow;
        }

        WakeWriterIfParked();
        return DistricStatus.Ok;
    }

    /// <summary>
    /// Retries <paramref name="line"/> until it fits, the timeout passes or the logger is disposed.
    /// </summary>
    /// <returns><see cref="DistricStatus.Ok"/> when queued, else <see cref="DistricStatus.BufferOverflow"/> (the caller counts the drop).</returns>
    private DistricStatus WaitForRoom(ReadOnlySpan<byte> line)
    {
        LogRoomWait wait = _roomWait!;
        wait.Enter();
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
                int seen = wait.Version;
                DistricStatus status = _ring!.TryWrite(line);
                if (status != DistricStatus.BufferOverflow)
                {
                    // Shutdown: the logger was disposed while this entry waited; it was refused as full, so count it as a drop.
                    return status == DistricStatus.Ok ? DistricStatus.Ok : DistricStatus.BufferOverflow;
                }

                TimeSpan remaining = wait.Timeout - Stopwatch.GetElapsedTime(start);
                if (remaining <= TimeSpan.Zero)
                {
                    return DistricStatus.BufferOverflow;
                }

                WakeWriterForRoom();
                // Whether pulsed or timed out, loop: the re-check decides, and the Stopwatch (not the wait's own timer,
                // which may fire a little early) decides when the timeout has passed.
                wait.WaitForChange(seen, remaining);
            }
        }
        finally
        {
            wait.Exit();
        }
    }

    /// <summary>Producers currently waiting for room (tests wait for it instead of sleeping).</summary>
    internal int RoomWaiterCount => _roomWait?.WaiterCount ?? 0;

    /// <summary>A full ring is work in every park mode: wake a parked writer now rather than after its park timeout.</summary>
    private void WakeWriterForRoom()
    {
        if (Volatile.Read(ref _consumerParked) != Running && Interlocked.Exchange(ref _consumerParked, Running) != Running)
        {
            _wake.Set();
        }
    }

    /// <summary>Writer, after a drain moved the tail, and Shutdown, after closing the ring: lets waiting producers re-check.</summary>
    private void SignalRoomFreed() => _roomWait?.SignalRoomFreed();
}
