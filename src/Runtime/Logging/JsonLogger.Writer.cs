using System;
using System.Threading;

namespace DistriC;

// The background writer of async mode: the ring's single consumer.
public sealed partial class JsonLogger
{
    // Idle: nothing was written in the last round; producers wake the writer on their first line (the timeout is a safety net).
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);

    // Batching: the writer has just drained lines and expects more. Producers wake it only once WakeBytes are waiting,
    // otherwise it drains after BatchWait. Draining every line the moment it lands makes the writer and the producers
    // trade the ring's cache lines (and the producer pay for waking it) on every call; batches keep both on their own
    // core and bound how late a line reaches the stream.
    private static readonly TimeSpan BatchWait = TimeSpan.FromMilliseconds(10);
    private const int Running = 0;
    private const int ParkedIdle = 1;
    private const int ParkedBatching = 2;

    private void RunWriter()
    {
        var staging = new byte[Math.Max(StagingBytes, MaxEntryBytes)];
        var spin = default(SpinWait);
        bool dirty = false;
        bool drainedSinceLastPark = false;
        try
        {
            while (true)
            {
                bool pending = _ring!.Drain(staging, out int bytes, out int records);
                if (records > 0)
                {
                    SignalRoomFreed(); // before the (possibly slow) stream write, so waiting producers refill meanwhile
                    TryOutput(staging.AsSpan(0, bytes), records);
                    Volatile.Write(ref _lastProgress, _time.GetTimestamp());
                    dirty = true;
                    drainedSinceLastPark = true;
                    spin = default;
                    continue;
                }

                if (pending)
                {
                    // A producer reserved space and is copying its line: wait for it without parking.
                    spin.SpinOnce();
                    continue;
                }

                if (dirty)
                {
                    TryFlush();
                    dirty = false;
                }

                if (_ring.IsClosed && !_ring.HasData)
                {
                    return;
                }

                Volatile.Write(ref _lastProgress, _time.GetTimestamp());
                Park(drainedSinceLastPark ? ParkedBatching : ParkedIdle);
                drainedSinceLastPark = false;
            }
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    private void Park(int mode)
    {
        Volatile.Write(ref _consumerParked, mode);
        // Full fence, paired with the one in LogRing.TryWrite: either the producer sees the flag, or we see its record.
        Interlocked.MemoryBarrier();
        if (!HasWorkFor(mode) && !_ring!.IsClosed)
        {
            _wake.Wait(mode == ParkedIdle ? IdleWait : BatchWait);
        }

        _wake.Reset();
        Volatile.Write(ref _consumerParked, Running);
    }

    /// <summary>
    /// Whether a writer parked in <paramref name="parkMode"/> has work: any line when idle, <c>_wakeBytes</c> when batching.
    /// The writer checks it before waiting, a producer after queueing a line (to decide whether to wake it).
    /// </summary>
    private bool HasWorkFor(int parkMode) =>
        parkMode == ParkedIdle ? _ring!.HasData : parkMode == ParkedBatching && _ring!.UsedBytes >= _wakeBytes;

    /// <summary>
    /// Hands <paramref name="lines"/> complete lines to every sink; counts them as written when every sink took them, else
    /// as lost (once, however many sinks threw). A throwing sink does not keep the lines from the others.
    /// </summary>
    private bool TryOutput(ReadOnlySpan<byte> data, int lines)
    {
        bool ok = true;
        foreach (IJsonLogSink sink in _sinks)
        {
            try
            {
                sink.Write(data, lines);
            }
#pragma warning disable CA1031 // Any failure of a user-supplied stream or sink must be contained: the logger never crashes the app.
            catch (Exception)
#pragma warning restore CA1031
            {
                ok = false;
            }
        }

        if (ok)
        {
            Interlocked.Add(ref _written, lines);
        }
        else
        {
            Interlocked.Add(ref _writeFailures, lines);
        }

        _healthy = ok;
        return ok;
    }

    private bool TryFlush()
    {
        bool ok = true;
        foreach (IJsonLogSink sink in _sinks)
        {
            try
            {
                sink.Flush();
            }
#pragma warning disable CA1031 // See TryOutput.
            catch (Exception)
#pragma warning restore CA1031
            {
                ok = false;
            }
        }

        if (!ok)
        {
            _healthy = false;
        }

        return ok;
    }
}
