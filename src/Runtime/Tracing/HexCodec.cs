using System;

namespace DistriC;

/// <summary>Lower-case hexadecimal encoding of trace and span identifiers, without allocation.</summary>
internal static class HexCodec
{
    private const string Digits = "0123456789abcdef";

    /// <summary>Writes <paramref name="value"/> as exactly 16 lower-case hex digits.</summary>
    public static void Write64(ulong value, Span<char> destination)
    {
        for (int i = 15; i >= 0; i--)
        {
            destination[i] = Digits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    /// <summary>
    /// Reads exactly 16 hex digits. Only lower-case digits are accepted unless <paramref name="allowUpper"/>
    /// (W3C trace context requires lower case; the seed's legacy form was read with <c>sscanf</c>, which is case-blind).
    /// </summary>
    public static bool TryRead64(ReadOnlySpan<char> source, bool allowUpper, out ulong value)
    {
        value = 0;
        if (source.Length != 16)
        {
            return false;
        }

        ulong result = 0;
        foreach (char c in source)
        {
            int digit = Digit(c, allowUpper);
            if (digit < 0)
            {
                return false;
            }

            result = (result << 4) | (uint)digit;
        }

        value = result;
        return true;
    }

    /// <summary>Reads exactly two lower-case hex digits into a byte.</summary>
    public static bool TryRead8(ReadOnlySpan<char> source, out byte value)
    {
        value = 0;
        if (source.Length != 2)
        {
            return false;
        }

        int high = Digit(source[0], allowUpper: false);
        int low = Digit(source[1], allowUpper: false);
        if (high < 0 || low < 0)
        {
            return false;
        }

        value = (byte)((high << 4) | low);
        return true;
    }

    private static int Digit(char c, bool allowUpper)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }

        if (allowUpper && c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }

        return -1;
    }
}
