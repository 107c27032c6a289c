using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using DistriC.Otlp.Protobuf;

namespace DistriC.Otlp.Logs;

/// <summary>
/// Turns one encoded JSON log line, as the <see cref="JsonLogger"/> wrote it, into an OTLP <c>LogRecord</c>
/// (<c>opentelemetry/proto/logs/v1/logs.proto</c>) in one pass over the bytes, with
/// <see cref="Utf8JsonReader"/> (allocation-free over a span) and a scratch buffer reused for escaped strings.
/// </summary>
/// <remarks>
/// <para>Mapping: <c>timestamp</c> (Unix ms) is the record's time and observed time; <c>level</c> its severity number
/// (DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21) and text; <c>message</c> its body; <c>trace_id</c>/<c>span_id</c>
/// (hex) its trace and span ID bytes. Every other top-level field, <c>component</c> included, is an attribute whose
/// value keeps its JSON type: a string is a string, an integer that fits 64 bits an int, another number a double (an
/// integer too large for 64 bits stays exact as a string), true/false a bool, null an empty value, an object (e.g. an
/// exception) a key-value list and an array an array.</para>
/// <para>A line that is not a JSON object (no DistriC producer writes one) is not lost: it becomes a record whose body
/// is the whole line. One instance per exporter, used by one thread at a time (the logger's writer).</para>
/// </remarks>
internal sealed class OtlpLogRecordEncoder : IDisposable
{
    private const int RecordTime = 1;
    private const int RecordSeverityNumber = 2;
    private const int RecordSeverityText = 3;
    private const int RecordBody = 5;
    private const int RecordAttributes = 6;
    private const int RecordTraceId = 9;
    private const int RecordSpanId = 10;
    private const int RecordObservedTime = 11;

    private const int KeyValueKey = 1;
    private const int KeyValueValue = 2;
    private const int AnyString = 1;
    private const int AnyBool = 2;
    private const int AnyInt = 3;
    private const int AnyDouble = 4;
    private const int AnyArray = 5;
    private const int AnyKeyValueList = 6;
    private const int ListValues = 1;

    // Deeper than any line the logger writes (an exception is one level); deeper input falls back to the whole-line body.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(4096);
    private char[] _chars = [];

    /// <summary>Severity number of a DistriC level name, 0 (unspecified) for any other text.</summary>
    public static int SeverityNumber(ReadOnlySpan<byte> level) => level switch
    {
        _ when level.SequenceEqual("DEBUG"u8) => 5,
        _ when level.SequenceEqual("INFO"u8) => 9,
        _ when level.SequenceEqual("WARN"u8) => 13,
        _ when level.SequenceEqual("ERROR"u8) => 17,
        _ when level.SequenceEqual("FATAL"u8) => 21,
        _ => 0,
    };

    /// <summary>Appends <paramref name="line"/> (one JSON object, trailing newline optional) as a LogRecord in field <paramref name="field"/>.</summary>
    public void Write(ProtoBuffer buffer, int field, ReadOnlySpan<byte> line)
    {
        if (_scratch.Length < line.Length)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(line.Length);
        }

        int start = buffer.Length;
        int record = buffer.BeginMessage(field);
        try
        {
            WriteFields(buffer, line);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not a JSON object, or a string the reader cannot unescape: keep the line itself rather than lose it.
            buffer.Truncate(start);
            record = buffer.BeginMessage(field);
            int body = buffer.BeginMessage(RecordBody);
            WriteTextValue(buffer, AnyString, line.TrimEnd((byte)'\n'));
            buffer.EndMessage(body);
        }

