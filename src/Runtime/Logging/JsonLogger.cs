using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Infrastructure;
using DistriC.Logging;

namespace DistriC;

/// <summary>
/// Structured logger writing one JSON object per line (UTF-8):
/// <c>{"timestamp":&lt;Unix ms&gt;,"level":"INFO","component":"...","message":"...",&lt;fields in order&gt;}</c>,
/// to its output stream, to further sinks (<see cref="JsonLoggerOptions.Sinks"/>, e.g. an <see cref="OtlpLogExporter"/>), or both.
/// </summary>
/// <remarks>
/// <para><b>Async mode</b> (default): a producer formats its line into a per-thread scratch buffer and copies it
/// into a bounded lock-free byte ring; one dedicated background thread writes the ring to the stream.
/// Producers never allocate and never throw, and by default never block: a full ring drops the entry
/// (<see cref="DroppedCount"/>, <see cref="DistricStatus.BufferOverflow"/>), or with <see cref="LogFullMode.Wait"/>
/// first waits up to <see cref="JsonLoggerOptions.FullWaitTimeout"/> for room; an entry longer than
/// <see cref="MaxEntryBytes"/> is dropped whole (<see cref="OversizedDropCount"/>), never written partially.</para>
/// <para><b>Memory</b>: the ring is <see cref="JsonLoggerOptions.RingCapacity"/> bytes (default 1 MiB) however long
/// the entries are (each takes its length + at most 15 bytes); plus the writer's 64 KiB staging buffer; plus one
/// <see cref="MaxEntryBytes"/> scratch buffer per thread that ever logged (shared by all loggers).
/// (8192 fixed slots of 4 KiB would take 32 MiB.)</para>
/// <para>Sinks: the writer hands each drained block of lines to every sink in turn (the stream first), the bytes as the
/// producers encoded them, so adding a sink costs the producers nothing. An output stream or sink that throws is counted
/// (<see cref="WriteFailureCount"/>, the lines some sink lost) and turns <see cref="IsWriterHealthy"/> false until a later
/// write succeeds; it never reaches the producers or the other sinks.
/// <see cref="Dispose"/> and <see cref="DisposeAsync"/> return after every accepted entry was handed to every sink and
/// the sinks flushed; neither the stream nor a sink is disposed (the caller owns them; dispose an
/// <see cref="OtlpLogExporter"/> after the logger, so it sends the last lines).</para>
/// </remarks>
public sealed partial class JsonLogger : IDisposable, IAsyncDisposable
{
    private const int StagingBytes = 64 * 1024;
    private const int MaxEntryLimit = 1 << 20;
    private readonly IJsonLogSink[] _sinks;
    private readonly LogRing? _ring;
    private readonly TimeProvider? _clock;
    private readonly TimeProvider _time;
    private readonly TimeSpan _stallThreshold;
    private readonly object _syncLock = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread? _writerThread;
    private volatile int _minimumLevel;
    private volatile bool _healthy = true;
    private volatile bool _disposed;
    private long _lastProgress;
    private readonly long _wakeBytes;
    private int _consumerParked;
    private long _dropped;
    private long _oversized;
    private long _written;
    private long _writeFailures;

    /// <summary>Creates an asynchronous logger with default options writing to <paramref name="output"/>.</summary>
    /// <param name="output">Destination; written by one thread at a time, never disposed by the logger.</param>
    public JsonLogger(Stream output)
        : this(output, new JsonLoggerOptions())
    {
    }

    /// <summary>
    /// Creates a logger writing to <paramref name="output"/> and then to every sink of <see cref="JsonLoggerOptions.Sinks"/>;
    /// in async mode starts the writer thread.
    /// </summary>
    /// <param name="output">Destination; written by one thread at a time, never disposed by the logger.</param>
    /// <param name="options">Mode, sizes, minimum level, clock and further sinks.</param>
    /// <exception cref="ArgumentNullException">An argument or a sink is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the ring cannot hold two maximum entries.</exception>
    public JsonLogger(Stream output, JsonLoggerOptions options)
        : this(new StreamLogSink(output ?? throw new ArgumentNullException(nameof(output))), options)
    {
    }

    /// <summary>
    /// Creates a logger that writes no stream, only the sinks of <see cref="JsonLoggerOptions.Sinks"/> (e.g. an
    /// <see cref="OtlpLogExporter"/> alone); in async mode starts the writer thread.
    /// </summary>
    /// <param name="options">Mode, sizes, minimum level, clock and the sinks (at least one).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or a sink is null.</exception>
    /// <exception cref="ArgumentException"><see cref="JsonLoggerOptions.Sinks"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the ring cannot hold two maximum entries.</exception>
    public JsonLogger(JsonLoggerOptions options)
        : this(first: null, options)
    {
    }

