using System;

namespace DistriC;

/// <summary>A 128-bit W3C trace identifier. The all-zero value is invalid and means "no trace".</summary>
/// <param name="High">The most significant 64 bits (the first 16 hex digits).</param>
/// <param name="Low">The least significant 64 bits (the last 16 hex digits).</param>
public readonly record struct TraceId(ulong High, ulong Low)
{
    /// <summary>Number of characters in the hex form.</summary>
    public const int HexLength = 32;

    /// <summary>True unless both halves are zero.</summary>
    public bool IsValid => (High | Low) != 0;

    /// <summary>Creates a random, non-zero trace ID.</summary>
    public static TraceId CreateRandom() => new(IdGenerator.Next(), IdGenerator.NextNonZero());

    /// <summary>Writes the 32 lower-case hex digits into <paramref name="destination"/>.</summary>
    /// <param name="destination">Destination of at least <see cref="HexLength"/> characters.</param>
    /// <param name="charsWritten">32 on success, 0 when the destination is too small.</param>
    /// <returns>False when the destination is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < HexLength)
        {
            return false;
        }

        HexCodec.Write64(High, destination);
        HexCodec.Write64(Low, destination[16..]);
        charsWritten = HexLength;
        return true;
    }

    /// <summary>Parses exactly 32 lower-case hex digits; the all-zero ID is rejected.</summary>
    /// <param name="hex">The hex digits.</param>
    /// <param name="id">The ID, or default when the input is rejected.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidFormat"/>.</returns>
    public static DistricStatus Parse(ReadOnlySpan<char> hex, out TraceId id) => Parse(hex, allowUpper: false, out id);

    internal static DistricStatus Parse(ReadOnlySpan<char> hex, bool allowUpper, out TraceId id)
    {
        id = default;
        if (hex.Length != HexLength
            || !HexCodec.TryRead64(hex[..16], allowUpper, out ulong high)
            || !HexCodec.TryRead64(hex[16..], allowUpper, out ulong low)
            || (high | low) == 0)
        {
            return DistricStatus.InvalidFormat;
        }

        id = new TraceId(high, low);
        return DistricStatus.Ok;
    }

    /// <summary>The 32 lower-case hex digits.</summary>
    /// <returns>The hex form.</returns>
    public override string ToString() => string.Create(HexLength, this, static (chars, id) => id.TryFormat(chars, out _));
}
