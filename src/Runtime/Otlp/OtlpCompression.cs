namespace DistriC;

/// <summary>Request body compression (<c>OTEL_EXPORTER_OTLP_COMPRESSION</c>).</summary>
public enum OtlpCompression
{
    /// <summary>Bodies are sent as they are (the default).</summary>
    None,
    /// <summary>Bodies are gzip-compressed and sent with <c>Content-Encoding: gzip</c>.</summary>
    Gzip,
}
