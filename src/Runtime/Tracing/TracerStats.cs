namespace DistriC;

/// <summary>
/// Snapshot of a tracer's counters (each read atomically; exact when no span is being started or finished).
/// Accounting: <c>SpansCreated == SpansSampledIn + SpansSampledOut</c>, and once every recorded span is finished
/// and no export is in flight, <c>SpansSampledIn == SpansExported + SpansFailed + SpansDropped + QueueDepth</c>.
/// </summary>
public readonly record struct TracerStats
{
    /// <summary>Spans started (recording or not).</summary>
    public long SpansCreated { get; init; }

    /// <summary>Spans chosen for recording.</summary>
    public long SpansSampledIn { get; init; }

    /// <summary>Spans not recorded: by the ratio sampler, or because their parent was not recorded.</summary>
    public long SpansSampledOut { get; init; }

    /// <summary>Recorded spans dropped at finish because the export queue was full (or the tracer was disposed).</summary>
    public long SpansDropped { get; init; }

    /// <summary>Spans in batches the exporter accepted.</summary>
    public long SpansExported { get; init; }

    /// <summary>Spans in batches the exporter rejected or threw on.</summary>
    public long SpansFailed { get; init; }

    /// <summary>Calls to <see cref="ISpanExporter.Export"/>.</summary>
    public long ExportsAttempted { get; init; }

    /// <summary>Calls that returned true.</summary>
    public long ExportsSucceeded { get; init; }

    /// <summary>Calls that returned false or threw.</summary>
    public long ExportsFailed { get; init; }

    /// <summary>Tags and span event attributes rejected: over the count limit, key or value too long, or empty key.</summary>
    public long TagsDropped { get; init; }

    /// <summary>Span events rejected by <see cref="TracerOptions.MaxEvents"/>.</summary>
    public long EventsDropped { get; init; }

    /// <summary>Finished spans waiting for export.</summary>
    public int QueueDepth { get; init; }

    /// <summary>Capacity of the export queue.</summary>
    public int QueueCapacity { get; init; }

    /// <summary>True while either backpressure signal (queue fill, drop rate) is raised.</summary>
    public bool InBackpressure { get; init; }

    /// <summary>Configured keep ratio of the current mode (normal or backpressure), 0 to 1.</summary>
    public double EffectiveSampleRatio { get; init; }

    /// <summary>False when the export loop has not completed a cycle within three export intervals (stalled exporter or dead thread).</summary>
    public bool ExporterAlive { get; init; }

    /// <summary>
    /// True unless the last export call failed (returned false or threw); true before the first. An exporter that ships
    /// spans elsewhere (<see cref="OtlpSpanExporter"/>) makes this its delivery health: false while the receiver is
    /// unreachable or refusing, true again once a batch gets through.
    /// </summary>
    public bool LastExportSucceeded { get; init; }
}
