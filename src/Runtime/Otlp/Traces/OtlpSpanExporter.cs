using System;
using System.Net.Http;
using DistriC.Otlp;
using DistriC.Otlp.Json;
using DistriC.Otlp.Protobuf;
using DistriC.Otlp.Traces;
using DistriC.Otlp.Transport;

namespace DistriC;

/// <summary>
/// An <see cref="ISpanExporter"/> that sends each batch of finished spans to an OTLP receiver (an OpenTelemetry
/// Collector, Jaeger, Tempo, the Aspire dashboard, ...) over OTLP/HTTP. It runs on the tracer's export thread: a slow
/// or absent receiver delays that thread only, never a span's producer, and what cannot be delivered within the retry
/// budget is dropped and counted (<see cref="GetStats"/>, <see cref="RegisterMetrics"/>).
/// </summary>
/// <remarks>
/// Serialization reuses one buffer, so a batch allocates nothing per span; each request allocates its HTTP message.
/// The tracer counts a batch this exporter did not deliver in <see cref="TracerStats.SpansFailed"/>.
/// </remarks>
public sealed class OtlpSpanExporter : ISpanExporter, IDisposable
{
    private readonly OtlpResource _resource;
    private readonly ProtoBuffer? _buffer;
    private readonly OtlpJsonBuffer? _json;
    private readonly OtlpHttpSender _sender;
    private readonly OtlpExportCounters _counters = new();

    /// <summary>Creates an exporter for <see cref="OtlpExporterOptions.Endpoint"/>.</summary>
    /// <param name="options">Endpoint, protocol, headers, timeout, compression, retry budget and resource.</param>
    /// <exception cref="ArgumentException">The endpoint is missing or not an http(s) URL, or a value is out of range.</exception>
    public OtlpSpanExporter(OtlpExporterOptions options)
        : this(options, handler: null)
    {
    }

    /// <summary>Creates an exporter over the given HTTP stack (benchmarks send to an in-memory handler).</summary>
    internal OtlpSpanExporter(OtlpExporterOptions options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _resource = options.Resource ?? OtlpResource.FromEnvironment();
        if (options.Protocol == OtlpProtocol.HttpJson)
        {
            _json = new OtlpJsonBuffer();
        }
        else
        {
            _buffer = new ProtoBuffer();
        }

        _sender = new OtlpHttpSender(options, _counters, handler);
    }

    /// <summary>The options the exporter was created with.</summary>
    public OtlpExporterOptions Options { get; }

    /// <summary>The resource sent with every request.</summary>
    public OtlpResource Resource => _resource;

    internal OtlpHttpSender Sender => _sender;

    /// <summary>Encodes and sends one batch; false when it was rejected or the retries ran out (the spans are counted as lost).</summary>
    /// <param name="batch">The spans, borrowed for the call.</param>
    /// <returns>True when the receiver accepted the batch.</returns>
    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        if (batch.IsEmpty)
        {
            return true;
        }

        ArraySegment<byte> body;
        if (_json is not null)
        {
            OtlpTraceJsonSerializer.Write(_json, _resource, batch);
            body = _json.WrittenSegment;
        }
        else
        {
            OtlpTraceSerializer.Write(_buffer!, _resource, batch);
            body = _buffer!.WrittenSegment;
        }

        OtlpDelivery delivery = _sender.Send(body);
        _counters.Count(delivery, batch.Length);
        return delivery == OtlpDelivery.Delivered;
    }

    /// <summary>Reads the exporter's counters and health.</summary>
    /// <returns>The snapshot.</returns>
    public OtlpExporterStats GetStats() => _counters.Snapshot();

    /// <summary>
    /// Adds this exporter's counters to <c>distric_internal_otlp_exported_total{signal="traces",result}</c>,
    /// <c>distric_internal_otlp_retries_total{signal="traces"}</c> and <c>distric_internal_otlp_healthy{signal="traces"}</c>
    /// in <paramref name="registry"/> (the families are registered on the first call for a registry and shared by the
    /// exporters of every signal).
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <exception cref="MetricRegistrationException">The registry is frozen or full, or the names are taken by other metrics.</exception>
    public void RegisterMetrics(MetricRegistry registry) => OtlpExportMetrics.For(registry).Attach(OtlpSignal.Traces, _counters);

    /// <summary>Stops retrying (a wait in progress ends) and releases the HTTP client and the buffer.</summary>
    public void Dispose()
    {
        _sender.Dispose();
        _buffer?.Dispose();
        _json?.Dispose();
    }
}
