using System;
using System.Threading;

namespace DistriC;

/// <summary>
/// The state of <see cref="LogFullMode.Wait"/>: a condition variable on which producers that found the ring full wait
/// until the writer frees room (or the logger closes). A Drop-mode logger has none, so its hot fields stay where they are.
/// </summary>
/// <remarks>
/// Waiters block in <see cref="Monitor.Wait(object, TimeSpan)"/> until <see cref="_version"/> moves. The lock is held
/// only to compare the version and to pulse, never across a wait, a copy into the ring or a stream write, so the writer
/// never waits for a producer. No event with a Reset: with several waiters one waiter's reset could swallow the signal
/// meant for another.
/// </remarks>
internal sealed class LogRoomWait
{
    private readonly object _lock = new();
    private int _waiters;
    private int _version;

    internal LogRoomWait(TimeSpan timeout) => Timeout = timeout;

    /// <summary>Longest a producer waits for room before it drops its entry.</summary>
    internal TimeSpan Timeout { get; }

    /// <summary>Producers currently waiting (tests wait for it instead of sleeping).</summary>
    internal int WaiterCount => Volatile.Read(ref _waiters);

    /// <summary>
    /// Registers a waiter. Full fence, paired with the one in <see cref="SignalRoomFreed"/>: either the writer sees this
    /// waiter after it frees room (and pulses), or the waiter's next <see cref="Version"/> read sees the new version.
    /// </summary>
    internal void Enter() => Interlocked.Increment(ref _waiters);

    internal void Exit() => Interlocked.Decrement(ref _waiters);

    /// <summary>Read before re-checking the ring: a version that moves after this read means room the re-check missed.</summary>
    internal int Version => Volatile.Read(ref _version);

    /// <summary>Blocks until the version differs from <paramref name="seen"/> or <paramref name="remaining"/> passes.</summary>
    internal void WaitForChange(int seen, TimeSpan remaining)
    {
        lock (_lock)
        {
            if (Volatile.Read(ref _version) == seen)
            {
                Monitor.Wait(_lock, remaining);
            }
        }
    }

    /// <summary>Writer, after a drain moved the tail, and Shutdown, after closing the ring: lets waiting producers re-check.</summary>
    internal void SignalRoomFreed()
    {
        // Full fence after the tail store (in Drain) or the close, before the read of the waiter count.
        Interlocked.Increment(ref _version);
        if (Volatile.Read(ref _waiters) != 0)
        {
            lock (_lock)
            {
                Monitor.PulseAll(_lock);
            }
        }
    }
}
