using System;
using System.Buffers;
using System.Text.Unicode;

namespace DistriC.Logging;

/// <summary>
/// Span-based RFC 8259 string encoding for the logger's hot path: runs of characters that need no escape
/// are transcoded by the vectorised <see cref="Utf8.FromUtf16(ReadOnlySpan{char}, Span{byte}, out int, out int, bool, bool)"/>
/// (which also replaces lone surrogates with U+FFFD); quote, backslash and control characters are escaped
/// one by one. Never allocates, never throws; reports "does not fit" instead of truncating.
/// </summary>
/// <remarks>The same rules as <c>LogFormat.Quote</c>, which the generator uses for constant text.</remarks>
internal static class JsonUtf8
{
    // Characters that cannot appear raw inside a JSON string.
    private static readonly SearchValues<char> MustEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\");

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    /// <summary>Writes <paramref name="value"/> as a quoted JSON string into <paramref name="destination"/>.</summary>
    /// <returns>False when the encoded text does not fit; <paramref name="written"/> is then meaningless.</returns>
    public static bool TryWriteQuoted(ReadOnlySpan<char> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < 2)
        {
            return false;
        }

        destination[0] = (byte)'"';
        int pos = 1;
        while (!value.IsEmpty)
        {
            int stop = value.IndexOfAny(MustEscape);
            ReadOnlySpan<char> run = stop < 0 ? value : value[..stop];
            if (!run.IsEmpty)
            {
                // Escapable characters are ASCII, so a run never ends inside a valid surrogate pair:
                // a high surrogate at its end really is lone and becomes U+FFFD.
                if (Utf8.FromUtf16(run, destination[pos..], out _, out int runBytes, replaceInvalidSequences: true, isFinalBlock: true)
                    != OperationStatus.Done)
                {
                    return false;
                }

                pos += runBytes;
            }

            if (stop < 0)
            {
                break;
            }

            if (!TryWriteEscape(value[stop], destination[pos..], out int escapeBytes))
            {
                return false;
            }

            pos += escapeBytes;
            value = value[(stop + 1)..];
        }

        if (pos >= destination.Length)
        {
            return false;
        }

        destination[pos++] = (byte)'"';
        written = pos;
        return true;
    }

    /// <summary>The escape of one character that JSON requires escaped (short form where there is one, else <c>\u00XX</c>).</summary>
    internal static bool TryWriteEscape(char c, Span<byte> destination, out int written)
    {
        byte shortForm = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            _ => 0,
        };
        written = shortForm != 0 ? 2 : 6;
        if (destination.Length < written)
        {
            return false;
        }

        destination[0] = (byte)'\\';
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return true;
        }

        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = HexDigits[c >> 4];
        destination[5] = HexDigits[c & 0xF];
        return true;
    }
}
