using System;

namespace DistriC;

public sealed partial class JsonLogger
{
    /// <summary>Name of the counter of entries dropped because the queue was full.</summary>
    public const string DroppedMetricName = "distric_internal_log_entries_dropped_total";

    /// <summary>Name of the counter of entries dropped because they exceeded <see cref="MaxEntryBytes"/>.</summary>
    public const string OversizedDroppedMetricName = "distric_internal_log_oversized_entries_dropped_total";

    /// <summary>Name of the gauge of queue fill (0 to 1).</summary>
    public const string QueueFillRatioMetricName = "distric_internal_log_queue_fill_ratio";

    /// <summary>Name of the gauge that is 1 while the writer's last output operation succeeded, else 0.</summary>
    public const string WriterHealthyMetricName = "distric_internal_log_writer_healthy";

    /// <summary>
    /// Registers this logger's self-monitoring metrics in <paramref name="registry"/>: the counters
    /// <see cref="DroppedMetricName"/> and <see cref="OversizedDroppedMetricName"/> and the gauges
    /// <see cref="QueueFillRatioMetricName"/> (0 to 1) and <see cref="WriterHealthyMetricName"/> (0/1). They are read
    /// at scrape time and cost nothing on the logging path. One logger per registry (the names are fixed).
    /// </summary>
    /// <param name="registry">Target registry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="MetricRegistrationException">The names are already registered, or the registry is frozen.</exception>
    public void RegisterMetrics(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.CreateObservableCounter(DroppedMetricName, "Log entries dropped because the queue was full", () => DroppedCount);
        registry.CreateObservableCounter(OversizedDroppedMetricName, "Log entries dropped because they exceeded the maximum entry size", () => OversizedDropCount);
        registry.CreateObservableGauge(QueueFillRatioMetricName, "Fraction of the log queue's bytes reserved by entries not yet written, 0 to 1 (0 in synchronous mode)", () => QueueFillRatio);
        registry.CreateObservableGauge(WriterHealthyMetricName, "1 while the log writer's last write or flush succeeded and it is not stalled, else 0", () => IsWriterHealthy ? 1 : 0);
    }

    /// <summary><paramref name="usedBytes"/> as a fraction of <paramref name="capacity"/>, clamped to 0..1.</summary>
    /// <remarks>
    /// The ring's used bytes are head minus tail read one after the other, not as one snapshot: a producer or the
    /// writer moving in between can make the difference briefly negative or larger than the ring. A ratio gauge
    /// promises 0 to 1, so such a torn read is clamped rather than exported.
    /// </remarks>
    internal static double FillRatio(long usedBytes, int capacity) =>
        capacity <= 0 ? 0 : Math.Clamp((double)usedBytes / capacity, 0.0, 1.0);
}