        buffer.EndMessage(record);
    }

    public void Dispose()
    {
        byte[] scratch = _scratch;
        _scratch = [];
        if (scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void WriteFields(ProtoBuffer buffer, ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("not an object");
        }

        bool time = false, level = false, message = false, traceId = false, spanId = false;
        Span<byte> id = stackalloc byte[16];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan;
            // The name lives in _scratch when escaped: take what the fixed fields need before reading the value.
            FixedField kind = Classify(name, time, level, message, traceId, spanId);
            int keyValue = 0;
            if (kind == FixedField.None)
            {
                keyValue = buffer.BeginMessage(RecordAttributes);
                WriteTextValue(buffer, KeyValueKey, name);
            }

            reader.Read();
            switch (kind)
            {
                case FixedField.Timestamp when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long ms) && ms >= 0:
                    ulong nanos = unchecked((ulong)ms * 1_000_000);
                    buffer.WriteFixed64Field(RecordTime, nanos);
                    buffer.WriteFixed64Field(RecordObservedTime, nanos);
                    time = true;
                    continue;
                case FixedField.Level when reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped:
                    int severity = SeverityNumber(reader.ValueSpan);
                    if (severity != 0)
                    {
                        buffer.WriteVarintField(RecordSeverityNumber, (ulong)severity);
                    }

                    WriteTextValue(buffer, RecordSeverityText, reader.ValueSpan);
                    level = true;
                    continue;
                case FixedField.Message when reader.TokenType == JsonTokenType.String:
                    int body = buffer.BeginMessage(RecordBody);
                    WriteString(buffer, ref reader);
                    buffer.EndMessage(body);
                    message = true;
                    continue;
                case FixedField.TraceId when TryWriteId(buffer, RecordTraceId, ref reader, id):
                    traceId = true;
                    continue;
                case FixedField.SpanId when TryWriteId(buffer, RecordSpanId, ref reader, id[..8]):
                    spanId = true;
                    continue;
            }

            if (kind != FixedField.None)
            {
                // A fixed name with a value of another shape (no DistriC producer writes one): keep it as an attribute.
                keyValue = buffer.BeginMessage(RecordAttributes);
                buffer.WriteStringField(KeyValueKey, FixedName(kind));
            }

            int any = buffer.BeginMessage(KeyValueValue);
            WriteValue(buffer, ref reader);
            buffer.EndMessage(any);
            buffer.EndMessage(keyValue);
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("unterminated object");
        }
    }

    /// <summary>The current token (a value) as the fields of an <c>AnyValue</c>.</summary>
    private void WriteValue(ProtoBuffer buffer, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                WriteString(buffer, ref reader);
                break;
            case JsonTokenType.Number:
                WriteNumber(buffer, ref reader);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                // proto3 oneof: a set member is written even when it holds the default, so false stays a bool.
                buffer.WriteVarintField(AnyBool, reader.TokenType == JsonTokenType.True ? 1UL : 0UL);
                break;
            case JsonTokenType.Null:
                break; // an empty AnyValue: OTLP's "no value"
            case JsonTokenType.StartObject:
                int list = buffer.BeginMessage(AnyKeyValueList);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    int keyValue = buffer.BeginMessage(ListValues);
                    WriteTextValue(buffer, KeyValueKey, reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan);
                    reader.Read();
                    int any = buffer.BeginMessage(KeyValueValue);
                    WriteValue(buffer, ref reader);
                    buffer.EndMessage(any);
                    buffer.EndMessage(keyValue);
                }

                buffer.EndMessage(list);
                break;
            case JsonTokenType.StartArray:
                int array = buffer.BeginMessage(AnyArray);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    int item = buffer.BeginMessage(ListValues);
                    WriteValue(buffer, ref reader);
                    buffer.EndMessage(item);
                }

                buffer.EndMessage(array);
                break;
            default:
                throw new JsonException("unexpected token " + reader.TokenType);
        }
    }

    private static void WriteNumber(ProtoBuffer buffer, ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out long integer))
        {
            buffer.WriteVarintField(AnyInt, unchecked((ulong)integer));
        }
        else if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            // An integer beyond 64 bits (a large ulong or decimal): its exact text, not a rounded double.
            buffer.WriteBytesField(AnyString, reader.ValueSpan);
        }
        else
        {
            buffer.WriteDoubleField(AnyDouble, reader.GetDouble());
        }
    }

    private void WriteString(ProtoBuffer buffer, ref Utf8JsonReader reader) =>
        WriteTextValue(buffer, AnyString, reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan);

    /// <summary>Writes UTF-8 text as a string field; invalid UTF-8 (which a receiver would reject the whole request for) is repaired with U+FFFD.</summary>
    private void WriteTextValue(ProtoBuffer buffer, int field, ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            buffer.WriteBytesField(field, utf8);
            return;
        }

        if (_chars.Length < utf8.Length)
        {
            _chars = new char[utf8.Length];
        }

        Utf8.ToUtf16(utf8, _chars, out _, out int chars, replaceInvalidSequences: true);
        buffer.WriteStringField(field, _chars.AsSpan(0, chars));
    }

    /// <summary>The current string or property name unescaped into the scratch buffer (valid until the next call).</summary>
    private ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader) => _scratch.AsSpan(0, reader.CopyString(_scratch));

    private static bool TryWriteId(ProtoBuffer buffer, int field, ref Utf8JsonReader reader, scoped Span<byte> id)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !TryParseHex(reader.ValueSpan, id))
        {
            return false;
        }

        buffer.WriteBytesField(field, id);
        return true;
    }

    /// <summary>Exactly <c>2 × destination.Length</c> hex digits, not all zero (an invalid ID in W3C Trace Context).</summary>
    private static bool TryParseHex(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        int any = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            int high = HexValue(hex[2 * i]);
            int low = HexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
            any |= destination[i];
        }

        return any != 0;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static FixedField Classify(ReadOnlySpan<byte> name, bool time, bool level, bool message, bool traceId, bool spanId) => name switch
    {
        _ when !time && name.SequenceEqual("timestamp"u8) => FixedField.Timestamp,
        _ when !level && name.SequenceEqual("level"u8) => FixedField.Level,
        _ when !message && name.SequenceEqual("message"u8) => FixedField.Message,
        _ when !traceId && name.SequenceEqual("trace_id"u8) => FixedField.TraceId,
        _ when !spanId && name.SequenceEqual("span_id"u8) => FixedField.SpanId,
        _ => FixedField.None,
    };

    private static string FixedName(FixedField kind) => kind switch
    {
        FixedField.Timestamp => "timestamp",
        FixedField.Level => "level",
        FixedField.Message => "message",
        FixedField.TraceId => "trace_id",
        _ => "span_id",
    };

    private enum FixedField
    {
        None,
        Timestamp,
        Level,
        Message,
        TraceId,
        SpanId,
    }
}
