using System;
using System.Threading;

namespace DistriC;

// The background writer of async mode: the ring's single consumer.
public sealed partial class JsonLogger
{
    // Safety net only: producers wake the parked writer explicitly.
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);

    private void RunWriter()
    {
        var staging = new byte[Math.Max(StagingBytes, MaxEntryBytes)];
        var spin = default(SpinWait);
        bool dirty = false;
        try
        {
            while (true)
            {
                bool pending = _ring!.Drain(staging, out int bytes, out int records);
                if (records > 0)
                {
                    TryOutput(staging.AsSpan(0, bytes), records);
                    Volatile.Write(ref _lastProgress, _time.GetTimestamp());
                    dirty = true;
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
                Park();
            }
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    private void Park()
    {
        Volatile.Write(ref _consumerParked, 1);
        // Full fence, paired with the one in LogRing.TryWrite: either the producer sees the flag, or we see its record.
        Interlocked.MemoryBarrier();
        if (!_ring!.HasData && !_ring.IsClosed)
        {
            _wake.Wait(IdleWait);
        }

        _wake.Reset();
        Volatile.Write(ref _consumerParked, 0);
    }

    /// <summary>Writes <paramref name="lines"/> complete lines; counts them as written or as lost.</summary>
    private bool TryOutput(ReadOnlySpan<byte> data, int lines)
    {
        try
        {
            _output.Write(data);
            Interlocked.Add(ref _written, lines);
            _healthy = true;
            return true;
        }
#pragma warning disable CA1031 // Any failure of a user-supplied stream must be contained: the logger never crashes the app.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref _writeFailures, lines);
            _healthy = false;
            return false;
        }
    }

    private bool TryFlush()
    {
        try
        {
            _output.Flush();
            return true;
        }
#pragma warning disable CA1031 // See TryOutput.
        catch (Exception)
#pragma warning restore CA1031
        {
            _healthy = false;
            return false;
        }
    }
}
