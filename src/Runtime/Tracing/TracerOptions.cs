using System;

namespace DistriC;

/// <summary>Configuration of a <see cref="Tracer"/>.</summary>
public sealed class TracerOptions
{
    /// <summary>Largest accepted <see cref="BufferCapacity"/>.</summary>
    public const int MaxBufferCapacity = 1 << 20;

    /// <summary>Receives batches of finished spans on the export thread. Required.</summary>
    public ISpanExporter? Exporter { get; init; }

    /// <summary>Keep/drop ratios in normal operation and under backpressure.</summary>
    public SamplingOptions Sampling { get; init; } = new();

    /// <summary>
    /// Capacity of the queue of finished spans awaiting export, rounded up to a power of two (default 2048).
    /// A span finished while the queue is full is dropped and counted.
    /// </summary>
    public int BufferCapacity { get; init; } = 2048;

    /// <summary>Longest time a finished span waits for export when the queue holds less than one batch. Default 5 s.</summary>
    public TimeSpan ExportInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most spans handed to one <see cref="ISpanExporter.Export"/> call (default 512).</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>Most tags per span (default 16); further tags are rejected and counted.</summary>
    public int MaxTags { get; init; } = 16;

    /// <summary>Longest tag key, in characters (default 64); a longer key is rejected and counted.</summary>
    public int MaxTagKeyLength { get; init; } = 64;

    /// <summary>Longest tag value, in characters (default 256); a longer value is rejected and counted.</summary>
    public int MaxTagValueLength { get; init; } = 256;

    /// <summary>
    /// Most events per span (default 8; OpenTelemetry's limit is 128, but DistriC preallocates the storage of every pooled
    /// span that records one); further events are dropped and counted in the span's <see cref="FinishedSpan.DroppedEventCount"/>
    /// and in <see cref="TracerStats.EventsDropped"/>.
    /// </summary>
    public int MaxEvents { get; init; } = 8;

    /// <summary>
    /// Most attributes per span event (default 4); further ones, and ones over the key and value length limits, are dropped
    /// and counted in the event's <see cref="SpanEvent.DroppedAttributeCount"/> and in <see cref="TracerStats.TagsDropped"/>.
    /// </summary>
    public int MaxEventAttributes { get; init; } = 4;

    /// <summary>How long <see cref="Tracer.Dispose"/> waits for the final export (default 5 s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Clock for span timestamps, the sampling evaluation timer and exporter liveness. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (Exporter is null)
        {
            throw new ArgumentException("TracerOptions.Exporter is required.", nameof(Exporter));
        }

        ArgumentNullException.ThrowIfNull(Sampling);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        Sampling.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BufferCapacity, MaxBufferCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ExportInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTags);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTagKeyLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTagValueLength);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEvents);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEventAttributes);
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero);
    }
}
