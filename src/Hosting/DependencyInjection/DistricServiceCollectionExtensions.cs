using System;
using DistriC.Hosting.Endpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DistriC.Hosting;

/// <summary>Registers DistriC in an <see cref="IServiceCollection"/>.</summary>
public static class DistricServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MetricRegistry"/> and <see cref="HealthRegistry"/> as singletons, the HTTP self-monitoring metrics,
    /// the endpoint handler used by <see cref="DistricEndpointRouteBuilderExtensions.MapDistric"/>, and (unless switched off)
    /// the bridge from ASP.NET Core health checks into the health registry. Calling it twice keeps the first registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options; optional.</param>
    /// <returns>A builder for chaining further DistriC registrations.</returns>
    public static DistricBuilder AddDistric(this IServiceCollection services, Action<DistricOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new DistricOptions();
        configure?.Invoke(options);

        services.TryAddSingleton(_ => CreateMetrics(options));
        services.TryAddSingleton(_ => options.Health ?? new HealthRegistry(options.HealthRegistryOptions));
        services.TryAddSingleton(sp => new DistricEndpointHandler(sp.GetRequiredService<MetricRegistry>(), sp.GetRequiredService<HealthRegistry>()));

        if (options.PublishHealthChecks)
        {
            services.AddHealthChecks();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, DistricHealthCheckPublisher>());
        }

        // EXTENSION POINT (lead): register JsonLogger and Tracer singletons here once their branches have landed, e.g.
        //   services.TryAddSingleton(sp => new JsonLogger(output, options.Logging ?? new JsonLoggerOptions()));
        //   services.TryAddSingleton(sp => new Tracer(options.Tracing ?? new TracerOptions()));
        // and call their RegisterMetrics(registry) in CreateMetrics's place so their self-monitoring is exposed at /metrics.
        return new DistricBuilder(services);
    }

    private static MetricRegistry CreateMetrics(DistricOptions options)
    {
        MetricRegistry registry = options.Metrics ?? new MetricRegistry(options.MetricRegistryOptions);
        // Register the HTTP self-monitoring families as soon as the registry exists, before the application can freeze it.
        HttpEndpointMetrics.For(registry);
        return registry;
    }
}
