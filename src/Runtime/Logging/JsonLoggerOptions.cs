using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>Settings of a <see cref="JsonLogger"/>.</summary>
public sealed class JsonLoggerOptions
{
    /// <summary>Default <see cref="RingCapacity"/>: 1 MiB, about 8 000 lines of 120 bytes.</summary>
    public const int DefaultRingCapacity = 1 << 20;

    /// <summary>Default <see cref="MaxEntryBytes"/>.</summary>
    public const int DefaultMaxEntryBytes = 4096;

    /// <summary>Default <see cref="FullWaitTimeout"/>: 1 second.</summary>
    public static readonly TimeSpan DefaultFullWaitTimeout = TimeSpan.FromSeconds(1);

    /// <summary><see cref="LogMode.Async"/> (default): bounded queue and a background writer; or <see cref="LogMode.Sync"/>.</summary>
    public LogMode Mode { get; set; } = LogMode.Async;

    /// <summary>
    /// Size in <b>bytes</b> of the asynchronous queue (rounded up to a power of two). Entries take their encoded
    /// length plus at most 15 bytes, so this is the logger's whole queue memory whatever the entry sizes.
    /// Must be at least <c>2 × (MaxEntryBytes + 8)</c>. Ignored in <see cref="LogMode.Sync"/>.
    /// </summary>
    public int RingCapacity { get; set; } = DefaultRingCapacity;

    /// <summary>
    /// What a producer does when the queue is full: <see cref="LogFullMode.Drop"/> (default) or <see cref="LogFullMode.Wait"/>
    /// (wait up to <see cref="FullWaitTimeout"/> for the writer to make room, then drop). Ignored in <see cref="LogMode.Sync"/>.
    /// </summary>
    public LogFullMode FullMode { get; set; } = LogFullMode.Drop;

    /// <summary>
    /// Longest a producer waits for room in <see cref="LogFullMode.Wait"/> before it drops its entry; positive and at most
    /// <see cref="int.MaxValue"/> milliseconds. Default 1 second.
    /// </summary>
    public TimeSpan FullWaitTimeout { get; set; } = DefaultFullWaitTimeout;

    /// <summary>Largest encoded line in bytes, newline included (64 to 1 MiB). Longer entries are dropped whole and counted.</summary>
    public int MaxEntryBytes { get; set; } = DefaultMaxEntryBytes;

    /// <summary>Entries below this level are skipped at the cost of one comparison. Default <see cref="LogLevel.Debug"/> (everything).</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Debug;

    /// <summary>
    /// <see cref="JsonLogger.IsWriterHealthy"/> turns false when entries wait and the writer has made no progress for
    /// this long (a stream blocked in <c>Write</c>). Default 30 seconds.
    /// </summary>
    public TimeSpan WriterStallThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Further destinations of every accepted line, fed in order after the output stream (or alone, with
    /// <see cref="JsonLogger(JsonLoggerOptions)"/>): e.g. an <see cref="OtlpLogExporter"/>, so the same lines go to the
    /// stream and to an OTLP receiver. Read when the logger is created. Empty by default.
    /// </summary>
    public IList<IJsonLogSink> Sinks { get; } = new List<IJsonLogSink>();

    /// <summary>Clock for the <c>timestamp</c> field; default <see cref="TimeProvider.System"/>. also measures writer stalls. Tests pass a fixed clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
