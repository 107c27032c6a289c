namespace DistriC;

/// <summary>The three OTLP signals; each has its own endpoint path and environment variables.</summary>
public enum OtlpSignal
{
    /// <summary>Spans, posted to <c>/v1/traces</c>.</summary>
    Traces,
    /// <summary>Log records, posted to <c>/v1/logs</c>.</summary>
    Logs,
    /// <summary>Metric data points, posted to <c>/v1/metrics</c>.</summary>
    Metrics,
}
