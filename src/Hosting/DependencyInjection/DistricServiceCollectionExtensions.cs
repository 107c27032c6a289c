using System;
using System.IO;
using DistriC.Hosting.Endpoints;
using DistriC.Hosting.Logging;
using DistriC.Hosting.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DistriC.Hosting;

/// <summary>Registers DistriC in an <see cref="IServiceCollection"/>.</summary>
public static class DistricServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MetricRegistry"/>, <see cref="HealthRegistry"/>, <see cref="JsonLogger"/> and <see cref="Tracer"/> as
    /// singletons, the HTTP self-monitoring metrics, the endpoint handler used by
    /// <see cref="DistricEndpointRouteBuilderExtensions.MapDistric"/>, and (unless switched off) the bridge from ASP.NET Core
    /// health checks into the health registry.
    /// </summary>
    /// <remarks>
    /// <para>Every registration is a <c>TryAdd</c>: a <see cref="JsonLogger"/> or <see cref="Tracer"/> (or registry) registered
    /// before this call is kept, and calling it twice keeps the first registration.</para>
    /// <para>When it creates the metric registry, <c>AddDistric</c> also creates the registered health registry, logger and tracer
    /// and adds their self-monitoring (<c>distric_health_status</c>, <c>distric_internal_log_*</c>, <c>distric_internal_tracer_*</c>) to it, so those series are at
    /// <c>/metrics</c> from the first scrape; metrics of the same names already in a supplied registry are kept. A health registry, logger or
    /// tracer you register yourself must therefore not resolve <see cref="MetricRegistry"/> in its factory.</para>
    /// <para>OTLP: when neither <see cref="DistricOptions.Tracing"/> nor an <see cref="ISpanExporter"/> service is given and a traces
    /// endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>, or options set with
    /// <see cref="DistricOtlpBuilderExtensions.AddOtlpExport"/>), the tracer exports to it through an <see cref="OtlpSpanExporter"/>, whose
    /// <c>distric_internal_otlp_*</c> series join the self-monitoring. Likewise, with a metrics endpoint the registry it creates is
    /// sent periodically by an <see cref="OtlpMetricExporter"/> (and once more when the container is disposed), and with a logs
    /// endpoint the logger it creates also feeds an <see cref="OtlpLogExporter"/> (see <see cref="DistricOtlpOptions.Logs"/>).</para>
    /// <para>The container owns the logger and the tracer: disposing it disposes the tracer (final export) and the logger
    /// (every accepted entry written and flushed), then closes the log stream if DistriC opened it (see
    /// <see cref="DistricLogOutput"/>).</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options; optional.</param>
    /// <returns>A builder for chaining further DistriC registrations, e.g. <c>AddLoggerProvider()</c>.</returns>
    /// <exception cref="ArgumentException">An option is missing, or <see cref="DistricOptions.Tracing"/> has no exporter.</exception>
    public static DistricBuilder AddDistric(this IServiceCollection services, Action<DistricOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new DistricOptions();
        configure?.Invoke(options);
        Validate(options);

        services.TryAddSingleton(sp => CreateMetrics(sp, options));
        services.TryAddSingleton(_ => options.Health ?? new HealthRegistry(options.HealthRegistryOptions));
        services.TryAddSingleton(_ => new LogOutputLease(options.LogOutput));
        // The lease and the OTLP exporters are resolved inside this factory, so they are created first and disposed after the
        // logger has flushed (and handed its last lines to the log exporter).
        services.TryAddSingleton(sp => CreateLogger(sp, options.Logging));
        services.TryAddSingleton(sp => new DistricOtlpExporters(sp.GetService<DistricOtlpOptions>() ?? new DistricOtlpOptions()));
        services.TryAddSingleton(sp => new Tracer(options.Tracing ?? new TracerOptions
        {
            Exporter = sp.GetService<ISpanExporter>() ?? (ISpanExporter?)sp.GetRequiredService<DistricOtlpExporters>().Traces ?? DiscardingSpanExporter.Instance,
        }));
        services.TryAddSingleton(sp => new DistricEndpointHandler(sp.GetRequiredService<MetricRegistry>(), sp.GetRequiredService<HealthRegistry>()));

        DistricFrameworkMetrics.Add(services, options.FrameworkMetrics ?? new DistricFrameworkMetricsOptions());
        RequestTracingRegistration.Register(services, options.RequestTracing);

        if (options.PublishHealthChecks)
        {
            services.AddHealthChecks();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, DistricHealthCheckPublisher>());
        }

        return new DistricBuilder(services, options.LogOutput);
    }

    private static void Validate(DistricOptions options)
    {
        if (options.MetricRegistryOptions is null || options.HealthRegistryOptions is null || options.Logging is null || options.LogOutput is null
            || options.RequestTracing is null)
        {
            throw new ArgumentException(
                "DistricOptions.MetricRegistryOptions, HealthRegistryOptions, Logging, LogOutput and RequestTracing must not be null.", nameof(options));
        }

        if (options.Tracing is { Exporter: null })
        {
            throw new ArgumentException(
                "DistricOptions.Tracing needs an Exporter; or leave Tracing null to use the ISpanExporter registered in the container.",
                nameof(options));
        }
    }

    private static JsonLogger CreateLogger(IServiceProvider services, JsonLoggerOptions options)
    {
        Stream stream = services.GetRequiredService<LogOutputLease>().Stream;
        OtlpLogExporter? otlp = services.GetRequiredService<DistricOtlpExporters>().Logs;
        return new JsonLogger(stream, otlp is null ? options : WithSink(options, otlp));
    }

    // The application's options object stays as it was: the exporter joins a copy, after the application's own sinks.
    private static JsonLoggerOptions WithSink(JsonLoggerOptions options, IJsonLogSink sink)
    {
        var copy = new JsonLoggerOptions
        {
            Mode = options.Mode,
            RingCapacity = options.RingCapacity,
            FullMode = options.FullMode,
            FullWaitTimeout = options.FullWaitTimeout,
            MaxEntryBytes = options.MaxEntryBytes,
            MinimumLevel = options.MinimumLevel,
            WriterStallThreshold = options.WriterStallThreshold,
            TimeProvider = options.TimeProvider,
        };
        foreach (IJsonLogSink own in options.Sinks)
        {
            copy.Sinks.Add(own);
        }

        copy.Sinks.Add(sink);
        return copy;
    }

    private static MetricRegistry CreateMetrics(IServiceProvider services, DistricOptions options)
    {
        MetricRegistry registry = options.Metrics ?? new MetricRegistry(options.MetricRegistryOptions);
        // Register the self-monitoring families as soon as the registry exists, before the application can freeze it.
        HttpEndpointMetrics.For(registry);
        JsonLogger? logger = services.GetService<JsonLogger>();
        DistricSelfMonitoring.Register(registry, services.GetService<HealthRegistry>(), logger, services.GetService<Tracer>(),
            services.GetService<DistricOtlpExporters>()?.CreatedLogs);
        services.GetService<DistricOtlpExporters>()?.StartMetrics(registry);
        return registry;
    }
}
