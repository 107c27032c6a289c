namespace DistriC;

/// <summary>
/// Snapshot of an OTLP exporter's counters. Items are spans, log records or metric data points, by signal; every item
/// handed to the exporter ends in exactly one of <see cref="Exported"/>, <see cref="Rejected"/>,
/// <see cref="RetriesExhausted"/> and <see cref="Dropped"/>.
/// </summary>
public readonly record struct OtlpExporterStats
{
    /// <summary>Items in requests the receiver accepted (2xx).</summary>
    public long Exported { get; init; }

    /// <summary>Items dropped because the receiver answered with a status retrying cannot fix (400, 401, 404, 413, ...).</summary>
    public long Rejected { get; init; }

    /// <summary>Items dropped after every attempt failed with a retryable outcome (429, 502, 503, 504, timeout, connection failure).</summary>
    public long RetriesExhausted { get; init; }

    /// <summary>
    /// Items dropped before a request was made: log records that found the <see cref="OtlpLogExporter"/>'s queue full (or
    /// the exporter disposed). Always 0 for spans and metrics, whose producers' queues count their own drops.
    /// </summary>
    public long Dropped { get; init; }

    /// <summary>Batches handed to the exporter (one request body each, sent once or retried).</summary>
    public long Batches { get; init; }

    /// <summary>HTTP attempts made, retries included.</summary>
    public long Requests { get; init; }

    /// <summary>Attempts that were retries.</summary>
    public long Retries { get; init; }

    /// <summary>Attempts abandoned at <see cref="OtlpExporterOptions.Timeout"/>.</summary>
    public long Timeouts { get; init; }

    /// <summary>Attempts that failed to connect or lost the connection.</summary>
    public long ConnectionFailures { get; init; }

    /// <summary>Batches in a row that were not delivered; 0 after a delivered one.</summary>
    public long ConsecutiveFailedBatches { get; init; }

    /// <summary>The status code of the last answer, or 0 when the last attempt got none (timeout, connection failure) or none was made.</summary>
    public int LastStatusCode { get; init; }

    /// <summary>True unless the last batch failed: the receiver is reachable and accepting.</summary>
    public bool IsHealthy => ConsecutiveFailedBatches == 0;
}
