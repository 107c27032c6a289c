using System;

namespace DistriC.Hosting;

/// <summary>Adds the request-tracing, health, logger and tracer self-monitoring to the registry that <c>AddDistric</c> creates.</summary>
internal static class DistricSelfMonitoring
{
    public static void Register(MetricRegistry registry, HealthRegistry? health, JsonLogger? logger, Tracer? tracer, OtlpLogExporter? otlpLogs)
    {
        KeepExisting(() => Tracing.RequestTracingFaults.RegisterMetrics(registry));
        if (health is not null)
        {
            KeepExisting(() => health.RegisterMetrics(registry));
        }

        if (logger is not null)
        {
            KeepExisting(() => logger.RegisterMetrics(registry));
        }

        if (otlpLogs is not null)
        {
            KeepExisting(() => otlpLogs.RegisterMetrics(registry));
        }

        if (tracer is not null)
        {
            KeepExisting(() => tracer.RegisterMetrics(registry));
            if (tracer.Options.Exporter is OtlpSpanExporter otlp)
            {
                KeepExisting(() => otlp.RegisterMetrics(registry));
            }
        }
    }

    // A registry supplied through DistricOptions.Metrics may already carry these families (the application registered the
    // same health registry, logger or tracer itself); those stay. Any other failure (frozen, full) is the application's to see.
    private static void KeepExisting(Action register)
    {
        try
        {
            register();
        }
        catch (MetricRegistrationException e) when (e.Status == DistricStatus.AlreadyExists)
        {
        }
    }
}
