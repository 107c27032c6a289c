using System;
using System.Net.Http;
using System.Threading;
using DistriC.Otlp;
using DistriC.Otlp.Json;
using DistriC.Otlp.Metrics;
using DistriC.Otlp.Protobuf;
using DistriC.Otlp.Transport;

namespace DistriC;

/// <summary>
/// Sends a <see cref="MetricRegistry"/>'s current values to an OTLP receiver periodically, on a background thread of
/// its own, for platforms that take OTLP rather than Prometheus scrapes (scraping <c>/metrics</c> keeps working beside
/// it). Temporality is cumulative: counters are monotonic sums, gauges gauges, histograms explicit-bucket histograms,
/// each series' label names and values its attributes, the registered name and HELP its name and description.
/// </summary>
/// <remarks>
/// Collection and serialization reuse one buffer and allocate nothing per data point. A collection that cannot be
/// delivered within the retry budget is dropped and counted; the next one carries the totals anyway (cumulative).
/// </remarks>
public sealed class OtlpMetricExporter : IDisposable
{
    private readonly MetricRegistry _registry;
    private readonly OtlpResource _resource;
    private readonly ProtoBuffer? _buffer;
    private readonly OtlpMetricSerializer? _serializer;
    private readonly OtlpJsonBuffer? _json;
    private readonly OtlpMetricJsonSerializer? _jsonSerializer;
    private readonly OtlpHttpSender _sender;
    private readonly OtlpExportCounters _counters = new();
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly ulong _startNanos;
    private readonly Thread? _thread;
    private int _disposed;

    /// <summary>Creates the exporter and starts its export thread.</summary>
    /// <param name="registry">The registry to collect.</param>
    /// <param name="options">Endpoint (the full <c>/v1/metrics</c> URL), headers, timeout, compression, retry budget and resource.</param>
    /// <param name="exportInterval">
    /// Time between collections; null reads <c>OTEL_METRIC_EXPORT_INTERVAL</c> (milliseconds), 60 s when unset.
    /// </param>
    /// <exception cref="ArgumentException">The endpoint is missing or not an http(s) URL, or a value is out of range.</exception>
    /// <exception cref="FormatException"><c>OTEL_METRIC_EXPORT_INTERVAL</c> is not a positive number of milliseconds.</exception>
    public OtlpMetricExporter(MetricRegistry registry, OtlpExporterOptions options, TimeSpan? exportInterval = null)
        : this(registry, options, exportInterval ?? OtlpEnvironment.MetricExportInterval(Environment.GetEnvironmentVariable), null, startThread: true)
    {
    }

    internal OtlpMetricExporter(MetricRegistry registry, OtlpExporterOptions options, TimeSpan exportInterval, HttpMessageHandler? handler, bool startThread)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(exportInterval, TimeSpan.Zero);
        _registry = registry;
        Options = options;
        ExportInterval = exportInterval;
        _resource = options.Resource ?? OtlpResource.FromEnvironment();
        if (options.Protocol == OtlpProtocol.HttpJson)
        {
            _json = new OtlpJsonBuffer();
            _jsonSerializer = new OtlpMetricJsonSerializer(_json);
        }
        else
        {
            _buffer = new ProtoBuffer();
            _serializer = new OtlpMetricSerializer(_buffer);
        }

        _sender = new OtlpHttpSender(options, _counters, handler);
        _startNanos = UnixNanosNow();
        if (startThread)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "DistriC OTLP metrics export" };
            _thread.UnsafeStart();
        }
    }

    /// <summary>Reads <c>OTEL_METRIC_EXPORT_INTERVAL</c> (milliseconds); 60 s when it is unset.</summary>
    /// <param name="getVariable">Reads a variable; null reads the process environment.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="FormatException">The value is not a positive number of milliseconds.</exception>
    public static TimeSpan IntervalFromEnvironment(Func<string, string?>? getVariable = null) =>
        OtlpEnvironment.MetricExportInterval(getVariable ?? Environment.GetEnvironmentVariable);

    /// <summary>The options the exporter was created with.</summary>
    public OtlpExporterOptions Options { get; }

    /// <summary>Time between collections.</summary>
    public TimeSpan ExportInterval { get; }

    /// <summary>The resource sent with every request.</summary>
    public OtlpResource Resource => _resource;

    internal OtlpHttpSender Sender => _sender;

    /// <summary>Collects and sends now, on the calling thread (e.g. before a short-lived process exits).</summary>
    /// <returns>True when the receiver accepted the collection.</returns>
    public bool ExportNow()
    {
        lock (_gate)
        {
            ArraySegment<byte> body;
            int points;
            if (_jsonSerializer is not null)
            {
                _jsonSerializer.Write(_registry, _resource, _startNanos, UnixNanosNow());
                (body, points) = (_json!.WrittenSegment, _jsonSerializer.DataPointCount);
            }
            else
            {
                _serializer!.Write(_registry, _resource, _startNanos, UnixNanosNow());
                (body, points) = (_buffer!.WrittenSegment, _serializer.DataPointCount);
            }

            OtlpDelivery delivery = _sender.Send(body);
            _counters.Count(delivery, points);
            return delivery == OtlpDelivery.Delivered;
        }
    }

    /// <summary>Reads the exporter's counters (items are data points) and health.</summary>
    /// <returns>The snapshot.</returns>
    public OtlpExporterStats GetStats() => _counters.Snapshot();

    /// <summary>Adds this exporter's counters to the <c>distric_internal_otlp_*</c> series with <c>signal="metrics"</c>.</summary>
    /// <param name="registry">The registry (usually the exported one).</param>
    /// <exception cref="MetricRegistrationException">The registry is frozen or full, or the names are taken by other metrics.</exception>
    public void RegisterMetrics(MetricRegistry registry) => OtlpExportMetrics.For(registry).Attach(OtlpSignal.Metrics, _counters);

    /// <summary>
    /// Stops the export thread, sends one last collection (so a short-lived process loses nothing), and releases the
    /// client. With the receiver unreachable this takes up to the retry budget (attempts, timeouts and backoffs).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Set();
        _thread?.Join();
        ExportNow();
        _sender.Dispose();
        _buffer?.Dispose();
        _json?.Dispose();
    }

    private void Run()
    {
        while (!_stop.Wait(ExportInterval))
        {
            try
            {
                ExportNow();
            }
#pragma warning disable CA1031 // A failing collection (an observable callback, a full buffer) must not end the export thread; it is counted by the sender.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static ulong UnixNanosNow() => (ulong)(DateTimeOffset.UtcNow.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
}
