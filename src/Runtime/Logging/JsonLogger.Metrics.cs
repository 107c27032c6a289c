using System;

namespace DistriC;

public sealed partial class JsonLogger
{
    /// <summary>Name of the counter of entries dropped because the queue was full.</summary>
    public const string DroppedMetricName = "distric_internal_log_dropped_total";

    /// <summary>Name of the counter of entries dropped because they exceeded <see cref="MaxEntryBytes"/>.</summary>
    public const string OversizedDroppedMetricName = "distric_internal_log_oversized_dropped_total";

    /// <summary>Name of the gauge of queue fill (0 to 1).</summary>
    public const string QueueFillRatioMetricName = "distric_internal_log_queue_fill_ratio";

    /// <summary>Name of the gauge that is 1 while the writer's last output operation succeeded, else 0.</summary>
    public const string WriterHealthyMetricName = "distric_internal_log_writer_healthy";

    /// <summary>
    /// Registers this logger's self-monitoring metrics in <paramref name="registry"/>; they are read at scrape time
    /// and cost nothing on the logging path. One logger per registry (the names are fixed).
    /// </summary>
    /// <param name="registry">Target registry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="MetricRegistrationException">The names are already registered, or the registry is frozen.</exception>
    public void RegisterMetrics(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.CreateObservableCounter(DroppedMetricName, "Log entries dropped because the queue was full", () => DroppedCount);
        registry.CreateObservableCounter(OversizedDroppedMetricName, "Log entries dropped because they exceeded the maximum entry size", () => OversizedDropCount);
        registry.CreateObservableGauge(QueueFillRatioMetricName, "Fill ratio of the log queue (0 to 1)", () => QueueFillRatio);
        registry.CreateObservableGauge(WriterHealthyMetricName, "1 if the log writer's last output operation succeeded, else 0", () => IsWriterHealthy ? 1 : 0);
    }
}
