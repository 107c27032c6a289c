using System;
using DistriC.Otlp.Json;

namespace DistriC.Otlp.Traces;

/// <summary>
/// Encodes a batch of finished spans as an <c>ExportTraceServiceRequest</c> in the OTLP/HTTP JSON encoding (the protobuf
/// JSON mapping with OTLP's deviations: lowerCamelCase names, trace and span IDs as hex strings, enums as integers, 64-bit
/// integers as decimal strings, default values left out). The same content as <see cref="OtlpTraceSerializer"/>.
/// </summary>
internal static class OtlpTraceJsonSerializer
{
    /// <summary>Writes the request into <paramref name="json"/> (reset first).</summary>
    public static void Write(OtlpJsonBuffer json, OtlpResource resource, ReadOnlySpan<FinishedSpan> batch)
    {
        OtlpJsonCommon.BeginRequest(json, "\"resourceSpans\""u8, "\"scopeSpans\""u8, "\"spans\""u8, resource, OtlpTraceSerializer.ScopeName);
        foreach (FinishedSpan span in batch)
        {
            WriteSpan(json, span);
        }

        OtlpJsonCommon.EndRequest(json);
    }

    private static void WriteSpan(OtlpJsonBuffer json, in FinishedSpan span)
    {
        SpanRecord? record = span.CheckedRecord;
        json.StartObject();
        json.Name("\"traceId\""u8);
        json.HexString(span.TraceId.High, span.TraceId.Low);
        json.Name("\"spanId\""u8);
        json.HexString(span.SpanId.Value);
        if (span.Context.TraceState is { } traceState)
        {
            json.Name("\"traceState\""u8);
            json.String(traceState);
        }

        if (span.ParentSpanId.IsValid)
        {
            json.Name("\"parentSpanId\""u8);
            json.HexString(span.ParentSpanId.Value);
        }

        json.Name("\"flags\""u8);
        json.Number(span.TraceFlags);
        json.Name("\"name\""u8);
        json.String(span.Name);
        json.Name("\"kind\""u8);
        json.Number(OtlpTraceSerializer.WireKind(span.Kind));
        json.Name("\"startTimeUnixNano\""u8);
        json.UInt64String(span.StartUnixNanos);
        json.Name("\"endTimeUnixNano\""u8);
        json.UInt64String(span.EndUnixNanos);
        if (record is not null)
        {
            WriteTagsAndEvents(json, record);
        }

        if (span.Status != SpanStatus.Unset)
        {
            json.Name("\"status\""u8);
            json.StartObject();
            json.Name("\"code\""u8);
            json.Number((int)span.Status);
            json.EndObject();
        }

        json.EndObject();
    }

    private static void WriteTagsAndEvents(OtlpJsonBuffer json, SpanRecord record)
    {
        OtlpJsonCommon.WriteAttributes(json, record.Tags.AsSpan(0, record.TagCount));
        if (record.DroppedTagCount > 0)
        {
            json.Name("\"droppedAttributesCount\""u8);
            json.Number(record.DroppedTagCount);
        }

        if (record.EventCount > 0)
        {
            json.Name("\"events\""u8);
            json.StartArray();
            foreach (ref readonly SpanEvent spanEvent in record.Events.AsSpan(0, record.EventCount))
            {
                json.StartObject();
                json.Name("\"timeUnixNano\""u8);
                json.UInt64String(spanEvent.UnixNanos);
                json.Name("\"name\""u8);
                json.String(spanEvent.Name);
                OtlpJsonCommon.WriteAttributes(json, spanEvent.Attributes);
                if (spanEvent.DroppedAttributeCount > 0)
                {
                    json.Name("\"droppedAttributesCount\""u8);
                    json.Number(spanEvent.DroppedAttributeCount);
                }

                json.EndObject();
            }

            json.EndArray();
        }

        if (record.DroppedEventCount > 0)
        {
            json.Name("\"droppedEventsCount\""u8);
            json.Number(record.DroppedEventCount);
        }
    }
}
