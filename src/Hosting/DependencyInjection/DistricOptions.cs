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

    // EXTENSION POINT (lead): JsonLogger and Tracer options go here once the logging and tracing branches have landed,
    // e.g. `public JsonLoggerOptions? Logging { get; set; }` and `public TracerOptions? Tracing { get; set; }`;
    // AddDistric then registers them as singletons next to the registries (see the matching marker there).
}
