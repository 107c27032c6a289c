using System;

namespace DistriC.Hosting;

/// <summary>Adds the logger's and the tracer's self-monitoring to the registry that <c>AddDistric</c> creates.</summary>
internal static class DistricSelfMonitoring
{
    public static void Register(MetricRegistry registry, JsonLogger? logger, Tracer? tracer)
    {
        if (logger is not null)
        {
            KeepExisting(() => logger.RegisterMetrics(registry));
        }

        if (tracer is not null)
        {
            KeepExisting(() => tracer.RegisterMetrics(registry));
        }
    }

    // A registry supplied through DistricOptions.Metrics may already carry these families (the application registered the
    // same logger or tracer itself); those stay. Any other failure (frozen, full) is the application's to see.
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
