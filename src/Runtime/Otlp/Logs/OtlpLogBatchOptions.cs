using System;

namespace DistriC;

/// <summary>
/// How an <see cref="OtlpLogExporter"/> batches log records: the defaults are those of OpenTelemetry's batch log record
/// processor (<c>OTEL_BLRP_*</c>): up to 2048 records queued, sent in requests of up to 512 every second.
/// </summary>
public sealed record OtlpLogBatchOptions
{
    /// <summary>The longest a record waits before its batch is sent (default 1 s); a full batch is sent at once.</summary>
    public TimeSpan ScheduleDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Records that can wait for the receiver (default 2048), the batch being sent included; while all are taken,
    /// further lines are dropped and counted as <see cref="OtlpExporterStats.Dropped"/>.
    /// </summary>
    public int MaxQueueSize { get; init; } = 2048;

    /// <summary>Most records per request (default 512); a batch is also sent once its encoding reaches 1 MiB.</summary>
    public int MaxExportBatchSize { get; init; } = 512;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ScheduleDelay, TimeSpan.Zero, nameof(ScheduleDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ScheduleDelay, TimeSpan.FromMilliseconds(int.MaxValue), nameof(ScheduleDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxExportBatchSize, 1, nameof(MaxExportBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueueSize, MaxExportBatchSize, nameof(MaxQueueSize));
    }
}
