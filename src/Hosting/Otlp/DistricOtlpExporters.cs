using System;

namespace DistriC.Hosting;

/// <summary>
/// The OTLP exporters <c>AddDistric</c> creates, owned by the container: the span exporter when the tracer is first
/// resolved (so it is disposed after the tracer's final export), the log exporter when the logger is (so it sends the
/// logger's last lines), the metrics exporter when the registry is created.
/// </summary>
internal sealed class DistricOtlpExporters : IDisposable
{
    private readonly DistricOtlpOptions _options;
    private readonly Lazy<OtlpSpanExporter?> _traces;
    private readonly Lazy<OtlpLogExporter?> _logs;
    private OtlpMetricExporter? _metrics;

    public DistricOtlpExporters(DistricOtlpOptions options)
    {
        _options = options;
        _traces = new Lazy<OtlpSpanExporter?>(() =>
        {
            OtlpExporterOptions? traces = options.Resolve(OtlpSignal.Traces, options.Traces);
            return traces is null ? null : new OtlpSpanExporter(traces);
        });
        _logs = new Lazy<OtlpLogExporter?>(() =>
        {
            OtlpExporterOptions? logs = options.Resolve(OtlpSignal.Logs, options.Logs);
            return logs is null ? null : new OtlpLogExporter(logs, options.LogBatching ?? new OtlpLogBatchOptions());
        });
    }

    /// <summary>The span exporter, or null when no traces endpoint is configured.</summary>
    public OtlpSpanExporter? Traces => _traces.Value;

    /// <summary>The log exporter, or null when no logs endpoint is configured.</summary>
    public OtlpLogExporter? Logs => _logs.Value;

    /// <summary>The log exporter if the logger created one (without creating it).</summary>
    public OtlpLogExporter? CreatedLogs => _logs.IsValueCreated ? _logs.Value : null;

    /// <summary>The metrics exporter, once <see cref="StartMetrics"/> found a metrics endpoint.</summary>
    public OtlpMetricExporter? Metrics => _metrics;

    /// <summary>Starts exporting <paramref name="registry"/> when a metrics endpoint is configured, and adds its self-monitoring.</summary>
    public void StartMetrics(MetricRegistry registry)
    {
        OtlpExporterOptions? metrics = _options.Resolve(OtlpSignal.Metrics, _options.Metrics);
        if (metrics is null || _metrics is not null)
        {
            return;
        }

        _metrics = new OtlpMetricExporter(registry, metrics, _options.ResolveMetricInterval());
        _metrics.RegisterMetrics(registry);
    }

    public void Dispose()
    {
        _metrics?.Dispose();
        if (_traces.IsValueCreated)
        {
            _traces.Value?.Dispose();
        }

        // Disposed after the logger (created before it, inside its factory): sends the lines the logger handed over last.
        CreatedLogs?.Dispose();
    }
}
