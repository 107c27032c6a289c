using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using DistriC.Otlp;
using DistriC.Otlp.Json;
using DistriC.Otlp.Logs;
using DistriC.Otlp.Protobuf;
using DistriC.Otlp.Transport;

namespace DistriC;

/// <summary>
/// A <see cref="JsonLogger"/> sink (<see cref="JsonLoggerOptions.Sinks"/>) that sends every line as an OTLP log record
/// to an OTLP receiver over OTLP/HTTP protobuf (<c>/v1/logs</c>): time, severity number and text, body (the message),
/// typed attributes (the other fields), and the trace and span ID when the line carries <c>trace_id</c>/<c>span_id</c>,
/// so a receiver links the record to its span.
/// </summary>
/// <remarks>
/// <para>The logger's producers are untouched: they still only copy their encoded line into the logger's queue. The
/// logger's writer thread hands the lines to this sink, which converts each into a pooled batch (nothing is allocated
/// per record in steady state) and returns; a thread of the exporter's own sends the batches (every
/// <see cref="OtlpLogBatchOptions.ScheduleDelay"/>, or as soon as one is full), with the timeout, retries and backoff of
/// <see cref="OtlpExporterOptions"/>. A slow or absent receiver therefore delays neither the producers nor the logger's
/// writer: once <see cref="OtlpLogBatchOptions.MaxQueueSize"/> records wait, further lines are dropped and counted
/// (<see cref="OtlpExporterStats.Dropped"/>).</para>
/// <para>Every line handed to the sink ends in exactly one of <see cref="OtlpExporterStats.Exported"/>,
/// <see cref="OtlpExporterStats.Rejected"/>, <see cref="OtlpExporterStats.RetriesExhausted"/> and
/// <see cref="OtlpExporterStats.Dropped"/> (<see cref="GetStats"/>, <see cref="RegisterMetrics"/>).</para>
/// <para>Dispose the exporter after the logger (declare it first): the logger's disposal hands over its last lines,
/// the exporter's sends them.</para>
/// </remarks>
public sealed class OtlpLogExporter : IJsonLogSink, IDisposable
{
    // A batch is sent once its encoding reaches this size whatever its count: receivers limit request sizes (4 MiB is common).
    private const int MaxBatchBytes = 1 << 20;

    private readonly OtlpResource _resource;
    private readonly OtlpHttpSender _sender;
    private readonly OtlpExportCounters _counters = new();
    private readonly OtlpLogRecordEncoder _encoder = new();
    private readonly ProtoBuffer _request = new();
    private readonly OtlpJsonBuffer? _json; // http/json: the batch's protobuf records transcoded at send time
    private readonly int _maxBatches;
    private readonly object _gate = new();
    private readonly object _sendGate = new();
    private readonly Queue<OtlpLogBatch> _ready = new();
    private readonly Stack<OtlpLogBatch> _free = new();
    private readonly List<OtlpLogBatch> _all = [];
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread? _thread;
    private OtlpLogBatch? _current;
    private bool _stopping;
    private int _disposed;

    /// <summary>Creates the exporter with the default batching and starts its export thread.</summary>
    /// <param name="options">Endpoint (the full <c>/v1/logs</c> URL), headers, timeout, compression, retry budget and resource.</param>
    /// <exception cref="ArgumentException">The endpoint is missing or not an http(s) URL, or a value is out of range.</exception>
    public OtlpLogExporter(OtlpExporterOptions options)
        : this(options, new OtlpLogBatchOptions())
    {
    }

    /// <summary>Creates the exporter and starts its export thread.</summary>
    /// <param name="options">Endpoint (the full <c>/v1/logs</c> URL), headers, timeout, compression, retry budget and resource.</param>
    /// <param name="batch">Queue size, batch size and schedule.</param>
    /// <exception cref="ArgumentException">The endpoint is missing or not an http(s) URL, or a value is out of range.</exception>
    public OtlpLogExporter(OtlpExporterOptions options, OtlpLogBatchOptions batch)
        : this(options, batch, handler: null, startThread: true)
    {
    }

