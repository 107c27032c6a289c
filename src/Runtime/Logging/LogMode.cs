namespace DistriC;

/// <summary>How a <see cref="JsonLogger"/> hands entries to its output stream.</summary>
public enum LogMode
{
    /// <summary>
    /// Producers copy each formatted line into a bounded lock-free queue and return; one background
    /// thread writes the queue to the stream. A full queue drops the entry (counted) without blocking, or
    /// with <see cref="LogFullMode.Wait"/> first waits a bounded time for room.
    /// </summary>
    Async = 0,
    /// <summary>Each call writes its line to the stream directly, serialised by a lock (simple, blocking).</summary>
    Sync = 1,
}
