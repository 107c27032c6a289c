using System;
using System.Threading;

namespace DistriC;

/// <summary>Export side: the background thread, the evaluation timer, batching, liveness and shutdown.</summary>
public sealed partial class Tracer
{
    private const int StaleIntervals = 3;

    private readonly ISpanExporter _exporter;
    private readonly SpanRecord?[] _batchRecords;
    private readonly FinishedSpan[] _batch;
    private readonly long _exportIntervalTicks;
    private readonly int _wakeMask;
    private readonly object _exportGate = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private Thread? _exportThread;
    private ITimer? _timer;
    private long _lastCycleTimestamp;
    private long _busySince;
    private volatile bool _busy;
    private long _spansExported;
    private long _spansFailed;
    private long _exportsAttempted;
    private long _exportsSucceeded;
    private long _exportsFailed;
    private int _lastExportFailed;
    private int _disposeState;

    /// <summary>
    /// True while the export loop makes progress: the last cycle finished (or the current export started) less than
    /// three export intervals ago, and the tracer is not disposed. A stalled exporter turns this false.
    /// </summary>
    public bool IsExporterHealthy
    {
        get
        {
            if (_disposed || (_exportThread is not null && !_exportThread.IsAlive))
            {
                return false;
            }

            long since = _busy ? Volatile.Read(ref _busySince) : Volatile.Read(ref _lastCycleTimestamp);
            return Timestamp() - since < StaleIntervals * _exportIntervalTicks;
        }
    }

    /// <summary>Reads the counters and state (see <see cref="TracerStats"/> for the accounting identities).</summary>
    /// <returns>The snapshot.</returns>
    public TracerStats GetStats()
    {
        bool backpressure = _backpressure.InBackpressure;
        SamplingRatio ratio = backpressure ? _backpressureRatio : _normalRatio;

        // Every started span is counted once, as sampled in or out; "created" is their sum rather than a third
        // counter, which saves an atomic increment per span and makes created == in + out hold in every snapshot.
        long sampledIn = Volatile.Read(ref _sampledIn.Value);
        long sampledOut = Volatile.Read(ref _sampledOut.Value);
        return new TracerStats
        {
            SpansCreated = sampledIn + sampledOut,
            SpansSampledIn = sampledIn,
            SpansSampledOut = sampledOut,
            SpansDropped = Interlocked.Read(ref _dropped),
            SpansExported = Interlocked.Read(ref _spansExported),
            SpansFailed = Interlocked.Read(ref _spansFailed),
            ExportsAttempted = Interlocked.Read(ref _exportsAttempted),
            ExportsSucceeded = Interlocked.Read(ref _exportsSucceeded),
            ExportsFailed = Interlocked.Read(ref _exportsFailed),
            TagsDropped = Interlocked.Read(ref _tagsDropped),
            EventsDropped = Interlocked.Read(ref _eventsDropped),
            QueueDepth = _queue.Count,
            QueueCapacity = _queue.Capacity,
            InBackpressure = backpressure,
            EffectiveSampleRatio = ratio.Total == 0 ? 0 : (double)ratio.Keep / ratio.Total,
            ExporterAlive = IsExporterHealthy,
            LastExportSucceeded = Volatile.Read(ref _lastExportFailed) == 0,
        };
    }

    /// <summary>
    /// Stops the timer, exports what is queued (waiting at most <see cref="TracerOptions.ShutdownTimeout"/> for the
    /// export thread) and makes further spans non-recording. Spans finished afterwards are dropped and counted.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeState, 1) != 0)
        {
            return;
        }

        _disposed = true;
        _timer?.Dispose();
        if (_exportThread is null)
        {
            // Manual mode: drain here, but never wait longer than the shutdown timeout for an export in flight.
            if (Monitor.TryEnter(_exportGate, Options.ShutdownTimeout))
            {
                try
                {
                    ExportPending();
                }
                finally
                {
                    Monitor.Exit(_exportGate);
                }
            }

            return;
        }

