using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using DistriC.Logging;

namespace DistriC.Otlp;

/// <summary>
/// The encoding (plain UTF-8 for protobuf, a quoted escaped string for JSON) of recently written short strings, and of
/// whole attributes, keyed by reference: span names, tag keys and most tag values
/// are the same string instances span after span (literals, route templates, cached status texts), so each is encoded
/// once and then copied. Direct-mapped over the identity hash; a miss (a new string, or two hot strings sharing a slot)
/// only costs the encoding, written into the slot's preallocated bytes, so the cache never allocates.
/// </summary>
/// <remarks>
/// A slot holds a strong reference to its string, so a string cannot be collected and its address reused by another
/// while the slot describes it. Used by one thread at a time (the exporter's), like the buffer that owns it.
/// </remarks>
internal sealed class Utf8Cache
{
    /// <summary>The longest encoding a slot holds, in bytes (64 ASCII characters, 21 of any kind).</summary>
    public const int SlotBytes = 64;

    private const int Slots = 512;

    private readonly bool _jsonQuoted;
    private readonly string?[] _keys = new string?[Slots];
    private readonly byte[] _lengths = new byte[Slots];
    private readonly byte[] _bytes = new byte[Slots * SlotBytes];

    // Whole encoded attributes (protobuf KeyValue bodies, JSON KeyValue objects) of up to 144 bytes; longer ones are not kept.
    private const int PairBytes = 144;
    private const int PairSlots = 256;
    private readonly Pair[] _pairs = new Pair[PairSlots];
    private readonly byte[] _pairBytes = new byte[PairSlots * PairBytes];

    private readonly record struct Pair(string? Key, string? Text, long Bits, SpanTagType Type, byte Length);

    /// <summary>Creates an empty cache.</summary>
    /// <param name="jsonQuoted">
    /// True to keep each string as a quoted, escaped JSON string (for the JSON encoding) rather than as plain UTF-8.
    /// </param>
    public Utf8Cache(bool jsonQuoted = false) => _jsonQuoted = jsonQuoted;

    /// <summary>The slot holding <paramref name="value"/>'s encoding (encoding it now on a miss), or -1 when it is too long to cache.</summary>
    public int Lookup(string value)
    {
        if (value.Length > SlotBytes)
        {
            return -1;
        }

        int slot = RuntimeHelpers.GetHashCode(value) & (Slots - 1);
        if (ReferenceEquals(_keys[slot], value))
        {
            return slot;
        }

        // Forget the old string first: a failed encoding must not leave its bytes under the old key.
        _keys[slot] = null;
        Span<byte> destination = _bytes.AsSpan(slot * SlotBytes, SlotBytes);
        int written;
        bool encoded = _jsonQuoted
            ? JsonUtf8.TryWriteQuoted(value, destination, out written)
            : Utf8.FromUtf16(value, destination, out _, out written, replaceInvalidSequences: true) == OperationStatus.Done;
        if (!encoded)
        {
            return -1;
        }

        _lengths[slot] = (byte)written;
        _keys[slot] = value;
        return slot;
    }

    /// <summary>
    /// The encoded <c>KeyValue</c> body last written for this key with exactly this value (same key instance, same type,
    /// same string instance or the same number), or empty: tags repeat span after span, so most attributes are one copy.
    /// </summary>
    public ReadOnlySpan<byte> FindAttribute(in SpanTag tag, out int pairSlot)
    {
        pairSlot = RuntimeHelpers.GetHashCode(tag.Key) & (PairSlots - 1);
        ref Pair pair = ref _pairs[pairSlot];
        return ReferenceEquals(pair.Key, tag.Key) && ReferenceEquals(pair.Text, tag.StringValue) && pair.Type == tag.Type && pair.Bits == tag.RawBits
            ? _pairBytes.AsSpan(pairSlot * PairBytes, pair.Length)
            : default;
    }

    /// <summary>Remembers the <c>KeyValue</c> body just written for <paramref name="tag"/> in the slot <see cref="FindAttribute"/> named.</summary>
    public void StoreAttribute(in SpanTag tag, int pairSlot, ReadOnlySpan<byte> body)
    {
        ref Pair pair = ref _pairs[pairSlot];
        if (body.Length > PairBytes)
        {
            pair = default;
            return;
        }

        body.CopyTo(_pairBytes.AsSpan(pairSlot * PairBytes));
        pair = new Pair(tag.Key, tag.StringValue, tag.RawBits, tag.Type, (byte)body.Length);
    }

    /// <summary>The encoded bytes of a slot returned by <see cref="Lookup"/> (valid until the next lookup of another string).</summary>
    public ReadOnlySpan<byte> Bytes(int slot) => _bytes.AsSpan(slot * SlotBytes, _lengths[slot]);
}
