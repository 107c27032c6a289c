using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using DistriC.Logging;

namespace DistriC.Otlp.Json;

/// <summary>
/// A growable JSON output buffer for the OTLP/HTTP JSON encoding, reused across exports (one per exporter, used by its
/// export thread only), so steady-state serialization allocates nothing. It writes straight UTF-8: property names are
/// pre-encoded literals (<c>"traceId"u8</c>), strings are escaped by the logger's RFC 8259 encoder (lone surrogates become
/// U+FFFD), and numbers follow the protobuf JSON mapping that OTLP uses: 64-bit integers as decimal strings, doubles as
/// numbers (<c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> as strings), IDs as lower-case hex strings.
/// </summary>
/// <remarks>
/// Commas are placed by the buffer: every value (scalar, object or array) that follows another in the same container
/// gets one, so serializers write names and values in order without tracking positions.
/// </remarks>
internal sealed partial class OtlpJsonBuffer : IDisposable
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    private byte[] _buffer;
    private int _position;
    private bool _needsComma;
    private readonly Utf8Cache _strings = new(jsonQuoted: true);

    public OtlpJsonBuffer(int initialCapacity = 64 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    /// <summary>The written bytes as a segment of the underlying array (valid until the next write or reset).</summary>
    public ArraySegment<byte> WrittenSegment => new(_buffer, 0, _position);

    /// <summary>Forgets what was written; the capacity stays.</summary>
    public void Reset()
    {
        _position = 0;
        _needsComma = false;
    }

    /// <summary>Writes a property name, given as its quoted UTF-8 form without the colon (<c>"\"name\""u8</c>).</summary>
    public void Name(ReadOnlySpan<byte> quotedName)
    {
        Ensure(quotedName.Length + 2);
        Comma();
        quotedName.CopyTo(_buffer.AsSpan(_position));
        _position += quotedName.Length;
        _buffer[_position++] = (byte)':';
    }

    /// <summary>Starts an object (a value, or an array element).</summary>
    public void StartObject() => Open((byte)'{');

    /// <summary>Ends the innermost object.</summary>
    public void EndObject() => Close((byte)'}');

    /// <summary>Starts an array.</summary>
    public void StartArray() => Open((byte)'[');

    /// <summary>Ends the innermost array.</summary>
    public void EndArray() => Close((byte)']');

    /// <summary>
    /// A string value, from the cache of quoted strings when it is short: span names, keys and most values are the same
    /// instances span after span, so each is escaped once per exporter.
    /// </summary>
    public void String(string value)
    {
        int slot = _strings.Lookup(value);
        if (slot < 0)
        {
            String(value.AsSpan());
            return;
        }

        Raw(_strings.Bytes(slot));
    }

    /// <summary>The cache of quoted strings and whole encoded attributes.</summary>
    internal Utf8Cache Strings => _strings;

    /// <summary>Writes the comma a value at this point needs and returns where the value starts (to copy it afterwards).</summary>
    public int BeginValue()
    {
        Ensure(1);
        Comma();
        return _position;
    }

    /// <summary>A string value.</summary>
    public void String(ReadOnlySpan<char> value)
    {
        Ensure((value.Length * 6) + 3);
        Comma();
        // Six bytes per character is the worst case (\u00XX), so the encoding always fits.
        JsonUtf8.TryWriteQuoted(value, _buffer.AsSpan(_position), out int written);
        _position += written;
        _needsComma = true;
    }

    /// <summary>A small integer as a JSON number (enums, 32-bit flags and counts).</summary>
    public void Number(long value)
    {
        Ensure(21);
        Comma();
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_position), out int written);
        _position += written;
        _needsComma = true;
    }

    /// <summary>A 64-bit integer as a decimal string, as the protobuf JSON mapping writes int64, uint64 and fixed64.</summary>
    public void Int64String(long value)
    {
        Span<byte> digits = OpenQuoted(20);
        Utf8Formatter.TryFormat(value, digits, out int written);
        CloseQuoted(written);
    }

    /// <summary>An unsigned 64-bit integer (times in nanoseconds, counts) as a decimal string.</summary>
    public void UInt64String(ulong value)
    {
        Span<byte> digits = OpenQuoted(20);
        Utf8Formatter.TryFormat(value, digits, out int written);
        CloseQuoted(written);
    }

    /// <summary>A double as the shortest round-trip number; NaN and the infinities as the mapping's strings.</summary>
    public void Double(double value)
    {
        if (!double.IsFinite(value))
        {
            Literal(double.IsNaN(value) ? "\"NaN\""u8 : value > 0 ? "\"Infinity\""u8 : "\"-Infinity\""u8);
            return;
        }

        Ensure(34);
        Comma();
        value.TryFormat(_buffer.AsSpan(_position), out int written, "R", CultureInfo.InvariantCulture);
        _position += written;
        _needsComma = true;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public void Bool(bool value) => Literal(value ? "true"u8 : "false"u8);

    /// <summary>A 64-bit ID (<c>spanId</c>) as 16 lower-case hex digits in quotes.</summary>
    public void HexString(ulong value)
    {
        WriteHex(value, OpenQuoted(16));
        CloseQuoted(16);
    }

    /// <summary>A 128-bit ID (<c>traceId</c>) as 32 lower-case hex digits in quotes, high half first.</summary>
    public void HexString(ulong high, ulong low)
    {
        Span<byte> digits = OpenQuoted(32);
        WriteHex(high, digits);
        WriteHex(low, digits[16..]);
        CloseQuoted(32);
    }

    /// <summary>Copies a pre-encoded value, or a run of <c>"name":value</c> members, as it is.</summary>
    public void Raw(ReadOnlySpan<byte> json)
    {
        Ensure(json.Length + 1);
        Comma();
        json.CopyTo(_buffer.AsSpan(_position));
        _position += json.Length;
        _needsComma = true;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        PooledBytes.Return(ref _buffer);
        _position = 0;
    }

    private void Literal(ReadOnlySpan<byte> text)
    {
        Ensure(text.Length + 1);
        Comma();
        text.CopyTo(_buffer.AsSpan(_position));
        _position += text.Length;
        _needsComma = true;
    }

    private void Open(byte bracket)
    {
        Ensure(2);
        Comma();
        _buffer[_position++] = bracket;
        _needsComma = false;
    }

    private void Close(byte bracket)
    {
        Ensure(1);
        _buffer[_position++] = bracket;
        _needsComma = true;
    }

    // Callers ensured room for one more byte than they write.
    private void Comma()
    {
        if (_needsComma)
        {
            _buffer[_position++] = (byte)',';
            _needsComma = false;
        }
    }

    // Starts a quoted value of at most maxLength bytes and returns the room for them; CloseQuoted commits what was written.
    private Span<byte> OpenQuoted(int maxLength)
    {
        Ensure(maxLength + 3);
        Comma();
        _buffer[_position++] = (byte)'"';
        return _buffer.AsSpan(_position, maxLength);
    }

    private void CloseQuoted(int written)
    {
        _position += written;
        _buffer[_position++] = (byte)'"';
        _needsComma = true;
    }

    private static void WriteHex(ulong value, Span<byte> digits)
    {
        for (int i = 15; i >= 0; i--)
        {
            digits[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            _buffer = PooledBytes.Grow(_buffer, _position, bytes);
        }
    }
}
