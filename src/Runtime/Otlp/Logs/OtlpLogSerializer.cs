using System;
using DistriC.Otlp.Protobuf;

namespace DistriC.Otlp.Logs;

/// <summary>
/// Wraps encoded LogRecords in an OTLP <c>ExportLogsServiceRequest</c>
/// (<c>opentelemetry/proto/collector/logs/v1/logs_service.proto</c>): one <c>ResourceLogs</c> with the pre-encoded
/// resource and one <c>ScopeLogs</c> holding the records. Field numbers are the spec's.
/// </summary>
internal static class OtlpLogSerializer
{
    /// <summary>The instrumentation scope name log records are sent under.</summary>
    public const string ScopeName = "DistriC.JsonLogger";

    /// <summary><c>ScopeLogs.log_records</c>: the field the encoder writes each record as.</summary>
    public const int ScopeLogsLogRecords = 2;

    private const int RequestResourceLogs = 1;
    private const int ResourceLogsResource = 1;
    private const int ResourceLogsScopeLogs = 2;
    private const int ScopeLogsScope = 1;

    /// <summary>Writes the request into <paramref name="request"/> (reset first), copying <paramref name="records"/> in as they are.</summary>
    public static void Write(ProtoBuffer request, OtlpResource resource, ReadOnlySpan<byte> records)
    {
        request.Reset();
        int resourceLogs = request.BeginMessage(RequestResourceLogs);
        int resourceMessage = request.BeginMessage(ResourceLogsResource);
        request.WriteRaw(resource.EncodedAttributes);
        request.EndMessage(resourceMessage);
        int scopeLogs = request.BeginMessage(ResourceLogsScopeLogs);
        OtlpCommon.WriteScope(request, ScopeLogsScope, ScopeName, OtlpResource.SdkVersion);
        request.WriteRaw(records);
        request.EndMessage(scopeLogs);
        request.EndMessage(resourceLogs);
    }
}
