namespace DistriC.Hosting;

/// <summary>What <see cref="DistricServiceCollectionExtensions.AddDistric"/> registers.</summary>
public sealed class DistricOptions
{
    /// <summary>An existing registry to register as the singleton; when null one is created from <see cref="MetricRegistryOptions"/>.</summary>
    public MetricRegistry? Metrics { get; set; }

    /// <summary>Limits of the registry created when <see cref="Metrics"/> is null.</summary>
    public MetricRegistryOptions MetricRegistryOptions { get; set; } = new();

    /// <summary>An existing health registry to register as the singleton; when null one is created from <see cref="HealthRegistryOptions"/>.</summary>
    public HealthRegistry? Health { get; set; }

    /// <summary>Limit and clock of the health registry created when <see cref="Health"/> is null.</summary>
    public HealthRegistryOptions HealthRegistryOptions { get; set; } = new();

    /// <summary>
    /// When true (the default), results of ASP.NET Core health checks (<c>services.AddHealthChecks().AddCheck(...)</c>) are
    /// published into the health registry as components named after the checks, through <see cref="DistricHealthCheckPublisher"/>.
    /// They are published on <c>HealthCheckPublisherOptions</c>' schedule (by default after 5 s, then every 30 s).
    /// </summary>
    public bool PublishHealthChecks { get; set; } = true;

    /// <summary>
    /// Mode, sizes and minimum level of the <see cref="JsonLogger"/> singleton. Its level can also be changed later through
    /// <see cref="JsonLogger.MinimumLevel"/>.
    /// </summary>
    public JsonLoggerOptions Logging { get; set; } = new();

    /// <summary>
    /// Where the <see cref="JsonLogger"/> singleton writes: <see cref="DistricLogOutput.StandardOutput"/> by default. See
    /// <see cref="DistricLogOutput"/> for who opens and closes each kind of stream.
    /// </summary>
    public DistricLogOutput LogOutput { get; set; } = DistricLogOutput.StandardOutput;

    /// <summary>
    /// Options of the <see cref="Tracer"/> singleton; <see cref="TracerOptions.Exporter"/> must be set. When null (the
    /// default) the tracer uses default options and the <see cref="ISpanExporter"/> registered in the container, or, when there
    /// is none, an <see cref="OtlpSpanExporter"/> when an OTLP traces endpoint is configured (see <see cref="DistricOtlpOptions"/>), or
    /// else an exporter that discards spans (context propagation and the <c>distric_internal_tracer_*</c> counters still
    /// work).
    /// </summary>
    public TracerOptions? Tracing { get; set; }

    /// <summary>
    /// The framework and runtime metrics brought into the registry (ASP.NET Core, <c>System.Net.Http</c>, <c>System.Runtime</c>,
    /// <c>process_*</c>) and the registry published as a Meter; all on by default, each with an opt-out.
    /// </summary>
    public DistricFrameworkMetricsOptions FrameworkMetrics { get; set; } = new();

    /// <summary>
    /// Server spans for the app's requests (and the other request-tracing parts), each on by default; see
    /// <see cref="DistricRequestTracingOptions"/>.
    /// </summary>
    public DistricRequestTracingOptions RequestTracing { get; set; } = new();
}
