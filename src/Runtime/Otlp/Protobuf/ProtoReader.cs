using System;
using System.Buffers.Binary;

namespace DistriC.Otlp.Protobuf;

/// <summary>
/// A forward-only reader of protobuf wire format over bytes this library encoded itself (the log records the OTLP log
/// encoder wrote), so the JSON protocol can be produced from them on the export thread. It trusts its input: a record
/// that does not parse ends the reading of that message rather than throwing into the exporter.
/// </summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>The field number of the field just read.</summary>
    public int Field { get; private set; }

    /// <summary>Its wire type: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32.</summary>
    public int WireType { get; private set; }

    /// <summary>The value of a varint, fixed64 or fixed32 field.</summary>
    public ulong Scalar { get; private set; }

    /// <summary>The bytes of a length-delimited field.</summary>
    public ReadOnlySpan<byte> Bytes { get; private set; }

    /// <summary>Reads the next field; false at the end of the message (or at bytes that do not parse).</summary>
    public bool Next()
    {
        if (_position >= _data.Length || !TryVarint(out ulong key))
        {
            return false;
        }

        Field = (int)(key >> 3);
        WireType = (int)(key & 7);
        switch (WireType)
        {
            case 0:
                if (!TryVarint(out ulong varint))
                {
                    return false;
                }

                Scalar = varint;
                return true;
            case 1:
                if (_data.Length - _position < 8)
                {
                    return false;
                }

                Scalar = BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_position, 8));
                _position += 8;
                return true;
            case 2:
                if (!TryVarint(out ulong length) || length > (ulong)(_data.Length - _position))
                {
                    return false;
                }

                Bytes = _data.Slice(_position, (int)length);
                _position += (int)length;
                return true;
            case 5:
                if (_data.Length - _position < 4)
                {
                    return false;
                }

                Scalar = BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_position, 4));
                _position += 4;
                return true;
            default:
                return false;
        }
    }

    private bool TryVarint(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64 && _position < _data.Length; shift += 7)
        {
            byte b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
