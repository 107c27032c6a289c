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
    private const int SpanTraceState = 3;
    private const int SpanParentSpanId = 4;
    private const int SpanName = 5;
    private const int SpanKindField = 6;
    private const int SpanStartTime = 7;
    private const int SpanEndTime = 8;
    private const int SpanAttributes = 9;
    private const int SpanDroppedAttributes = 10;
    private const int SpanEvents = 11;
    private const int SpanDroppedEvents = 12;
    private const int SpanStatusField = 15;
    private const int SpanFlags = 16;
    private const int StatusCode = 3;
    private const int HeadBytes = 66;
    private const int EventTime = 1;
    private const int EventName = 2;
    private const int EventAttributes = 3;
    private const int EventDroppedAttributes = 4;

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
        SpanRecord? record = span.CheckedRecord;
        int message = buffer.BeginMessage(ScopeSpansSpans);

        // The fixed-size fields first, laid out in one span: IDs, kind and both times (at most 66 bytes).
        Span<byte> head = buffer.GetSpan(HeadBytes);
        head[0] = Tag(SpanTraceId, WireType.LengthDelimited);
        head[1] = 16;
        BinaryPrimitives.WriteUInt64BigEndian(head[2..], span.TraceId.High);
        BinaryPrimitives.WriteUInt64BigEndian(head[10..], span.TraceId.Low);
        head[18] = Tag(SpanSpanId, WireType.LengthDelimited);
        head[19] = 8;
        BinaryPrimitives.WriteUInt64BigEndian(head[20..], span.SpanId.Value);
        int offset = 28;
        if (span.ParentSpanId.IsValid)
        {
            head[28] = Tag(SpanParentSpanId, WireType.LengthDelimited);
            head[29] = 8;
            BinaryPrimitives.WriteUInt64BigEndian(head[30..], span.ParentSpanId.Value);
            offset = 38;
        }

        head[offset] = Tag(SpanKindField, WireType.Varint);
        head[offset + 1] = WireKind(span.Kind);
        head[offset + 2] = Tag(SpanStartTime, WireType.Fixed64);
        BinaryPrimitives.WriteUInt64LittleEndian(head[(offset + 3)..], span.StartUnixNanos);
        head[offset + 11] = Tag(SpanEndTime, WireType.Fixed64);
        BinaryPrimitives.WriteUInt64LittleEndian(head[(offset + 12)..], span.EndUnixNanos);
        buffer.Advance(offset + 20);

        if (span.Context.TraceState is { } traceState)
        {
            buffer.WriteStringField(SpanTraceState, traceState);
        }

        buffer.WriteStringField(SpanName, span.Name);
        if (record is not null)
        {
            WriteTagsAndEvents(buffer, record);
        }

        // Status (only when set) and the trace flags, the last fields, in one span as well.
        Span<byte> tail = buffer.GetSpan(10);
        int end = 0;
        if (span.Status != SpanStatus.Unset)
        {
            tail[0] = Tag(SpanStatusField, WireType.LengthDelimited);
            tail[1] = 2;
            tail[2] = Tag(StatusCode, WireType.Varint);
            tail[3] = (byte)span.Status;
            end = 4;
        }

        // Field 16 needs a two-byte tag: (16 << 3 | fixed32) as a varint.
        tail[end] = 0x80 | ((SpanFlags << 3) & 0x7F) | (byte)WireType.Fixed32;
        tail[end + 1] = SpanFlags >> 4;
        BinaryPrimitives.WriteUInt32LittleEndian(tail[(end + 2)..], span.TraceFlags);
        buffer.Advance(end + 6);
        buffer.EndMessage(message);
    }

    private static void WriteTagsAndEvents(ProtoBuffer buffer, SpanRecord record)
    {
        foreach (ref readonly SpanTag tag in record.Tags.AsSpan(0, record.TagCount))
        {
            OtlpCommon.WriteAttribute(buffer, SpanAttributes, tag);
        }

        if (record.DroppedTagCount > 0)
        {
            buffer.WriteVarintField(SpanDroppedAttributes, (uint)record.DroppedTagCount);
        }

        foreach (ref readonly SpanEvent spanEvent in record.Events.AsSpan(0, record.EventCount))
        {
            int eventMessage = buffer.BeginMessage(SpanEvents);
            buffer.WriteFixed64Field(EventTime, spanEvent.UnixNanos);
            buffer.WriteStringField(EventName, spanEvent.Name);
            foreach (ref readonly SpanTag attribute in spanEvent.Attributes)
            {
                OtlpCommon.WriteAttribute(buffer, EventAttributes, attribute);
            }

            if (spanEvent.DroppedAttributeCount > 0)
            {
                buffer.WriteVarintField(EventDroppedAttributes, (uint)spanEvent.DroppedAttributeCount);
            }

            buffer.EndMessage(eventMessage);
        }

        if (record.DroppedEventCount > 0)
        {
            buffer.WriteVarintField(SpanDroppedEvents, (uint)record.DroppedEventCount);
        }
    }

    private static byte Tag(int field, WireType type) => (byte)((field << 3) | (int)type);

    // OTLP numbers the kinds from SPAN_KIND_UNSPECIFIED = 0: INTERNAL 1, SERVER 2, CLIENT 3, PRODUCER 4, CONSUMER 5.
    internal static byte WireKind(SpanKind kind) => kind switch
    {
        SpanKind.Server => 2,
        SpanKind.Client => 3,
        SpanKind.Producer => 4,
        SpanKind.Consumer => 5,
        _ => 1,
    };
}
