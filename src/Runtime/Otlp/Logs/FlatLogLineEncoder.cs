using System;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.Intrinsics;
using DistriC.Otlp.Protobuf;

namespace DistriC.Otlp.Logs;

/// <summary>
/// The fast path of <see cref="OtlpLogRecordEncoder"/>: a line exactly as the <see cref="JsonLogger"/> writes it (one
/// flat object, no whitespace, no escape in any string, valid UTF-8) is encoded straight into the buffer's free space
/// in one pass, with a local cursor on each side and every size known before its field is written, so each length is a
/// minimal varint and no message needs a back-patch but the record's own. Any other line (an escape, a nested
/// exception object, a repeated fixed field, a number this path does not read exactly) is refused before anything is
/// committed, and the general path, which handles every JSON text, encodes it.
/// </summary>
/// <remarks>
/// The general path measured about 0.5 µs per record (docs/benchmarks.md, OTLP log export): its per-token calls (skip
/// whitespace, peek, expect, bounds-checked slices) and a begin/end pair of four-byte back-patched lengths around every
/// attribute and value cost more than the bytes themselves. The output is the same record field by field.
/// Fields whose bytes repeat the previous line's (a call site's lines differ mostly in time and IDs) are copied from the
/// previous line's encoding. One instance per encoder, used by one thread at a time.
/// </remarks>
internal sealed class FlatLogLineEncoder
{
    // Field tags (field number << 3 | wire type) of logs.proto and common.proto.
    private const byte TagTime = (LogRecordFields.RecordTime << 3) | 1;
    private const byte TagSeverityNumber = LogRecordFields.RecordSeverityNumber << 3;
    private const byte TagSeverityText = (LogRecordFields.RecordSeverityText << 3) | 2;
    private const byte TagBody = (LogRecordFields.RecordBody << 3) | 2;
    private const byte TagAttribute = (LogRecordFields.RecordAttributes << 3) | 2;
    private const byte TagTraceId = (LogRecordFields.RecordTraceId << 3) | 2;
    private const byte TagSpanId = (LogRecordFields.RecordSpanId << 3) | 2;
    private const byte TagObservedTime = (LogRecordFields.RecordObservedTime << 3) | 1;
    private const byte TagKey = (LogRecordFields.KeyValueKey << 3) | 2;
    private const byte TagValue = (LogRecordFields.KeyValueValue << 3) | 2;
    private const byte TagString = (LogRecordFields.AnyString << 3) | 2;
    private const byte TagBool = LogRecordFields.AnyBool << 3;
    private const byte TagInt = LogRecordFields.AnyInt << 3;
    private const byte TagDouble = (LogRecordFields.AnyDouble << 3) | 1;

    // An output byte per input byte is at most: a 6-byte field ("":-1,) becomes 23 bytes (KeyValue tag and length, key,
    // value tag and length, int tag, 10-byte varint); lengths of long strings take fewer bytes than their quotes.
    private const int MaxExpansion = 4;
    private const int RecordOverhead = 64;

    // Longer lines (rare: a long exception text) take the general path, so the space reserved per line stays small.
    private const int MaxLineBytes = 16 * 1024;

    // Powers of ten exactly representable as doubles: a decimal with at most 15 digits divided by one is correctly rounded.
    private static readonly double[] s_pow10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    private byte[] _previousLine = new byte[1024];
    private byte[] _previousOutput = new byte[1024];
    private FieldSpan[] _previousFields = new FieldSpan[32];
    private FieldSpan[] _fields = new FieldSpan[32];
    private int _previousFieldCount;