    /// <summary>Creates an exporter over the given HTTP stack, with or without its thread (benchmarks send on their own thread with <see cref="ExportNow"/>).</summary>
    internal OtlpLogExporter(OtlpExporterOptions options, OtlpLogBatchOptions batch, HttpMessageHandler? handler, bool startThread)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(batch);
        options.Validate();
        batch.Validate();
        Options = options;
        Batching = batch;
        _maxBatches = Math.Max(2, (batch.MaxQueueSize + batch.MaxExportBatchSize - 1) / batch.MaxExportBatchSize);
        _resource = options.Resource ?? OtlpResource.FromEnvironment();
        _json = options.Protocol == OtlpProtocol.HttpJson ? new OtlpJsonBuffer() : null;
        _sender = new OtlpHttpSender(options, _counters, handler);
        if (startThread)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "DistriC OTLP logs export" };
            _thread.UnsafeStart();
        }
    }

    /// <summary>The options the exporter was created with.</summary>
    public OtlpExporterOptions Options { get; }

    /// <summary>The batching the exporter was created with.</summary>
    public OtlpLogBatchOptions Batching { get; }

    /// <summary>The resource sent with every request.</summary>
    public OtlpResource Resource => _resource;

    internal OtlpHttpSender Sender => _sender;

    private long ScheduleTicks => (long)(Batching.ScheduleDelay.TotalSeconds * Stopwatch.Frequency);

    /// <summary>
    /// Converts <paramref name="lines"/> into log records of the current batch (called by the logger's writer). Never
    /// blocks on the network: a line that finds the queue full, or the exporter disposed, is dropped and counted.
    /// </summary>
    /// <param name="lines">Complete JSON lines, each ending in <c>'\n'</c>.</param>
    /// <param name="lineCount">How many lines <paramref name="lines"/> holds.</param>
    public void Write(ReadOnlySpan<byte> lines, int lineCount)
    {
        bool wake = false;
        lock (_gate)
        {
            while (!lines.IsEmpty)
            {
                int end = lines.IndexOf((byte)'\n');
                ReadOnlySpan<byte> line = end < 0 ? lines : lines[..end];
                lines = end < 0 ? default : lines[(end + 1)..];
                if (line.IsEmpty)
                {
                    continue;
                }

                OtlpLogBatch? batch = _stopping ? null : _current ?? TakeFreeBatch();
                if (batch is null)
                {
                    Interlocked.Increment(ref _counters.Dropped);
                    continue;
                }

                _current = batch;
                _encoder.Write(batch.Records, OtlpLogSerializer.ScopeLogsLogRecords, line);
                batch.Count++;
                if (batch.Count >= Batching.MaxExportBatchSize || batch.Records.Length >= MaxBatchBytes)
                {
                    _ready.Enqueue(batch);
                    _current = null;
                    wake = true;
                }
            }
        }

        if (wake)
        {
            try
            {
                _wake.Set();
            }
            catch (ObjectDisposedException)
            {
                // Disposed between our unlock and here: the batch was queued before the stop, and Dispose already sent it.
            }
        }
    }

    /// <summary>Nothing to do: the export thread sends partial batches on its schedule, so an idle logger does not send one request per line.</summary>
    public void Flush()
    {
    }

    /// <summary>Reads the exporter's counters (items are log records) and health.</summary>
    /// <returns>The snapshot.</returns>
    public OtlpExporterStats GetStats() => _counters.Snapshot();

    /// <summary>
    /// Adds this exporter's counters to <c>distric_internal_otlp_exported_total{signal="logs",result}</c>,
    /// <c>distric_internal_otlp_retries_total{signal="logs"}</c> and <c>distric_internal_otlp_healthy{signal="logs"}</c>
    /// in <paramref name="registry"/>.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <exception cref="MetricRegistrationException">The registry is frozen or full, or the names are taken by other metrics.</exception>
    public void RegisterMetrics(MetricRegistry registry) => OtlpExportMetrics.For(registry).Attach(OtlpSignal.Logs, _counters);

    /// <summary>
    /// Sends every record still waiting, stops the export thread and releases the client. Lines handed over later are
    /// dropped and counted. With the receiver unreachable this takes up to one batch's retry budget: once a batch fails,
    /// the remaining ones get a single attempt each.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _stopping = true;
        }

        if (_thread is null)
        {
            ExportNow();
        }
        else
        {
            _wake.Set();
            _thread.Join();
        }

        _sender.Dispose();
        _request.Dispose();
        _json?.Dispose();
        _encoder.Dispose();
        foreach (OtlpLogBatch batch in _all)
        {
            batch.Dispose();
        }

        _wake.Dispose();
    }

    /// <summary>Sends every full batch and the current partial one on the calling thread; false when one was not delivered.</summary>
    internal bool ExportNow()
    {
        bool delivered = true;
        while (TakeBatchToSend(includePartial: true) is { } batch)
        {
            delivered &= Send(batch);
        }

        return delivered;
    }

    private void Run()
    {
        long nextPartial = Stopwatch.GetTimestamp() + ScheduleTicks;
        while (true)
        {
            long wait = Math.Max(0, nextPartial - Stopwatch.GetTimestamp());
            _wake.WaitOne(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            bool stopping;
            lock (_gate)
            {
                stopping = _stopping;
            }

            // Full batches go at once; the partial one on the schedule (and at shutdown), even while full ones keep waking us.
            bool partialDue = stopping || Stopwatch.GetTimestamp() >= nextPartial;
            if (partialDue)
            {
                nextPartial = Stopwatch.GetTimestamp() + ScheduleTicks;
            }

            while (TakeBatchToSend(includePartial: partialDue) is { } batch)
            {
                if (!Send(batch) && stopping)
                {
                    _sender.Stop(); // the receiver is gone: the rest get one attempt each, so Dispose does not wait a budget per batch
                }
            }

            if (stopping)
            {
                return;
            }
        }
    }

    private OtlpLogBatch? TakeBatchToSend(bool includePartial)
    {
        lock (_gate)
        {
            if (_ready.TryDequeue(out OtlpLogBatch? batch))
            {
                return batch;
            }

            if (includePartial && _current is { Count: > 0 })
            {
                batch = _current;
                _current = null;
                return batch;
            }

            return null;
        }
    }

    private bool Send(OtlpLogBatch batch)
    {
        OtlpDelivery delivery;
        lock (_sendGate)
        {
            try
            {
                if (_json is not null)
                {
                    OtlpLogJsonSerializer.Write(_json, _resource, batch.Records.WrittenSpan);
                    delivery = _sender.Send(_json.WrittenSegment);
                }
                else
                {
                    OtlpLogSerializer.Write(_request, _resource, batch.Records.WrittenSpan);
                    delivery = _sender.Send(_request.WrittenSegment);
                }
            }
#pragma warning disable CA1031 // Nothing may end the export thread (the process would go with it); a batch that cannot be sent is counted.
            catch (Exception)
#pragma warning restore CA1031
            {
                delivery = OtlpDelivery.Rejected;
            }

            _counters.Count(delivery, batch.Count);
        }

        lock (_gate)
        {
            batch.Clear();
            _free.Push(batch);
        }

        return delivery == OtlpDelivery.Delivered;
    }

    /// <summary>Under <see cref="_gate"/>: a free batch, a new one while fewer than the queue's worth exist, or null (queue full).</summary>
    private OtlpLogBatch? TakeFreeBatch()
    {
        if (_free.TryPop(out OtlpLogBatch? batch))
        {
            return batch;
        }

        if (_all.Count >= _maxBatches)
        {
            return null;
        }

        batch = new OtlpLogBatch();
        _all.Add(batch);
        return batch;
    }
}
