namespace DistriC;

/// <summary>The OTLP transport and encoding (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP/HTTP with binary protobuf bodies (<c>http/protobuf</c>), the specification's default.</summary>
    HttpProtobuf,
    /// <summary>OTLP/HTTP with JSON bodies (<c>http/json</c>).</summary>
    HttpJson,
}
