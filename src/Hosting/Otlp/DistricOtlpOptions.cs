using System;

namespace DistriC.Hosting;

/// <summary>
/// The OTLP export that <see cref="DistricServiceCollectionExtensions.AddDistric"/> sets up, per signal. By default
/// every signal is read from the standard <c>OTEL_EXPORTER_OTLP_*</c> environment variables, so setting
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is enough to ship spans; options given here win over the environment.
/// Change them with <see cref="DistricOtlpBuilderExtensions.AddOtlpExport"/>.
/// </summary>
public sealed class DistricOtlpOptions
{
    /// <summary>
    /// The span exporter's options; when null (the default) they come from the environment
    /// (<see cref="OtlpExporterOptions.FromEnvironment"/>), and with no endpoint configured there either spans are not exported.
    /// Ignored when the application registers an <see cref="ISpanExporter"/> or sets <see cref="DistricOptions.Tracing"/>.
    /// </summary>
    public OtlpExporterOptions? Traces { get; set; }

    /// <summary>
    /// The metrics exporter's options; when null (the default) they come from the environment
    /// (<c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> + <c>/v1/metrics</c>). With an
    /// endpoint, the registry <c>AddDistric</c> creates is sent every <see cref="MetricExportInterval"/> by an
    /// <see cref="OtlpMetricExporter"/>, and once more when the container is disposed.
    /// </summary>
    public OtlpExporterOptions? Metrics { get; set; }

    /// <summary>
    /// The log exporter's options; when null (the default) they come from the environment
    /// (<c>OTEL_EXPORTER_OTLP_LOGS_ENDPOINT</c>, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> + <c>/v1/logs</c>). With an endpoint,
    /// the <see cref="JsonLogger"/> <c>AddDistric</c> creates feeds an <see cref="OtlpLogExporter"/> besides its stream, which
    /// sends what is left when the container is disposed. Ignored when the application registers its own <see cref="JsonLogger"/>.
    /// </summary>
    public OtlpExporterOptions? Logs { get; set; }

    /// <summary>How the log exporter batches records (queue size, batch size, schedule); OpenTelemetry's defaults when null.</summary>
    public OtlpLogBatchOptions? LogBatching { get; set; }

    /// <summary>Time between metric exports; null reads <c>OTEL_METRIC_EXPORT_INTERVAL</c> (milliseconds), 60 s when unset.</summary>
    public TimeSpan? MetricExportInterval { get; set; }

    /// <summary>When false, the environment is not read: only the options set in code export.</summary>
    public bool ReadEnvironment { get; set; } = true;

    /// <summary>Reads an environment variable; null reads the process environment (tests pass a dictionary lookup).</summary>
    public Func<string, string?>? EnvironmentReader { get; set; }

    internal OtlpExporterOptions? Resolve(OtlpSignal signal, OtlpExporterOptions? inCode) =>
        inCode ?? (ReadEnvironment ? OtlpExporterOptions.FromEnvironment(signal, EnvironmentReader) : null);

    internal TimeSpan ResolveMetricInterval() => MetricExportInterval ?? (ReadEnvironment
        ? OtlpMetricExporter.IntervalFromEnvironment(EnvironmentReader)
        : TimeSpan.FromSeconds(60));
}
