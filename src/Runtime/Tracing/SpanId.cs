using System;

namespace DistriC;

/// <summary>A 64-bit W3C span (parent) identifier. Zero is invalid and means "no span".</summary>
/// <param name="Value">The identifier bits.</param>
public readonly record struct SpanId(ulong Value)
{
    /// <summary>Number of characters in the hex form.</summary>
    public const int HexLength = 16;

    /// <summary>True unless the value is zero.</summary>
    public bool IsValid => Value != 0;

    /// <summary>Creates a random, non-zero span ID.</summary>
    public static SpanId CreateRandom() => new(IdGenerator.NextNonZero());

    /// <summary>Writes the 16 lower-case hex digits into <paramref name="destination"/>.</summary>
    /// <param name="destination">Destination of at least <see cref="HexLength"/> characters.</param>
    /// <param name="charsWritten">16 on success, 0 when the destination is too small.</param>
    /// <returns>False when the destination is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < HexLength)
        {
            return false;
        }

        HexCodec.Write64(Value, destination);
        charsWritten = HexLength;
        return true;
    }

    /// <summary>Parses exactly 16 lower-case hex digits; zero is rejected.</summary>
    /// <param name="hex">The hex digits.</param>
    /// <param name="id">The ID, or default when the input is rejected.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidFormat"/>.</returns>
    public static DistricStatus Parse(ReadOnlySpan<char> hex, out SpanId id) => Parse(hex, allowUpper: false, out id);

    internal static DistricStatus Parse(ReadOnlySpan<char> hex, bool allowUpper, out SpanId id)
    {
        id = default;
        if (!HexCodec.TryRead64(hex, allowUpper, out ulong value) || value == 0)
        {
            return DistricStatus.InvalidFormat;
        }

        id = new SpanId(value);
        return DistricStatus.Ok;
    }

    /// <summary>The 16 lower-case hex digits.</summary>
    /// <returns>The hex form.</returns>
    public override string ToString() => string.Create(HexLength, this, static (chars, id) => id.TryFormat(chars, out _));
}
