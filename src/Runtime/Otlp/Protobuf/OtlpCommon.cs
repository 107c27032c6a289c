using System;
using System.Buffers.Binary;

namespace DistriC.Otlp.Protobuf;

/// <summary>
/// The messages of <c>opentelemetry/proto/common/v1/common.proto</c> that every signal shares: <c>KeyValue</c> with its
/// <c>AnyValue</c>, and <c>InstrumentationScope</c>. Field numbers are the spec's.
/// </summary>
internal static class OtlpCommon
{
    private const int KeyValueKey = 1;
    private const int KeyValueValue = 2;
    private const int AnyValueString = 1;
    private const int AnyValueBool = 2;
    private const int AnyValueInt = 3;
    private const int AnyValueDouble = 4;
    private const int ScopeName = 1;
    private const int ScopeVersion = 2;

    // Tags of the fields above, as single bytes (field << 3 | wire type).
    private const byte KeyTag = (KeyValueKey << 3) | (int)WireType.LengthDelimited;
    private const byte ValueTag = (KeyValueValue << 3) | (int)WireType.LengthDelimited;
    private const byte StringTag = (AnyValueString << 3) | (int)WireType.LengthDelimited;
    private const byte BoolTag = (AnyValueBool << 3) | (int)WireType.Varint;
    private const byte IntTag = (AnyValueInt << 3) | (int)WireType.Varint;
    private const byte DoubleTag = (AnyValueDouble << 3) | (int)WireType.Fixed64;

    /// <summary>A string attribute; a null value is written as an empty <c>AnyValue</c> (OTLP's "no value").</summary>
    public static void WriteStringAttribute(ProtoBuffer buffer, int field, string key, string? value) =>
        WriteAttribute(buffer, field, new SpanTag(key, value));

    /// <summary>A 64-bit integer attribute.</summary>
    public static void WriteIntAttribute(ProtoBuffer buffer, int field, string key, long value) =>
        WriteAttribute(buffer, field, new SpanTag(key, value));

    /// <summary>A double attribute.</summary>
    public static void WriteDoubleAttribute(ProtoBuffer buffer, int field, string key, double value) =>
        WriteAttribute(buffer, field, new SpanTag(key, value));

    /// <summary>A boolean attribute.</summary>
    public static void WriteBoolAttribute(ProtoBuffer buffer, int field, string key, bool value) =>
        WriteAttribute(buffer, field, new SpanTag(key, value));

