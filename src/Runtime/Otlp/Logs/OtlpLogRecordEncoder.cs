using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Unicode;
using DistriC.Otlp.Protobuf;
using static DistriC.Otlp.Logs.LogRecordFields;

namespace DistriC.Otlp.Logs;

/// <summary>
/// Turns one encoded JSON log line, as the <see cref="JsonLogger"/> wrote it, into an OTLP <c>LogRecord</c>
/// (<c>opentelemetry/proto/logs/v1/logs.proto</c>) in one pass over the bytes, with <see cref="JsonLineScanner"/>
/// (allocation-free; strings are slices of the line unless escaped) and a scratch buffer reused for escaped strings.
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
    // Deeper than any line the logger writes (an exception is one level); deeper input falls back to the whole-line body.
    private const int MaxDepth = 16;

    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(4096);
    private readonly FlatLogLineEncoder? _flat;
    private char[] _chars = [];
    private bool _lineIsValidUtf8;

    /// <summary>Creates an encoder with the fast path for lines of the logger's own shape.</summary>
    public OtlpLogRecordEncoder()
        : this(flatPath: true)
    {
    }

    /// <summary>Creates an encoder; without the flat path every line takes the general one (tests compare the two).</summary>
    internal OtlpLogRecordEncoder(bool flatPath) => _flat = flatPath ? new FlatLogLineEncoder() : null;

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

        // One vectorised pass over the whole line instead of one per string: text cut from valid UTF-8 at quotes stays
        // valid, and the scanner's own escape decoding writes only valid UTF-8.
        _lineIsValidUtf8 = Utf8.IsValid(line);
        if (_lineIsValidUtf8 && _flat is not null && _flat.TryWrite(buffer, field, line))
        {
            return;
        }

        int start = buffer.Length;
        int record = buffer.BeginMessage(field);
        try
        {
            WriteFields(buffer, line);
        }
        catch (FormatException)
        {
            // Not a JSON object (no DistriC producer writes one): keep the line itself rather than lose it.
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
        var json = new JsonLineScanner(line);
        json.Expect((byte)'{');
        bool time = false, level = false, message = false, traceId = false, spanId = false;
        Span<byte> id = stackalloc byte[16];
        if (!json.TryConsume((byte)'}'))
        {
            do
            {
                ReadOnlySpan<byte> name = json.ReadString(_scratch);
                json.Expect((byte)':');
                FixedField kind = Classify(name, time, level, message, traceId, spanId);
                byte next = json.Peek();
                switch (kind)
                {
                    case FixedField.None:
                        // The name may live in the scratch buffer: write it before the value is read.
                        int keyValue = buffer.BeginMessage(RecordAttributes);
                        WriteTextValue(buffer, KeyValueKey, name);
                        WriteAttributeValue(buffer, ref json, 0);
                        buffer.EndMessage(keyValue);
                        continue;
                    case FixedField.Timestamp when next is >= (byte)'0' and <= (byte)'9':
                        ReadOnlySpan<byte> digits = json.ReadNumberText();
                        if (Utf8Parser.TryParse(digits, out ulong ms, out int used) && used == digits.Length && ms <= ulong.MaxValue / 1_000_000)
                        {
                            buffer.WriteFixed64Field(RecordTime, ms * 1_000_000);
                            buffer.WriteFixed64Field(RecordObservedTime, ms * 1_000_000);
                            time = true;
                        }
                        else
                        {
                            WriteNumberAttribute(buffer, "timestamp", digits);
                        }

                        continue;
                    case FixedField.Level when next == '"':
                        ReadOnlySpan<byte> levelText = json.ReadString(_scratch);
                        int severity = SeverityNumber(levelText);
                        if (severity != 0)
                        {
                            buffer.WriteVarintField(RecordSeverityNumber, (ulong)severity);
                        }

                        WriteTextValue(buffer, RecordSeverityText, levelText);
                        level = true;
                        continue;
                    case FixedField.Message when next == '"':
                        int body = buffer.BeginMessage(RecordBody);
                        WriteTextValue(buffer, AnyString, json.ReadString(_scratch));
                        buffer.EndMessage(body);
                        message = true;
                        continue;
                    case FixedField.TraceId or FixedField.SpanId when next == '"':
                        ReadOnlySpan<byte> hex = json.ReadString(_scratch);
                        Span<byte> bytes = kind == FixedField.TraceId ? id : id[..8];
                        if (TryParseHex(hex, bytes))
                        {
                            buffer.WriteBytesField(kind == FixedField.TraceId ? RecordTraceId : RecordSpanId, bytes);
                            traceId |= kind == FixedField.TraceId;
                            spanId |= kind == FixedField.SpanId;
                        }
                        else
                        {
                            WriteStringAttribute(buffer, FixedName(kind), hex);
                        }

                        continue;
                }

                // A fixed name with a value of another shape (no DistriC producer writes one): keep it as an attribute.
                int fixedKeyValue = buffer.BeginMessage(RecordAttributes);
                buffer.WriteStringField(KeyValueKey, FixedName(kind));
                WriteAttributeValue(buffer, ref json, 0);
                buffer.EndMessage(fixedKeyValue);
            }
            while (json.TryConsume((byte)','));

            json.Expect((byte)'}');
        }

        json.ExpectEnd();
    }

    /// <summary>The next value as the <c>value</c> (an <c>AnyValue</c>) of the KeyValue being written.</summary>
    private void WriteAttributeValue(ProtoBuffer buffer, ref JsonLineScanner json, int depth)
    {
        int any = buffer.BeginMessage(KeyValueValue);
        WriteValue(buffer, ref json, depth);
        buffer.EndMessage(any);
    }

    /// <summary>The next value as the fields of an <c>AnyValue</c>.</summary>
    private void WriteValue(ProtoBuffer buffer, ref JsonLineScanner json, int depth)
    {
        switch (json.Peek())
        {
            case (byte)'"':
                WriteTextValue(buffer, AnyString, json.ReadString(_scratch));
                break;
            case (byte)'t':
                json.ExpectLiteral("true"u8);
                buffer.WriteVarintField(AnyBool, 1);
                break;
            case (byte)'f':
                json.ExpectLiteral("false"u8);
                // proto3 oneof: a set member is written even when it holds the default, so false stays a bool.
                buffer.WriteVarintField(AnyBool, 0);
                break;
            case (byte)'n':
                json.ExpectLiteral("null"u8); // an empty AnyValue: OTLP's "no value"
                break;
            case (byte)'{':
                CheckDepth(depth);
                json.Expect((byte)'{');
                int list = buffer.BeginMessage(AnyKeyValueList);
                if (!json.TryConsume((byte)'}'))
                {
                    do
                    {
                        int keyValue = buffer.BeginMessage(ListValues);
                        WriteTextValue(buffer, KeyValueKey, json.ReadString(_scratch));
                        json.Expect((byte)':');
                        WriteAttributeValue(buffer, ref json, depth + 1);
                        buffer.EndMessage(keyValue);
                    }
                    while (json.TryConsume((byte)','));

                    json.Expect((byte)'}');
                }

                buffer.EndMessage(list);
                break;
            case (byte)'[':
                CheckDepth(depth);
                json.Expect((byte)'[');
                int array = buffer.BeginMessage(AnyArray);
                if (!json.TryConsume((byte)']'))
                {
                    do
                    {
                        int item = buffer.BeginMessage(ListValues);
                        WriteValue(buffer, ref json, depth + 1);
                        buffer.EndMessage(item);
                    }
                    while (json.TryConsume((byte)','));

                    json.Expect((byte)']');
                }

                buffer.EndMessage(array);
                break;
            default:
                WriteNumber(buffer, json.ReadNumberText());
                break;
        }
    }

    private static void CheckDepth(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new FormatException("The log line nests deeper than any DistriC producer writes.");
        }
    }

    private static void WriteNumber(ProtoBuffer buffer, ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (Utf8Parser.TryParse(text, out long integer, out int used) && used == text.Length)
            {
                buffer.WriteVarintField(AnyInt, unchecked((ulong)integer));
                return;
            }

            if (text.TrimStart((byte)'-').IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 && text.Length > 1)
            {
                // An integer beyond 64 bits (a large ulong or decimal): its exact text, not a rounded double.
                buffer.WriteBytesField(AnyString, text);
                return;
            }
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            buffer.WriteDoubleField(AnyDouble, value);
            return;
        }

        throw new FormatException("Not a JSON number.");
    }

    private static void WriteNumberAttribute(ProtoBuffer buffer, string key, ReadOnlySpan<byte> text)
    {
        int keyValue = buffer.BeginMessage(RecordAttributes);
        buffer.WriteStringField(KeyValueKey, key);
        int any = buffer.BeginMessage(KeyValueValue);
        WriteNumber(buffer, text);
        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }

    private void WriteStringAttribute(ProtoBuffer buffer, string key, ReadOnlySpan<byte> utf8)
    {
        int keyValue = buffer.BeginMessage(RecordAttributes);
        buffer.WriteStringField(KeyValueKey, key);
        int any = buffer.BeginMessage(KeyValueValue);
        WriteTextValue(buffer, AnyString, utf8);
        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }

    /// <summary>Writes UTF-8 text as a string field; invalid UTF-8 (which a receiver would reject the whole request for) is repaired with U+FFFD.</summary>
    private void WriteTextValue(ProtoBuffer buffer, int field, ReadOnlySpan<byte> utf8)
    {
        if (_lineIsValidUtf8 || Utf8.IsValid(utf8))
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

    // By length first: most names are an event's own fields, and one length compare rules out four of the five.
    private static FixedField Classify(ReadOnlySpan<byte> name, bool time, bool level, bool message, bool traceId, bool spanId) => name.Length switch
    {
        9 when !time && name.SequenceEqual("timestamp"u8) => FixedField.Timestamp,
        5 when !level && name.SequenceEqual("level"u8) => FixedField.Level,
        7 when !message && name.SequenceEqual("message"u8) => FixedField.Message,
        8 when !traceId && name.SequenceEqual("trace_id"u8) => FixedField.TraceId,
        7 when !spanId && name.SequenceEqual("span_id"u8) => FixedField.SpanId,
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
