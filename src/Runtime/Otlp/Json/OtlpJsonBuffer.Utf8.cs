using System;
using System.Buffers;
using System.Buffers.Text;
using DistriC.Logging;

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

            // An ASCII byte is its own character: the logger's escaper writes its escape.
            JsonUtf8.TryWriteEscape((char)utf8[plain], destination[written..], out int escaped);
            written += escaped;
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
}
