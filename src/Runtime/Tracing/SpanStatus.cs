namespace DistriC;

/// <summary>Outcome of the operation a span covers (OpenTelemetry's status codes).</summary>
public enum SpanStatus
{
    /// <summary>No status was set.</summary>
    Unset = 0,
    /// <summary>The operation succeeded.</summary>
    Ok = 1,
    /// <summary>The operation failed.</summary>
    Error = 2,
}
