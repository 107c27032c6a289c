using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text.Unicode;

namespace DistriC.Otlp.Protobuf;

/// <summary>
/// A growable protobuf output buffer, reused across exports (one per exporter, used by its export thread only), so
/// steady-state serialization allocates nothing. Writes the proto3 wire format: varints, fixed32/64, and
/// length-delimited fields.
/// </summary>
/// <remarks>
/// Nested messages are written in one pass: <see cref="BeginMessage"/> reserves a four-byte length and
/// <see cref="EndMessage"/> fills it in as a padded varint (continuation bits on the first three bytes). Protobuf
/// decoders accept non-minimal varints, and OpenTelemetry .NET's own serializer does the same; it spares the second
/// pass that computing every message size first would take. Four bytes hold lengths below 2^28 (256 MiB), far above
/// any batch an exporter sends.
/// </remarks>
internal sealed class ProtoBuffer : IDisposable
{
    /// <summary>The bytes a reserved message length takes.</summary>
    internal const int ReservedLengthBytes = 4;

    private const int MaxReservedLength = (1 << 28) - 1;

    private byte[] _buffer;
    private int _position;

    private readonly Utf8Cache _strings = new();

    public ProtoBuffer(int initialCapacity = 64 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    /// <summary>The written bytes as a segment of the underlying array (valid until the next write or reset).</summary>
    public ArraySegment<byte> WrittenSegment => new(_buffer, 0, _position);

    /// <summary>Number of bytes written.</summary>
    public int Length => _position;

    /// <summary>Forgets what was written; the capacity stays.</summary>
    public void Reset() => _position = 0;

    /// <summary>Forgets what was written after the first <paramref name="length"/> bytes (a message abandoned midway).</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)_position, nameof(length));
        _position = length;
    }

    /// <summary>Writes a field's tag (field number and wire type).</summary>
    public void WriteTag(int field, WireType type) => WriteVarint((uint)(field << 3) | (uint)type);

    /// <summary>Writes an unsigned base-128 varint.</summary>
    public void WriteVarint(ulong value)
    {
        // Tags, enums, flags and short lengths take one byte: the common case, written without a loop.
        byte[] buffer = _buffer;
        int position = _position;
        if (value < 0x80 && (uint)position < (uint)buffer.Length)
        {
            buffer[position] = (byte)value;
            _position = position + 1;
            return;
        }

        WriteMultiByteVarint(value);
    }

    /// <summary>Writes a varint field (uint32, uint64, int64, enum, bool); proto3 omits zero, so callers skip defaults.</summary>
    public void WriteVarintField(int field, ulong value)
    {
        WriteTag(field, WireType.Varint);
        WriteVarint(value);
    }

