namespace DistriC;

/// <summary>
/// The OTLP transport and encoding (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>). Both OTLP/HTTP encodings are implemented;
/// <c>grpc</c> is rejected with a message (it needs an HTTP/2 gRPC stack the core package does not carry).
/// </summary>
public enum OtlpProtocol
{
    /// <summary>OTLP/HTTP with binary protobuf bodies (<c>http/protobuf</c>, <c>Content-Type: application/x-protobuf</c>), the specification's default.</summary>
    HttpProtobuf,

    /// <summary>
    /// OTLP/HTTP with JSON bodies (<c>http/json</c>, <c>Content-Type: application/json</c>): larger and slower to encode than
    /// protobuf, for receivers or proxies that only take JSON, or to read the requests.
    /// </summary>
    HttpJson,
}
