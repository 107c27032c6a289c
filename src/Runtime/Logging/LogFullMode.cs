namespace DistriC;

/// <summary>What an asynchronous <see cref="JsonLogger"/> does with an entry that finds its queue full.</summary>
public enum LogFullMode
{
    /// <summary>
    /// Drop the entry at once (counted in <see cref="JsonLogger.DroppedCount"/>, returns
    /// <see cref="DistricStatus.BufferOverflow"/>): producers never block. The default.
    /// </summary>
    Drop = 0,

    /// <summary>
    /// Back-pressure: the producer wakes the writer and waits until its entry fits, for at most
    /// <see cref="JsonLoggerOptions.FullWaitTimeout"/>; then it drops and counts the entry as <see cref="Drop"/> does.
    /// A burst becomes latency on the logging threads instead of loss, so never use it on a thread that must not block.
    /// </summary>
    Wait = 1,
}
