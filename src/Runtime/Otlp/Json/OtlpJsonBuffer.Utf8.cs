using System;
using System.Buffers;
using System.Buffers.Text;

namespace DistriC.Otlp.Json;

// Values that arrive as bytes rather than strings: the log records' UTF-8 strings, IDs and bytes values, which the JSON
// encoding of logs reads back from their protobuf form.
internal sealed partial class OtlpJsonBuffer
{
    // What RFC 8259 requires escaped in a string: the quote, the backslash and the C0 controls.
    private static readonly SearchValues<byte> MustEscapeUtf8 = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\"u8);

    /// <summary>A string value given as valid UTF-8 (multi-byte sequences are copied as they are; only what JSON requires is escaped).</summary>
    public void StringUtf8(ReadOnlySpan<byte> utf8)
    {
        // Six bytes per input byte is the worst case (\u00XX), so the escaped form always fits.
        Ensure((utf8.Length * 6) + 3);
        Comma();
        Span<byte> destination = _buffer.AsSpan(_position);
        int written = 0;
        destination[written++] = (byte)'"';
        while (!utf8.IsEmpty)
        {
            int plain = utf8.IndexOfAny(MustEscapeUtf8);
            if (plain < 0)
            {
                plain = utf8.Length;
            }

            utf8[..plain].CopyTo(destination[written..]);
            written += plain;
            if (plain == utf8.Length)
            {
                break;
            }

            written += WriteEscape(utf8[plain], destination[written..]);
            utf8 = utf8[(plain + 1)..];
        }

        destination[written++] = (byte)'"';
        _position += written;
        _needsComma = true;
    }

    /// <summary>An ID given as bytes (<c>traceId</c>, <c>spanId</c>) as lower-case hex digits in quotes.</summary>
    public void HexString(ReadOnlySpan<byte> id)
    {
        Span<byte> digits = OpenQuoted(id.Length * 2);
        for (int i = 0; i < id.Length; i++)
        {
            digits[2 * i] = HexDigits[id[i] >> 4];
            digits[(2 * i) + 1] = HexDigits[id[i] & 0xF];
        }

        CloseQuoted(id.Length * 2);
    }

    /// <summary>A <c>bytes</c> value as standard base64 in quotes, as the protobuf JSON mapping writes it.</summary>
    public void Base64String(ReadOnlySpan<byte> data)
    {
        Span<byte> digits = OpenQuoted(Base64.GetMaxEncodedToUtf8Length(data.Length));
        Base64.EncodeToUtf8(data, digits, out _, out int written);
        CloseQuoted(written);
    }

    private static int WriteEscape(byte c, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        byte simple = c switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'\n' => (byte)'n',
            (byte)'\r' => (byte)'r',
            (byte)'\t' => (byte)'t',
            (byte)'\b' => (byte)'b',
            (byte)'\f' => (byte)'f',
            _ => 0,
        };
        if (simple != 0)
        {
            destination[1] = simple;
            return 2;
        }

        "u00"u8.CopyTo(destination[1..]);
        destination[4] = HexDigits[c >> 4];
        destination[5] = HexDigits[c & 0xF];
        return 6;
    }
}