        // The event is never disposed: a producer finishing a span concurrently may still Set it, and a stuck
        // exporter thread (Join timing out) may still Wait on it. Without a kernel handle it holds nothing to free.
        _wake.Set();
        _exportThread.Join(Options.ShutdownTimeout);
    }

    /// <summary>Runs one sampling evaluation from the current queue fill and drop count (the timer's job).</summary>
    internal void EvaluateBackpressure() => _backpressure.Evaluate(_queue.Count, _queue.Capacity, Interlocked.Read(ref _dropped));

    /// <summary>State machine access for tests.</summary>
    internal BackpressureController Backpressure => _backpressure;

    /// <summary>
    /// Exports the spans queued when the call starts, in batches of at most <see cref="TracerOptions.MaxBatchSize"/>,
    /// then recycles them. One caller at a time (the export thread, or a test/benchmark in manual mode).
    /// </summary>
    /// <param name="maxSpans">Upper bound on spans taken from the queue (for tests that drain partially).</param>
    /// <returns>Number of spans handed to the exporter.</returns>
    internal int ExportPending(int maxSpans = int.MaxValue)
    {
        lock (_exportGate)
        {
            int remaining = Math.Min(_queue.Count, maxSpans);
            int total = 0;
            while (remaining > 0)
            {
                int count = TakeBatch(Math.Min(remaining, _batch.Length));
                if (count == 0)
                {
                    break;
                }

                Deliver(count);
                remaining -= count;
                total += count;
            }

            Volatile.Write(ref _lastCycleTimestamp, Timestamp());
            return total;
        }
    }

    private int TakeBatch(int max)
    {
        int count = 0;
        while (count < max && _queue.TryDequeue(out SpanRecord? record))
        {
            _batchRecords[count] = record;
            _batch[count] = new FinishedSpan(record!);
            count++;
        }

        return count;
    }

    private void Deliver(int count)
    {
        Interlocked.Increment(ref _exportsAttempted);
        Volatile.Write(ref _busySince, Timestamp());
        _busy = true;
        bool delivered;
        try
        {
            delivered = _exporter.Export(_batch.AsSpan(0, count));
        }
#pragma warning disable CA1031 // The exporter is user code; whatever it throws must not end the export loop. It is counted.
        catch (Exception)
#pragma warning restore CA1031
        {
            delivered = false;
        }
        finally
        {
            _busy = false;
        }

        Interlocked.Increment(ref delivered ? ref _exportsSucceeded : ref _exportsFailed);
        Volatile.Write(ref _lastExportFailed, delivered ? 0 : 1);
        Interlocked.Add(ref delivered ? ref _spansExported : ref _spansFailed, count);
        for (int i = 0; i < count; i++)
        {
            Recycle(_batchRecords[i]!);
            _batchRecords[i] = null;
            _batch[i] = default;
        }
    }

    private void StartBackgroundWork(TimeSpan evaluationInterval)
    {
        _exportThread = new Thread(ExportLoop) { IsBackground = true, Name = "DistriC tracer export" };
        // UnsafeStart: the creator's execution context (and its active span) must not leak into the exporter.
        _exportThread.UnsafeStart();
        _timer = _time.CreateTimer(static state => ((Tracer)state!).OnTick(), this, evaluationInterval, evaluationInterval);
    }

    private void OnTick()
    {
        if (_disposed)
        {
            return;
        }

        EvaluateBackpressure();
        if (_queue.Count > _wakeMask || Timestamp() - Volatile.Read(ref _lastCycleTimestamp) >= _exportIntervalTicks)
        {
            WakeExporter();
        }
    }

    private void WakeExporter()
    {
        // Only the export thread waits on the event, so Set rarely finds a waiter to signal; in manual mode there is no thread.
        if (_exportThread is not null && !_wake.IsSet && !_disposed)
        {
            _wake.Set();
        }
    }

    private void ExportLoop()
    {
        while (!_disposed)
        {
            _wake.Wait();
            _wake.Reset();
            ExportPending();
        }

        ExportPending();
    }
}