    /// <summary>
    /// A tag as a <c>KeyValue</c> with the <c>AnyValue</c> member of its type (a null string as an empty <c>AnyValue</c>).
    /// When the key and a string value are in the buffer's encoded-string cache, every length is known up front, so the
    /// message is laid out in one go with minimal lengths; otherwise it is written with reserved lengths.
    /// </summary>
    public static void WriteAttribute(ProtoBuffer buffer, int field, in SpanTag tag)
    {
        Utf8Cache strings = buffer.Strings;
        ReadOnlySpan<byte> cached = strings.FindAttribute(tag, out int pairSlot);
        if (!cached.IsEmpty)
        {
            Span<byte> target = buffer.GetSpan(cached.Length + 10);
            int start = ProtoBuffer.WriteVarint(target, 0, (uint)(field << 3) | (uint)WireType.LengthDelimited);
            start = ProtoBuffer.WriteVarint(target, start, (uint)cached.Length);
            cached.CopyTo(target[start..]);
            buffer.Advance(start + cached.Length);
            return;
        }

        int keySlot = strings.Lookup(tag.Key);
        if (keySlot < 0)
        {
            WriteAttributeNested(buffer, field, tag);
            return;
        }

        int anyLength;
        int valueSlot = -1;
        switch (tag.Type)
        {
            case SpanTagType.Long:
                anyLength = 1 + ProtoBuffer.VarintSize(unchecked((ulong)tag.LongValue));
                break;
            case SpanTagType.Double:
                anyLength = 9;
                break;
            case SpanTagType.Bool:
                // proto3 oneof: a set member is written even when it holds the default, so false stays a bool.
                anyLength = 2;
                break;
            default:
                if (tag.StringValue is not { } text)
                {
                    anyLength = 0;
                    break;
                }

                valueSlot = strings.Lookup(text);
                if (valueSlot < 0 || (valueSlot == keySlot && !ReferenceEquals(text, tag.Key)))
                {
                    // Too long to cache, or it evicted the key's encoding from the slot they share.
                    WriteAttributeNested(buffer, field, tag);
                    return;
                }

                int textLength = strings.Bytes(valueSlot).Length;
                anyLength = 1 + ProtoBuffer.VarintSize((uint)textLength) + textLength;
                break;
        }

        ReadOnlySpan<byte> key = strings.Bytes(keySlot);
        int length = 1 + ProtoBuffer.VarintSize((uint)key.Length) + key.Length + 1 + ProtoBuffer.VarintSize((uint)anyLength) + anyLength;
        Span<byte> destination = buffer.GetSpan(length + 10);
        int offset = ProtoBuffer.WriteVarint(destination, 0, (uint)(field << 3) | (uint)WireType.LengthDelimited);
        offset = ProtoBuffer.WriteVarint(destination, offset, (uint)length);
        int body = offset;
        destination[offset++] = KeyTag;
        offset = ProtoBuffer.WriteVarint(destination, offset, (uint)key.Length);
        key.CopyTo(destination[offset..]);
        offset += key.Length;
        destination[offset++] = ValueTag;
        offset = ProtoBuffer.WriteVarint(destination, offset, (uint)anyLength);
        switch (tag.Type)
        {
            case SpanTagType.Long:
                destination[offset++] = IntTag;
                offset = ProtoBuffer.WriteVarint(destination, offset, unchecked((ulong)tag.LongValue));
                break;
            case SpanTagType.Double:
                destination[offset++] = DoubleTag;
                BinaryPrimitives.WriteDoubleLittleEndian(destination[offset..], tag.DoubleValue);
                offset += 8;
                break;
            case SpanTagType.Bool:
                destination[offset++] = BoolTag;
                destination[offset++] = tag.BoolValue ? (byte)1 : (byte)0;
                break;
            default:
                if (valueSlot >= 0)
                {
                    ReadOnlySpan<byte> text = strings.Bytes(valueSlot);
                    destination[offset++] = StringTag;
                    offset = ProtoBuffer.WriteVarint(destination, offset, (uint)text.Length);
                    text.CopyTo(destination[offset..]);
                    offset += text.Length;
                }

                break;
        }

        strings.StoreAttribute(tag, pairSlot, destination[body..offset]);
        buffer.Advance(offset);
    }

    /// <summary>An <c>InstrumentationScope</c> message as field <paramref name="field"/>.</summary>
    public static void WriteScope(ProtoBuffer buffer, int field, string name, string version)
    {
        int scope = buffer.BeginMessage(field);
        buffer.WriteStringField(ScopeName, name);
        buffer.WriteStringField(ScopeVersion, version);
        buffer.EndMessage(scope);
    }

    // Long keys or values: encoded straight into the buffer under reserved lengths.
    private static void WriteAttributeNested(ProtoBuffer buffer, int field, in SpanTag tag)
    {
        int keyValue = buffer.BeginMessage(field);
        buffer.WriteStringField(KeyValueKey, tag.Key.AsSpan());
        int any = buffer.BeginMessage(KeyValueValue);
        switch (tag.Type)
        {
            case SpanTagType.Long:
                buffer.WriteVarintField(AnyValueInt, unchecked((ulong)tag.LongValue));
                break;
            case SpanTagType.Double:
                buffer.WriteDoubleField(AnyValueDouble, tag.DoubleValue);
                break;
            case SpanTagType.Bool:
                buffer.WriteVarintField(AnyValueBool, tag.BoolValue ? 1UL : 0UL);
                break;
            default:
                if (tag.StringValue is { } text)
                {
                    buffer.WriteStringField(AnyValueString, text.AsSpan());
                }

                break;
        }

        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }
}