    private JsonLogger(IJsonLogSink? first, JsonLoggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sinks = CollectSinks(first, options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntryBytes, 64, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxEntryBytes, MaxEntryLimit, nameof(options));
        Mode = options.Mode;
        MaxEntryBytes = options.MaxEntryBytes;
        _minimumLevel = (int)options.MinimumLevel;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WriterStallThreshold, TimeSpan.Zero, nameof(options));
        ValidateFullMode(options);
        FullMode = options.FullMode;
        _roomWait = options.Mode == LogMode.Async && options.FullMode == LogFullMode.Wait
            ? new LogRoomWait(options.FullWaitTimeout)
            : null;
        _clock = ReferenceEquals(options.TimeProvider, TimeProvider.System) ? null : options.TimeProvider;
        _time = options.TimeProvider;
        _stallThreshold = options.WriterStallThreshold;
        _lastProgress = _time.GetTimestamp();
        if (Mode == LogMode.Async)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(options.RingCapacity, 1 << 30, nameof(options));
            int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(options.RingCapacity, 64));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxEntryBytes, LogRing.MaxPayloadFor(capacity), nameof(options));
            _ring = new LogRing(capacity);
            _wakeBytes = Math.Min(StagingBytes, capacity / 4); // one staging buffer's worth, and well before the ring is full
            _writerThread = new Thread(RunWriter) { IsBackground = true, Name = "DistriC JSON log writer" };
            _writerThread.Start();
        }
        else
        {
            _writerDone.SetResult();
        }
    }

    /// <summary>Where the lines go, in order: the output stream's sink (when created with one), then <see cref="JsonLoggerOptions.Sinks"/>.</summary>
    internal IReadOnlyList<IJsonLogSink> Sinks => _sinks;

    /// <summary>The mode chosen at construction.</summary>
    public LogMode Mode { get; }

    /// <summary>What a producer does when the queue is full (chosen at construction; no effect in sync mode).</summary>
    public LogFullMode FullMode { get; }

    /// <summary>Largest encoded line in bytes (newline included); longer entries are dropped whole.</summary>
    public int MaxEntryBytes { get; }

    /// <summary>Queue size in bytes (0 in sync mode).</summary>
    public int RingCapacity => _ring?.Capacity ?? 0;

    /// <summary>Entries below this level are skipped; may be changed at any time.</summary>
    public LogLevel MinimumLevel
    {
        get => (LogLevel)_minimumLevel;
        set => _minimumLevel = (int)value;
    }

    /// <summary>Entries dropped because the queue was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Entries dropped because they exceeded <see cref="MaxEntryBytes"/>.</summary>
    public long OversizedDropCount => Interlocked.Read(ref _oversized);

    /// <summary>Lines successfully handed to every sink (the output stream and <see cref="JsonLoggerOptions.Sinks"/>).</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Accepted lines that the output stream or a sink lost by throwing (a line counts once however many sinks threw).</summary>
    public long WriteFailureCount => Interlocked.Read(ref _writeFailures);

    /// <summary>
    /// False when the last write or flush of the output stream or a sink threw (true again after one succeeds), or when
    /// entries are waiting and the writer has made no progress for <see cref="JsonLoggerOptions.WriterStallThreshold"/>
    /// (a stalled stream).
    /// </summary>
    public bool IsWriterHealthy => _healthy && !IsStalled();

    /// <summary>Fraction of the queue in use, 0 to 1 (0 in sync mode).</summary>
    public double QueueFillRatio => _ring is null ? 0 : FillRatio(_ring.UsedBytes, _ring.Capacity);

    /// <summary>True when entries of <paramref name="level"/> are written: one comparison.</summary>
    /// <param name="level">Level to test.</param>
    /// <returns>Whether <paramref name="level"/> is at least <see cref="MinimumLevel"/>.</returns>
    public bool IsEnabled(LogLevel level) => (int)level >= _minimumLevel;

    /// <summary>
    /// Writes an entry whose fields are strings known only at run time (generated <c>[LogEvent]</c> methods are
    /// faster and keep field types). Null component or message is written as an empty string, a null value as
    /// JSON <c>null</c>; a field with a null key is skipped. Never throws, never allocates.
    /// </summary>
    /// <param name="level">Severity; below <see cref="MinimumLevel"/> the call returns <see cref="DistricStatus.Ok"/> and writes nothing.</param>
    /// <param name="component">Subsystem name.</param>
    /// <param name="message">Human-readable message.</param>
    /// <param name="fields">Extra fields, written in order after <c>message</c>; names are not checked for duplicates.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.BufferOverflow"/> (dropped: queue full or too large),
    /// <see cref="DistricStatus.InvalidArgument"/> (undefined level), <see cref="DistricStatus.Shutdown"/> (disposed) or
    /// <see cref="DistricStatus.IOFailure"/> (sync write failed).</returns>
    public DistricStatus Write(LogLevel level, string component, string message, params ReadOnlySpan<KeyValuePair<string, string?>> fields)
    {
        if ((int)level < _minimumLevel)
        {
            return DistricStatus.Ok;
        }

        ReadOnlySpan<byte> header = LogEntryWriter.DynamicComponentHeader(level);
        if (header.IsEmpty)
        {
            return DistricStatus.InvalidArgument;
        }

        var writer = new LogEntryWriter(this, header);
        writer.AppendString(default, component ?? string.Empty);
        writer.AppendString(",\"message\":"u8, message ?? string.Empty);
        writer.AppendActiveTraceContext();
        foreach (KeyValuePair<string, string?> field in fields)
        {
            if (field.Key is null)
            {
                continue;
            }

            writer.AppendString(","u8, field.Key);
            writer.AppendString(":"u8, field.Value);
        }

        return writer.Commit();
    }

    /// <summary>
    /// Waits until every accepted entry is written and flushed, then stops the writer. Idempotent. Producers waiting for
    /// room (<see cref="LogFullMode.Wait"/>) give up at once: their entries are dropped and counted.
    /// </summary>
    public void Dispose()
    {
        // _wake is deliberately never disposed: a producer that committed just before the close may still call
        // Set on it, and a ManualResetEventSlim that nobody waits on holds no kernel handle.
        if (Shutdown())
        {
            _writerThread?.Join();
        }
    }

    /// <summary>Like <see cref="Dispose"/> without blocking the calling thread while the writer drains.</summary>
    /// <returns>Completes when every accepted entry is written and flushed.</returns>
    public async ValueTask DisposeAsync()
    {
        Shutdown();
        await _writerDone.Task.ConfigureAwait(false);
    }

    private static IJsonLogSink[] CollectSinks(IJsonLogSink? first, JsonLoggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Sinks, nameof(options));
        var sinks = new List<IJsonLogSink>(options.Sinks.Count + 1);
        if (first is not null)
        {
            sinks.Add(first);
        }

        foreach (IJsonLogSink sink in options.Sinks)
        {
            sinks.Add(sink ?? throw new ArgumentNullException(nameof(options), "JsonLoggerOptions.Sinks holds a null sink."));
        }

        if (sinks.Count == 0)
        {
            throw new ArgumentException("A JsonLogger created without a stream needs at least one sink in JsonLoggerOptions.Sinks.", nameof(options));
        }

        return [.. sinks];
    }

    private bool IsStalled() =>
        _ring is not null && _ring.HasData && _time.GetElapsedTime(Volatile.Read(ref _lastProgress)) > _stallThreshold;

    internal long NowUnixMilliseconds() =>
        _clock is null
            ? (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond
            : _clock.GetUtcNow().ToUnixTimeMilliseconds();

    internal DistricStatus RecordOversized()
    {
        Interlocked.Increment(ref _oversized);
        return DistricStatus.BufferOverflow;
    }

    /// <summary>Takes one complete line (ending in a newline) from a producer.</summary>
    internal DistricStatus Accept(ReadOnlySpan<byte> line)
    {
        if (_ring is null)
        {
            return WriteDirect(line);
        }

        DistricStatus status = _ring.TryWrite(line);
        if (status == DistricStatus.Ok)
        {
            WakeWriterIfParked();
        }
        else if (status == DistricStatus.BufferOverflow)
        {
            // Only a full ring gets here: the wait mode adds one field test to the drop path and nothing to the common path.
            if (_roomWait is not null)
            {
                return AcceptAfterWait(line);
            }

            Interlocked.Increment(ref _dropped);
        }

        return status;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WakeWriterIfParked()
    {
        if (HasWorkFor(Volatile.Read(ref _consumerParked)) && Interlocked.Exchange(ref _consumerParked, Running) != Running)
        {
            _wake.Set();
        }
    }

    private DistricStatus WriteDirect(ReadOnlySpan<byte> line)
    {
        lock (_syncLock)
        {
            if (_disposed)
            {
                return DistricStatus.Shutdown;
            }

            if (!TryOutput(line, 1))
            {
                return DistricStatus.IOFailure;
            }

            return TryFlush() ? DistricStatus.Ok : DistricStatus.IOFailure;
        }
    }

    /// <summary>Marks the logger disposed; true for the first caller only.</summary>
    private bool Shutdown()
    {
        lock (_syncLock)
        {
            if (_disposed)
            {
                return false;
            }

            _disposed = true;
        }

        if (_ring is null)
        {
            return true;
        }

        _ring.Close();
        _wake.Set();
        SignalRoomFreed(); // producers waiting for room see the closed ring and give up at once
        return true;
    }
}