    /// <summary>
    /// Writes <paramref name="line"/> (valid UTF-8, no trailing newline) as a LogRecord in field <paramref name="field"/>
    /// when it has the logger's flat shape; false, with nothing written, otherwise.
    /// </summary>
    public bool TryWrite(ProtoBuffer buffer, int field, ReadOnlySpan<byte> line)
    {
        if (field > 15 || line.Length < 2 || line.Length > MaxLineBytes || line[0] != '{' || line[^1] != '}')
        {
            return false;
        }

        Span<byte> output = buffer.GetSpan((line.Length * MaxExpansion) + RecordOverhead);
        output[0] = (byte)((field << 3) | 2);
        const int fieldsStart = 1 + ProtoBuffer.ReservedLengthBytes;
        int o = fieldsStart;
        int i = 1;
        int seen = 0;
        int count = 0;
        while (true)
        {
            if (count < _previousFieldCount && TryCopyPrevious(line, count, ref i, output, ref o, ref seen, ref count))
            {
                // i is at the separator after the run copied.
            }
            else
            {
                int fieldStart = i;
                int outStart = o;
                FixedField kind = TryWriteField(line, ref i, output, ref o);
                if (kind == FixedField.Refused || (kind != FixedField.None && (seen & (1 << (int)kind)) != 0))
                {
                    return false; // another shape, or a repeated fixed field (an attribute then): the general path's
                }

                seen |= 1 << (int)kind;
                AddField(ref count, new FieldSpan(fieldStart, i, outStart - fieldsStart, o - fieldsStart, kind));
            }

            if (i >= line.Length)
            {
                return false;
            }

            byte separator = line[i++];
            if (separator == '}')
            {
                if (i != line.Length)
                {
                    return false;
                }

                break;
            }

            if (separator != ',' || i >= line.Length)
            {
                return false;
            }
        }

        int length = o - fieldsStart;
        output[1] = (byte)(length | 0x80);
        output[2] = (byte)((length >> 7) | 0x80);
        output[3] = (byte)((length >> 14) | 0x80);
        output[4] = (byte)(length >> 21);
        Remember(line, output[fieldsStart..o], count);
        buffer.Advance(o);
        return true;
    }

    /// <summary>
    /// At a field's start: when the bytes from here repeat those of the previous line from its field
    /// <paramref name="index"/>, through the end of one or more of its fields, copies their encoding. Identical bytes
    /// ending at a separator are the same fields (each token ends at a byte the copy includes), so they encode the same.
    /// </summary>
    private bool TryCopyPrevious(ReadOnlySpan<byte> line, int index, ref int i, Span<byte> output, ref int o, ref int seen, ref int count)
    {
        ReadOnlySpan<FieldSpan> previous = _previousFields.AsSpan(index, _previousFieldCount - index);
        int rawStart = previous[0].RawStart;
        ReadOnlySpan<byte> rest = line[i..];
        int common = rest.CommonPrefixLength(_previousLine.AsSpan(rawStart, previous[^1].RawEnd - rawStart));
        int seenAfter = seen;
        int runs = 0;
        foreach (FieldSpan f in previous)
        {
            int length = f.RawEnd - rawStart;
            if (length > common || (length == common && (length >= rest.Length || rest[length] is not ((byte)',' or (byte)'}'))))
            {
                break;
            }

            if (f.Kind != FixedField.None && (seenAfter & (1 << (int)f.Kind)) != 0)
            {
                break; // repeated here though not in the previous line: encoded afresh (and refused)
            }

            seenAfter |= 1 << (int)f.Kind;
            runs++;
        }

        if (runs == 0)
        {
            return false;
        }

        FieldSpan last = previous[runs - 1];
        int outStart = previous[0].OutStart;
        int rawShift = i - rawStart;
        int outShift = o - 1 - ProtoBuffer.ReservedLengthBytes - outStart;
        _previousOutput.AsSpan(outStart, last.OutEnd - outStart).CopyTo(output[o..]);
        if (_fields.Length < count + runs)
        {
            Array.Resize(ref _fields, Math.Max(count + runs, _fields.Length * 2)); // more fields than any line before: steady state allocates nothing
        }

        Span<FieldSpan> fields = _fields.AsSpan(count, runs);
        for (int k = 0; k < fields.Length; k++)
        {
            FieldSpan f = previous[k];
            fields[k] = new FieldSpan(f.RawStart + rawShift, f.RawEnd + rawShift, f.OutStart + outShift, f.OutEnd + outShift, f.Kind);
        }

        count += runs;
        seen = seenAfter;
        i += last.RawEnd - rawStart;
        o += last.OutEnd - outStart;
        return true;
    }

    private void AddField(ref int count, FieldSpan span)
    {
        if (count == _fields.Length)
        {
            Array.Resize(ref _fields, count * 2); // a line with more fields than any before: steady state allocates nothing
        }

        _fields[count++] = span;
    }

    /// <summary>Keeps this line, its fields and their encoding for the next line to copy from.</summary>
    private void Remember(ReadOnlySpan<byte> line, ReadOnlySpan<byte> encoded, int count)
    {
        if (_previousLine.Length < line.Length)
        {
            _previousLine = new byte[Math.Max(line.Length, _previousLine.Length * 2)];
        }

        if (_previousOutput.Length < encoded.Length)
        {
            _previousOutput = new byte[Math.Max(encoded.Length, _previousOutput.Length * 2)];
        }

        line.CopyTo(_previousLine);
        encoded.CopyTo(_previousOutput);
        (_previousFields, _fields) = (_fields, _previousFields);
        _previousFieldCount = count;
    }

