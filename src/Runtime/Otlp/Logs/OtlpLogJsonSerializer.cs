using System;
using DistriC.Otlp.Json;
using DistriC.Otlp.Protobuf;
using static DistriC.Otlp.Logs.LogRecordFields;

namespace DistriC.Otlp.Logs;

/// <summary>
/// The OTLP/HTTP JSON body of a batch of logs, produced on the export thread from the batch's protobuf records: the
/// logger's writer thread encodes each line once, in protobuf, whichever protocol is configured, and this transcodes
/// the batch field by field into the OTLP JSON mapping (<c>resourceLogs</c>/<c>scopeLogs</c>/<c>logRecords</c>, lower-case
/// hex IDs, 64-bit integers and times as decimal strings, enums as integers, <c>bytes</c> as base64). It reuses the
/// exporter's JSON buffer, so it allocates nothing per record.
/// </summary>
internal static class OtlpLogJsonSerializer
{
    /// <summary>Writes the request for <paramref name="records"/> (each a <c>ScopeLogs.log_records</c> field) into <paramref name="json"/> (reset first).</summary>
    public static void Write(OtlpJsonBuffer json, OtlpResource resource, ReadOnlySpan<byte> records)
    {
        OtlpJsonCommon.BeginRequest(json, "\"resourceLogs\""u8, "\"scopeLogs\""u8, "\"logRecords\""u8, resource, OtlpLogSerializer.ScopeName);
        var reader = new ProtoReader(records);
        while (reader.Next())
        {
            if (reader.Field == OtlpLogSerializer.ScopeLogsLogRecords && reader.WireType == 2)
            {
                WriteRecord(json, reader.Bytes);
            }
        }

        OtlpJsonCommon.EndRequest(json);
    }

    private static void WriteRecord(OtlpJsonBuffer json, ReadOnlySpan<byte> record)
    {
        json.StartObject();
        bool hasAttributes = false;
        var reader = new ProtoReader(record);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case RecordTime:
                    json.Name("\"timeUnixNano\""u8);
                    json.UInt64String(reader.Scalar);
                    break;
                case RecordObservedTime:
                    json.Name("\"observedTimeUnixNano\""u8);
                    json.UInt64String(reader.Scalar);
                    break;
                case RecordSeverityNumber:
                    json.Name("\"severityNumber\""u8);
                    json.Number((long)reader.Scalar);
                    break;
                case RecordSeverityText:
                    json.Name("\"severityText\""u8);
                    json.StringUtf8(reader.Bytes);
                    break;
                case RecordBody:
                    json.Name("\"body\""u8);
                    WriteAnyValue(json, reader.Bytes);
                    break;
                case RecordAttributes:
                    hasAttributes = true;
                    break;
                case RecordDroppedAttributes:
                    json.Name("\"droppedAttributesCount\""u8);
                    json.Number((long)reader.Scalar);
                    break;
                case RecordFlags:
                    json.Name("\"flags\""u8);
                    json.Number((long)reader.Scalar);
                    break;
                case RecordTraceId:
                    json.Name("\"traceId\""u8);
                    json.HexString(reader.Bytes);
                    break;
                case RecordSpanId:
                    json.Name("\"spanId\""u8);
                    json.HexString(reader.Bytes);
                    break;
                case RecordEventName:
                    json.Name("\"eventName\""u8);
                    json.StringUtf8(reader.Bytes);
                    break;
            }
        }

        // The encoder writes attributes where the line has its fields, around the body; JSON needs them in one array
        // (a second "attributes" member would replace the first in most parsers), so they are gathered in a second pass.
        if (hasAttributes)
        {
            json.Name("\"attributes\""u8);
            json.StartArray();
            reader = new ProtoReader(record);
            while (reader.Next())
            {
                if (reader.Field == RecordAttributes)
                {
                    WriteKeyValue(json, reader.Bytes);
                }
            }

            json.EndArray();
        }

        json.EndObject();
    }

    private static void WriteKeyValue(OtlpJsonBuffer json, ReadOnlySpan<byte> keyValue)
    {
        json.StartObject();
        var reader = new ProtoReader(keyValue);
        while (reader.Next())
        {
            if (reader.Field == KeyValueKey)
            {
                json.Name("\"key\""u8);
                json.StringUtf8(reader.Bytes);
            }
            else if (reader.Field == KeyValueValue)
            {
                json.Name("\"value\""u8);
                WriteAnyValue(json, reader.Bytes);
            }
        }

        json.EndObject();
    }

    // An AnyValue with no field set (a JSON null in the line) is the empty object, as the mapping writes an unset oneof.
    private static void WriteAnyValue(OtlpJsonBuffer json, ReadOnlySpan<byte> value)
    {
        json.StartObject();
        var reader = new ProtoReader(value);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case AnyString:
                    json.Name("\"stringValue\""u8);
                    json.StringUtf8(reader.Bytes);
                    break;
                case AnyBool:
                    json.Name("\"boolValue\""u8);
                    json.Bool(reader.Scalar != 0);
                    break;
                case AnyInt:
                    json.Name("\"intValue\""u8);
                    json.Int64String((long)reader.Scalar);
                    break;
                case AnyDouble:
                    json.Name("\"doubleValue\""u8);
                    json.Double(BitConverter.Int64BitsToDouble((long)reader.Scalar));
                    break;
                case AnyArray:
                    json.Name("\"arrayValue\""u8);
                    WriteList(json, reader.Bytes, keyValues: false);
                    break;
                case AnyKeyValueList:
                    json.Name("\"kvlistValue\""u8);
                    WriteList(json, reader.Bytes, keyValues: true);
                    break;
                case AnyBytes:
                    json.Name("\"bytesValue\""u8);
                    json.Base64String(reader.Bytes);
                    break;
            }
        }

        json.EndObject();
    }

    // ArrayValue and KeyValueList both hold "values" (field 1): AnyValues for one, KeyValues for the other.
    private static void WriteList(OtlpJsonBuffer json, ReadOnlySpan<byte> list, bool keyValues)
    {
        json.StartObject();
        json.Name("\"values\""u8);
        json.StartArray();
        var reader = new ProtoReader(list);
        while (reader.Next())
        {
            if (reader.Field != ListValues)
            {
                continue;
            }

            if (keyValues)
            {
                WriteKeyValue(json, reader.Bytes);
            }
            else
            {
                WriteAnyValue(json, reader.Bytes);
            }
        }

        json.EndArray();
        json.EndObject();
    }
}
