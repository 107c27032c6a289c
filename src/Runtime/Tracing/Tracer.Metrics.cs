using System;

namespace DistriC;

/// <summary>Self-monitoring: the tracer's counters and state as <c>distric_internal_tracer_*</c> metrics.</summary>
public sealed partial class Tracer
{
    /// <summary>Prefix of every metric <see cref="RegisterMetrics"/> adds.</summary>
    public const string MetricPrefix = "distric_internal_tracer_";

    /// <summary>
    /// Registers observable metrics read from this tracer at scrape time: counters
    /// <c>spans_created_total</c>, <c>spans_sampled_in_total</c>, <c>spans_sampled_out_total</c>, <c>spans_dropped_total</c>,
    /// <c>spans_exported_total</c>, <c>spans_export_failed_total</c>, <c>exports_attempted_total</c>,
    /// <c>exports_succeeded_total</c>, <c>exports_failed_total</c>, <c>tags_dropped_total</c>, <c>events_dropped_total</c>, and gauges
    /// <c>queue_depth</c>, <c>queue_capacity</c>, <c>backpressure_active</c> (0/1), <c>sample_ratio</c> (0 to 1)
    /// <c>exporter_alive</c> (0/1) and <c>last_export_succeeded</c> (0/1), each prefixed with <see cref="MetricPrefix"/>. The README's
    /// "Self-monitoring metrics" table lists them with their meaning.
    /// </summary>
    /// <param name="registry">The registry to add them to (one tracer per registry: the names are fixed).</param>
    /// <exception cref="MetricRegistrationException">
    /// A name already exists in the registry (<see cref="DistricStatus.AlreadyExists"/>, e.g. a second call), or the
    /// registry is frozen or full.
    /// </exception>
    public void RegisterMetrics(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Counter(registry, "spans_created_total", "Spans started, recorded or not", () => GetStats().SpansCreated);
        Counter(registry, "spans_sampled_in_total", "Spans chosen for recording", () => GetStats().SpansSampledIn);
        Counter(registry, "spans_sampled_out_total", "Spans not recorded: dropped by the ratio sampler or their parent was not recorded", () => GetStats().SpansSampledOut);
        Counter(registry, "spans_dropped_total", "Recorded spans dropped at finish because the export queue was full or the tracer was disposed", () => GetStats().SpansDropped);
        Counter(registry, "spans_exported_total", "Spans in batches the exporter accepted", () => GetStats().SpansExported);
        Counter(registry, "spans_export_failed_total", "Spans in batches the exporter rejected or threw on", () => GetStats().SpansFailed);
        Counter(registry, "exports_attempted_total", "Export calls made", () => GetStats().ExportsAttempted);
        Counter(registry, "exports_succeeded_total", "Export calls that succeeded", () => GetStats().ExportsSucceeded);
        Counter(registry, "exports_failed_total", "Export calls that failed or threw", () => GetStats().ExportsFailed);
        Counter(registry, "tags_dropped_total", "Span tags and event attributes rejected by the count or length limits", () => GetStats().TagsDropped);
        Counter(registry, "events_dropped_total", "Span events rejected by the per-span event limit", () => GetStats().EventsDropped);
        Gauge(registry, "queue_depth", "Finished spans waiting for export", () => _queue.Count);
        Gauge(registry, "queue_capacity", "Capacity of the export queue", () => _queue.Capacity);
        Gauge(registry, "backpressure_active", "1 while the tracer samples at the backpressure ratio, else 0", () => _backpressure.InBackpressure ? 1 : 0);
        Gauge(registry, "sample_ratio", "Keep ratio of the current sampling mode (normal or backpressure), 0 to 1", () => GetStats().EffectiveSampleRatio);
        Gauge(registry, "exporter_alive", "1 while the export loop makes progress, else 0", () => IsExporterHealthy ? 1 : 0);
        Gauge(registry, "last_export_succeeded", "1 unless the last export call failed (returned false or threw), else 0", () => GetStats().LastExportSucceeded ? 1 : 0);
    }

    private static void Counter(MetricRegistry registry, string suffix, string help, Func<long> read) =>
        registry.CreateObservableCounter(MetricPrefix + suffix, help, read);

    private static void Gauge(MetricRegistry registry, string suffix, string help, Func<double> read) =>
        registry.CreateObservableGauge(MetricPrefix + suffix, help, read);
}