    /// <summary>One field (name, colon, value) at <paramref name="i"/>; its kind, or <see cref="FixedField.Refused"/>.</summary>
    private static FixedField TryWriteField(ReadOnlySpan<byte> line, ref int i, Span<byte> output, ref int o)
    {
        if (line[i] != '"')
        {
            return FixedField.Refused;
        }

        int nameStart = i + 1;
        int nameEnd = NextQuote(line, nameStart);
        if (nameEnd < 0 || nameEnd + 1 >= line.Length || line[nameEnd + 1] != ':')
        {
            return FixedField.Refused;
        }

        ReadOnlySpan<byte> name = line[nameStart..nameEnd];
        i = nameEnd + 2;
        FixedField kind = Classify(name);
        bool written = kind == FixedField.None
            ? TryWriteAttribute(name, line, ref i, output, ref o)
            : TryWriteFixed(kind, line, ref i, output, ref o);
        return written ? kind : FixedField.Refused;
    }

    /// <summary>A fixed field's value in its LogRecord field; false when it has another shape (the general path keeps it as an attribute).</summary>
    private static bool TryWriteFixed(FixedField kind, ReadOnlySpan<byte> line, ref int i, Span<byte> output, ref int o)
    {
        if (kind == FixedField.Timestamp)
        {
            if (line[i] is < (byte)'0' or > (byte)'9' || !Utf8Parser.TryParse(line[i..], out ulong ms, out int used) || ms > ulong.MaxValue / 1_000_000
                || !IsValueEnd(line, i + used))
            {
                return false;
            }

            i += used;
            ulong nanos = ms * 1_000_000;
            output[o] = TagTime;
            BinaryPrimitives.WriteUInt64LittleEndian(output[(o + 1)..], nanos);
            output[o + 9] = TagObservedTime;
            BinaryPrimitives.WriteUInt64LittleEndian(output[(o + 10)..], nanos);
            o += 18;
            return true;
        }

        if (kind is FixedField.TraceId or FixedField.SpanId)
        {
            return TryWriteId(kind == FixedField.TraceId, line, ref i, output, ref o);
        }

        if (!TryReadString(line, ref i, out ReadOnlySpan<byte> text))
        {
            return false;
        }

        switch (kind)
        {
            case FixedField.Level:
                int severity = OtlpLogRecordEncoder.SeverityNumber(text);
                if (severity != 0)
                {
                    output[o++] = TagSeverityNumber;
                    output[o++] = (byte)severity;
                }

                WriteLengthDelimited(TagSeverityText, text, output, ref o);
                return true;
            case FixedField.Message:
                output[o++] = TagBody;
                o = ProtoBuffer.WriteVarint(output, o, (ulong)(1 + ProtoBuffer.VarintSize((ulong)text.Length) + text.Length));
                WriteLengthDelimited(TagString, text, output, ref o);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A trace or span ID: exactly 32 or 16 hex digits between quotes (hex digits are neither quotes nor backslashes, so
    /// the closing quote is looked at rather than searched for), not all zero. Anything else is an attribute.
    /// </summary>
    private static bool TryWriteId(bool trace, ReadOnlySpan<byte> line, ref int i, Span<byte> output, ref int o)
    {
        int bytes = trace ? 16 : 8;
        int end = i + 1 + (bytes * 2);
        if (end >= line.Length || line[i] != '"' || line[end] != '"' || !IsValueEnd(line, end + 1))
        {
            return false;
        }

        output[o] = trace ? TagTraceId : TagSpanId;
        output[o + 1] = (byte)bytes;
        if (!TryParseHex(line.Slice(i + 1, bytes * 2), output.Slice(o + 2, bytes)))
        {
            return false;
        }

        i = end + 1;
        o += 2 + bytes;
        return true;
    }

    /// <summary>An ordinary field as a KeyValue attribute, every length computed before it is written.</summary>
    private static bool TryWriteAttribute(ReadOnlySpan<byte> name, ReadOnlySpan<byte> line, ref int i, Span<byte> output, ref int o)
    {
        byte first = line[i];
        ReadOnlySpan<byte> text = default;
        ulong bits = 0;
        byte tag;
        int valueLength; // the AnyValue's body
        switch (first)
        {
            case (byte)'"':
                if (!TryReadString(line, ref i, out text))
                {
                    return false;
                }

                tag = TagString;
                valueLength = 1 + ProtoBuffer.VarintSize((ulong)text.Length) + text.Length;
                break;
            case (byte)'t' or (byte)'f' or (byte)'n':
                ReadOnlySpan<byte> word = first == 't' ? "true"u8 : first == 'f' ? "false"u8 : "null"u8;
                if (!line[i..].StartsWith(word) || !IsValueEnd(line, i + word.Length))
                {
                    return false;
                }

                i += word.Length;
                tag = first == 'n' ? (byte)0 : TagBool;
                bits = first == 't' ? 1UL : 0UL;
                valueLength = first == 'n' ? 0 : 2; // null is the empty AnyValue; false stays a set bool (proto3 oneof)
                break;
            default:
                if (!TryReadNumber(line, ref i, out tag, out bits, out text))
                {
                    return false;
                }

                valueLength = tag switch
                {
                    TagInt => 1 + ProtoBuffer.VarintSize(bits),
                    TagDouble => 9,
                    _ => 1 + ProtoBuffer.VarintSize((ulong)text.Length) + text.Length,
                };
                break;
        }

        int keyValueLength = 1 + ProtoBuffer.VarintSize((ulong)name.Length) + name.Length + 1 + ProtoBuffer.VarintSize((ulong)valueLength) + valueLength;
        output[o++] = TagAttribute;
        o = ProtoBuffer.WriteVarint(output, o, (ulong)keyValueLength);
        WriteLengthDelimited(TagKey, name, output, ref o);
        output[o++] = TagValue;
        o = ProtoBuffer.WriteVarint(output, o, (ulong)valueLength);
        switch (tag)
        {
            case 0:
                break;
            case TagBool or TagInt:
                output[o++] = tag;
                o = ProtoBuffer.WriteVarint(output, o, bits);
                break;
            case TagDouble:
                output[o] = TagDouble;
                BinaryPrimitives.WriteUInt64LittleEndian(output[(o + 1)..], bits);
                o += 9;
                break;
            default:
                WriteLengthDelimited(TagString, text, output, ref o);
                break;
        }

        return true;
    }

    private static void WriteLengthDelimited(byte tag, ReadOnlySpan<byte> value, Span<byte> output, ref int o)
    {
        output[o++] = tag;
        if (value.Length < 0x80)
        {
            output[o++] = (byte)value.Length;
        }
        else
        {
            o = ProtoBuffer.WriteVarint(output, o, (ulong)value.Length);
        }

        value.CopyTo(output[o..]);
        o += value.Length;
    }

    /// <summary>A quoted string without escape at <paramref name="i"/>, as a slice of the line.</summary>
    private static bool TryReadString(ReadOnlySpan<byte> line, scoped ref int i, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (line[i] != '"')
        {
            return false;
        }

        int start = i + 1;
        int end = NextQuote(line, start);
        if (end < 0)
        {
            return false;
        }

        text = line[start..end];
        i = end + 1;
        return true;
    }

    /// <summary>
    /// The position of the first quote at or after <paramref name="from"/>, or -1 when there is none or a backslash
    /// comes first (escapes are the general path's). Names and most values are short: a plain loop finds their end
    /// sooner than a vectorised search is set up.
    /// </summary>
    private static int NextQuote(ReadOnlySpan<byte> line, int from)
    {
        int shortEnd = Math.Min(from + 16, line.Length);
        for (int at = from; at < shortEnd; at++)
        {
            byte c = line[at];
            if (c == '"')
            {
                return at;
            }

            if (c == '\\')
            {
                return -1;
            }
        }

        int found = line[shortEnd..].IndexOfAny((byte)'"', (byte)'\\');
        return found < 0 || line[shortEnd + found] == '\\' ? -1 : shortEnd + found;
    }

    /// <summary>
    /// A JSON number: an integer that fits 64 bits as an int, a plain decimal of at most 15 digits as a double (the one
    /// division is correctly rounded), an integer beyond 64 bits as its exact text; anything else through
    /// <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out double)"/>, as the general path reads it.
    /// </summary>
    private static bool TryReadNumber(ReadOnlySpan<byte> line, scoped ref int i, out byte tag, out ulong bits, out ReadOnlySpan<byte> text)
    {
        int start = i;
        int end = start;
        while (end < line.Length && line[end] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E')
        {
            end++;
        }

        text = line[start..end];
        tag = 0;
        bits = 0;
        if (text.IsEmpty || !IsValueEnd(line, end))
        {
            return false;
        }

        i = end;
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (Utf8Parser.TryParse(text, out long integer, out int used) && used == text.Length)
            {
                tag = TagInt;
                bits = unchecked((ulong)integer);
                return true;
            }

            // Beyond 64 bits: the exact text, not a rounded double. Any other shape is the general path's to judge.
            ReadOnlySpan<byte> magnitude = text[0] == '-' ? text[1..] : text;
            tag = TagString;
            return text.Length > 1 && !magnitude.IsEmpty && magnitude.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        }

        bool negative = text[0] == '-';
        ReadOnlySpan<byte> digits = negative ? text[1..] : text;
        int point = digits.IndexOf((byte)'.');
        if (point > 0 && digits.Length - 1 <= 15 && digits.Length - point > 1
            && digits[..point].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && digits[(point + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)
        {
            ulong mantissa = 0;
            foreach (byte c in digits)
            {
                if (c != '.')
                {
                    mantissa = (mantissa * 10) + (ulong)(c - '0');
                }
            }

            double value = mantissa / s_pow10[digits.Length - point - 1];
            tag = TagDouble;
            bits = (ulong)BitConverter.DoubleToInt64Bits(negative ? -value : value);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
        {
            tag = TagDouble;
            bits = (ulong)BitConverter.DoubleToInt64Bits(parsed);
            return true;
        }

        return false;
    }

    /// <summary>Exactly <c>2 × destination.Length</c> hex digits, not all zero (an invalid ID in W3C Trace Context).</summary>
    private static bool TryParseHex(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            // 16 digits at a time: each pair of digit values, read as one little-endian ushort, is narrowed to its byte.
            Vector128<ushort> first = HexPairs(Vector128.Create(hex[..16]), out Vector128<byte> nonDigits);
            Vector128<byte> value;
            if (hex.Length == 32)
            {
                Vector128<ushort> second = HexPairs(Vector128.Create(hex[16..]), out Vector128<byte> secondInvalid);
                nonDigits |= secondInvalid;
                value = Vector128.Narrow(first, second);
                value.CopyTo(destination);
            }
            else
            {
                value = Vector128.Narrow(first, Vector128<ushort>.Zero);
                BinaryPrimitives.WriteUInt64LittleEndian(destination, value.AsUInt64().ToScalar());
            }

            return nonDigits == Vector128<byte>.Zero && value != Vector128<byte>.Zero;
        }

        ReadOnlySpan<byte> digits = HexDigits;
        int any = 0;
        int invalid = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            int high = digits[hex[2 * i]];
            int low = digits[hex[(2 * i) + 1]];
            invalid |= high | low;
            destination[i] = (byte)((high << 4) | low);
            any |= high | low;
        }

        return (invalid & 0x80) == 0 && any != 0;
    }

    /// <summary>Sixteen hex digits as eight ushorts holding each pair's byte value; <paramref name="invalid"/> marks bytes that are no digit.</summary>
    private static Vector128<ushort> HexPairs(Vector128<byte> chars, out Vector128<byte> invalid)
    {
        Vector128<byte> digit = chars - Vector128.Create((byte)'0');
        Vector128<byte> letter = (chars | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'); // A-F folded onto a-f
        Vector128<byte> isDigit = Vector128.LessThanOrEqual(digit, Vector128.Create((byte)9));
        Vector128<byte> isLetter = Vector128.LessThanOrEqual(letter, Vector128.Create((byte)5));
        invalid = ~(isDigit | isLetter);
        Vector128<ushort> pairs = Vector128.ConditionalSelect(isDigit, digit, letter + Vector128.Create((byte)10)).AsUInt16();
        return Vector128.ShiftLeft(pairs & Vector128.Create((ushort)0xFF), 4) | Vector128.ShiftRightLogical(pairs, 8);
    }

    // Each byte's hex digit value, 0xFF for a byte that is not one (compiled into the assembly's data: no allocation).
    private static ReadOnlySpan<byte> HexDigits =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    private static bool IsValueEnd(ReadOnlySpan<byte> line, int i) => i < line.Length && line[i] is (byte)',' or (byte)'}';

    // By length, then by the bytes: most names are an event's own fields, and one length compare rules out most.
    private static FixedField Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        9 when name.SequenceEqual("timestamp"u8) => FixedField.Timestamp,
        5 when name.SequenceEqual("level"u8) => FixedField.Level,
        7 when name.SequenceEqual("message"u8) => FixedField.Message,
        8 when name.SequenceEqual("trace_id"u8) => FixedField.TraceId,
        7 when name.SequenceEqual("span_id"u8) => FixedField.SpanId,
        _ => FixedField.None,
    };

    private enum FixedField
    {
        Refused = -1,
        None,
        Timestamp,
        Level,
        Message,
        TraceId,
        SpanId,
    }

    /// <summary>Where a field's bytes are in its line (up to the separator after it) and its encoding in the record's fields.</summary>
    private readonly record struct FieldSpan(int RawStart, int RawEnd, int OutStart, int OutEnd, FixedField Kind);
}
