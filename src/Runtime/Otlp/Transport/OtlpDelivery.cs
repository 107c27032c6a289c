namespace DistriC.Otlp.Transport;

/// <summary>How one batch ended, after every attempt it was given.</summary>
internal enum OtlpDelivery
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>The receiver answered with a status that retrying cannot fix (400, 401, 404, 413, ...): the batch is dropped.</summary>
    Rejected,
    /// <summary>Every attempt failed with a retryable outcome (429, 502, 503, 504, timeout, connection failure), or a Retry-After exceeded the budget.</summary>
    RetriesExhausted,
}
