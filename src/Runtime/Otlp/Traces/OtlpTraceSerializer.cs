using System;
using System.Buffers.Binary;
using DistriC.Otlp.Protobuf;

namespace DistriC.Otlp.Traces;

/// <summary>
/// Encodes a batch of finished spans as an OTLP <c>ExportTraceServiceRequest</c>
/// (<c>opentelemetry/proto/collector/trace/v1/trace_service.proto</c>): one <c>ResourceSpans</c> with the pre-encoded
/// resource and one <c>ScopeSpans</c> holding every span. Field numbers are the spec's.
/// </summary>
internal static class OtlpTraceSerializer
{
    /// <summary>The instrumentation scope name spans are sent under.</summary>
    public const string ScopeName = "DistriC.Tracer";

    private const int RequestResourceSpans = 1;
    private const int ResourceSpansResource = 1;
    private const int ResourceSpansScopeSpans = 2;
    private const int ScopeSpansScope = 1;
    private const int ScopeSpansSpans = 2;

    private const int SpanTraceId = 1;
    private const int SpanSpanId = 2;
    private const int SpanParentSpanId = 4;
    private const int SpanName = 5;
    private const int SpanKindField = 6;
    private const int SpanStartTime = 7;
    private const int SpanEndTime = 8;
    private const int SpanAttributes = 9;
    private const int SpanStatusField = 15;
    private const int SpanFlags = 16;
    private const int StatusCode = 3;

    /// <summary>Writes the request into <paramref name="buffer"/> (reset first).</summary>
    public static void Write(ProtoBuffer buffer, OtlpResource resource, ReadOnlySpan<FinishedSpan> batch)
    {
        buffer.Reset();
        int resourceSpans = buffer.BeginMessage(RequestResourceSpans);
        int resourceMessage = buffer.BeginMessage(ResourceSpansResource);
        buffer.WriteRaw(resource.EncodedAttributes);
        buffer.EndMessage(resourceMessage);
        int scopeSpans = buffer.BeginMessage(ResourceSpansScopeSpans);
        OtlpCommon.WriteScope(buffer, ScopeSpansScope, ScopeName, OtlpResource.SdkVersion);
        foreach (FinishedSpan span in batch)
        {
            WriteSpan(buffer, span);
        }

        buffer.EndMessage(scopeSpans);
        buffer.EndMessage(resourceSpans);
    }

    private static void WriteSpan(ProtoBuffer buffer, in FinishedSpan span)
    {
        int message = buffer.BeginMessage(ScopeSpansSpans);
        Span<byte> id = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(id, span.TraceId.High);
        BinaryPrimitives.WriteUInt64BigEndian(id[8..], span.TraceId.Low);
        buffer.WriteBytesField(SpanTraceId, id);
        BinaryPrimitives.WriteUInt64BigEndian(id, span.SpanId.Value);
        buffer.WriteBytesField(SpanSpanId, id[..8]);
        if (span.ParentSpanId.IsValid)
        {
            BinaryPrimitives.WriteUInt64BigEndian(id, span.ParentSpanId.Value);
            buffer.WriteBytesField(SpanParentSpanId, id[..8]);
        }

        buffer.WriteStringField(SpanName, span.Name);
        buffer.WriteVarintField(SpanKindField, WireKind(span.Kind));
        buffer.WriteFixed64Field(SpanStartTime, span.StartUnixNanos);
        buffer.WriteFixed64Field(SpanEndTime, span.EndUnixNanos);
        foreach (SpanTag tag in span.Tags)
        {
            OtlpCommon.WriteStringAttribute(buffer, SpanAttributes, tag.Key, tag.Value);
        }

        if (span.Status != SpanStatus.Unset)
        {
            int status = buffer.BeginMessage(SpanStatusField);
            buffer.WriteVarintField(StatusCode, (ulong)span.Status);
            buffer.EndMessage(status);
        }

        buffer.WriteFixed32Field(SpanFlags, span.TraceFlags);
        buffer.EndMessage(message);
    }

    // OTLP numbers the kinds from SPAN_KIND_UNSPECIFIED = 0: INTERNAL 1, SERVER 2, CLIENT 3, PRODUCER 4, CONSUMER 5.
    private static ulong WireKind(SpanKind kind) => kind switch
    {
        SpanKind.Server => 2,
        SpanKind.Client => 3,
        SpanKind.Producer => 4,
        SpanKind.Consumer => 5,
        _ => 1,
    };
}
