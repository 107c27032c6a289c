using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>One decoded protobuf field: its number, wire type and raw value (varint, fixed bits, or the bytes of a length-delimited field).</summary>
internal sealed record ProtoField(int Number, int WireType, ulong Scalar, byte[] Bytes)
{
    public ProtoMessage Message => ProtoMessage.Parse(Bytes);

    public string Text => Encoding.UTF8.GetString(Bytes);

    public double Double => BitConverter.Int64BitsToDouble((long)Scalar);
}

/// <summary>
/// A protobuf decoder of the test's own, written from the wire-format specification and sharing nothing with the
/// encoder under test: it reads any message into its fields, so tests check field numbers, wire types and values exactly.
/// </summary>
internal sealed class ProtoMessage
{
    private ProtoMessage(List<ProtoField> fields) => Fields = fields;

    public IReadOnlyList<ProtoField> Fields { get; }

    public static ProtoMessage Parse(ReadOnlySpan<byte> data)
    {
        var fields = new List<ProtoField>();
        int pos = 0;
        while (pos < data.Length)
        {
            ulong key = ReadVarint(data, ref pos);
            int number = (int)(key >> 3);
            int wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    fields.Add(new ProtoField(number, wire, ReadVarint(data, ref pos), []));
                    break;
                case 1:
                    fields.Add(new ProtoField(number, wire, ReadLittleEndian(data, ref pos, 8), []));
                    break;
                case 2:
                    int length = checked((int)ReadVarint(data, ref pos));
                    fields.Add(new ProtoField(number, wire, 0, data.Slice(pos, length).ToArray()));
                    pos += length;
                    break;
                case 5:
                    fields.Add(new ProtoField(number, wire, ReadLittleEndian(data, ref pos, 4), []));
                    break;
                default:
                    throw new FormatException($"Wire type {wire} at byte {pos} is not valid in OTLP.");
            }
        }

        return new ProtoMessage(fields);
    }

    public IEnumerable<ProtoField> All(int number) => Fields.Where(f => f.Number == number);

    public ProtoField One(int number) => Assert.Single(All(number));

    public ProtoField? Optional(int number) => All(number).SingleOrDefault();

    /// <summary>The field's single occurrence with the expected wire type.</summary>
    public ProtoField One(int number, int wireType)
    {
        ProtoField field = One(number);
        Assert.Equal(wireType, field.WireType);
        return field;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("Varint longer than 10 bytes.");
    }

    private static ulong ReadLittleEndian(ReadOnlySpan<byte> data, ref int pos, int bytes)
    {
        ulong value = 0;
        for (int i = 0; i < bytes; i++)
        {
            value |= (ulong)data[pos + i] << (8 * i);
        }

        pos += bytes;
        return value;
    }
}

/// <summary>
/// An OTLP <c>AnyValue</c> read back with its type: which oneof member was set, and its value (for an array a
/// <c>List&lt;TypedValue&gt;</c>, for a key-value list a <c>List&lt;(string, TypedValue)&gt;</c>).
/// </summary>
internal sealed record TypedValue(string Type, object? Value)
{
    public static TypedValue Of(ProtoMessage anyValue)
    {
        if (anyValue.Fields.Count == 0)
        {
            return new TypedValue("empty", null);
        }

        ProtoField field = Assert.Single(anyValue.Fields);
        return field.Number switch
        {
            1 => new TypedValue("string", field.Text),
            2 => new TypedValue("bool", field.Scalar != 0),
            3 => new TypedValue("int", (long)field.Scalar),
            4 => new TypedValue("double", field.Double),
            5 => new TypedValue("array", field.Message.All(1).Select(v => Of(v.Message)).ToList()),
            6 => new TypedValue("kvlist", Attributes(field.Message, 1)),
            _ => new TypedValue("other:" + field.Number, null),
        };
    }

    /// <summary>The key/typed-value pairs of the repeated <c>KeyValue</c> field <paramref name="number"/>.</summary>
    public static List<(string Key, TypedValue Value)> Attributes(ProtoMessage message, int number) =>
        message.All(number).Select(f => f.Message).Select(kv => (kv.One(1, 2).Text, Of(kv.One(2, 2).Message))).ToList();
}
