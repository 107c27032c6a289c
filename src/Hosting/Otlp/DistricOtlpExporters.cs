using System;

namespace DistriC.Hosting;

/// <summary>
/// The OTLP exporters <c>AddDistric</c> created, owned by the container: created when the tracer is first resolved
/// (so they are disposed after it, when its final export has run) and added to the self-monitoring metrics.
/// </summary>
internal sealed class DistricOtlpExporters : IDisposable
{
    public DistricOtlpExporters(DistricOtlpOptions options)
    {
        OtlpExporterOptions? traces = options.Resolve(OtlpSignal.Traces, options.Traces);
        Traces = traces is null ? null : new OtlpSpanExporter(traces);
    }

    /// <summary>The span exporter, or null when no traces endpoint is configured.</summary>
    public OtlpSpanExporter? Traces { get; }

    /// <summary>Adds the exporters' <c>distric_internal_otlp_*</c> series to <paramref name="registry"/>.</summary>
    public void RegisterMetrics(MetricRegistry registry) => Traces?.RegisterMetrics(registry);

    public void Dispose() => Traces?.Dispose();
}