    /// <summary>Writes a fixed64 field (little-endian eight bytes).</summary>
    public void WriteFixed64Field(int field, ulong value)
    {
        WriteTag(field, WireType.Fixed64);
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    /// <summary>Writes a double field (IEEE 754 bits as fixed64).</summary>
    public void WriteDoubleField(int field, double value) => WriteFixed64Field(field, (ulong)BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes a fixed32 field (little-endian four bytes).</summary>
    public void WriteFixed32Field(int field, uint value)
    {
        WriteTag(field, WireType.Fixed32);
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    /// <summary>Writes a bytes field.</summary>
    public void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((uint)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    /// <summary>
    /// Writes a string field as UTF-8, from the encoded-string cache when the string is short (the same instance, such as
    /// a literal key or a route template, is encoded once per exporter rather than once per span).
    /// </summary>
    public void WriteStringField(int field, string value)
    {
        int slot = _strings.Lookup(value);
        if (slot < 0)
        {
            WriteStringField(field, value.AsSpan());
            return;
        }

        ReadOnlySpan<byte> utf8 = _strings.Bytes(slot);
        Ensure(utf8.Length + 3);
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((uint)utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_position));
        _position += utf8.Length;
    }

    /// <summary>The encoded-string cache (one per buffer, so one per exporter thread).</summary>
    internal Utf8Cache Strings => _strings;

    /// <summary>
    /// Makes room for <paramref name="bytes"/> more bytes and returns the free space; write into it, then call
    /// <see cref="Advance"/> (for writers that lay out a whole small message at once).
    /// </summary>
    public Span<byte> GetSpan(int bytes)
    {
        Ensure(bytes);
        return _buffer.AsSpan(_position);
    }

    /// <summary>Commits bytes written into the span <see cref="GetSpan"/> returned.</summary>
    public void Advance(int bytes) => _position += bytes;

    /// <summary>The number of bytes <paramref name="value"/> takes as a varint.</summary>
    public static int VarintSize(ulong value) => (BitOperations.Log2(value | 1) / 7) + 1;

    /// <summary>Writes a varint into <paramref name="destination"/> at <paramref name="offset"/>; returns the offset after it.</summary>
    public static int WriteVarint(Span<byte> destination, int offset, ulong value)
    {
        while (value >= 0x80)
        {
            destination[offset++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[offset++] = (byte)value;
        return offset;
    }

    /// <summary>
    /// Writes a string field as UTF-8. Lone surrogates become U+FFFD: protobuf strings must be valid UTF-8, and a
    /// receiver rejects the whole request otherwise.
    /// </summary>
    public void WriteStringField(int field, ReadOnlySpan<char> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        int max = value.Length * 3;
        Ensure(max + ReservedLengthBytes);
        if (max < 0x80)
        {
            // The encoded length surely fits one varint byte: encode after it and fill it in.
            int start = _position + 1;
            Utf8.FromUtf16(value, _buffer.AsSpan(start), out _, out int written, replaceInvalidSequences: true);
            _buffer[_position] = (byte)written;
            _position = start + written;
            return;
        }

        int bookmark = Reserve();
        Utf8.FromUtf16(value, _buffer.AsSpan(_position), out _, out int bytes, replaceInvalidSequences: true);
        _position += bytes;
        FillLength(bookmark);
    }

    /// <summary>Writes a packed repeated fixed64 field (one length, then eight little-endian bytes per value); nothing when empty.</summary>
    public void WritePackedFixed64Field(int field, ReadOnlySpan<long> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((uint)(values.Length * 8));
        Ensure(values.Length * 8);
        foreach (long value in values)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_position), value);
            _position += 8;
        }
    }

    /// <summary>Writes a packed repeated double field; nothing when empty.</summary>
    public void WritePackedDoubleField(int field, ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((uint)(values.Length * 8));
        Ensure(values.Length * 8);
        foreach (double value in values)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_position), BitConverter.DoubleToInt64Bits(value));
            _position += 8;
        }
    }

    /// <summary>Writes pre-encoded bytes as they are (e.g. a message encoded once, tag and length included).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    /// <summary>Starts a length-delimited (message) field; pass the result to <see cref="EndMessage"/>.</summary>
    public int BeginMessage(int field)
    {
        WriteTag(field, WireType.LengthDelimited);
        Ensure(ReservedLengthBytes);
        return Reserve();
    }

    /// <summary>Ends the message started by <see cref="BeginMessage"/>, writing its length.</summary>
    public void EndMessage(int bookmark) => FillLength(bookmark);

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        PooledBytes.Return(ref _buffer);
        _position = 0;
    }

    private void WriteMultiByteVarint(ulong value)
    {
        Ensure(10);
        byte[] buffer = _buffer;
        int position = _position;
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[position++] = (byte)value;
        _position = position;
    }

    private int Reserve()
    {
        int bookmark = _position;
        _position += ReservedLengthBytes;
        return bookmark;
    }

    private void FillLength(int bookmark)
    {
        int length = _position - bookmark - ReservedLengthBytes;
        if (length > MaxReservedLength)
        {
            throw new InvalidOperationException("An OTLP message over 256 MiB cannot be encoded; export smaller batches.");
        }

        Span<byte> span = _buffer.AsSpan(bookmark, ReservedLengthBytes);
        span[0] = (byte)(length | 0x80);
        span[1] = (byte)((length >> 7) | 0x80);
        span[2] = (byte)((length >> 14) | 0x80);
        span[3] = (byte)(length >> 21);
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            _buffer = PooledBytes.Grow(_buffer, _position, bytes);
        }
    }
}
