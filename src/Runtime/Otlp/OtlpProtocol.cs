namespace DistriC;

/// <summary>
/// The OTLP transport and encoding (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>). Only OTLP/HTTP protobuf, the specification's
/// default, is implemented; <c>http/json</c> and <c>grpc</c> are rejected with a message.
/// </summary>
public enum OtlpProtocol
{
    /// <summary>OTLP/HTTP with binary protobuf bodies (<c>http/protobuf</c>), the specification's default.</summary>
    HttpProtobuf,
}
