using System;

namespace DistriC;

/// <summary>
/// Validation of the W3C Trace Context Level 1 <c>tracestate</c> header: a list of at most 32 <c>key=value</c> members
/// separated by commas with optional spaces and tabs around them. Keys are a lower-case letter then up to 255 of
/// <c>a-z 0-9 _ - * /</c>, or <c>tenant@system</c> (tenant: a lower-case letter or digit then up to 240 of those
/// characters; system: a lower-case letter then up to 13); a key appears once. Values are up to 256 printable ASCII
/// characters other than <c>,</c> and <c>=</c>, not ending in a space. Empty members are allowed and not counted.
/// </summary>
internal static class TraceState
{
    /// <summary>Most list members a <c>tracestate</c> may hold.</summary>
    public const int MaxMembers = 32;

    private const int MaxKeyLength = 256;
    private const int MaxValueLength = 256;
    private const int MaxTenantLength = 241;
    private const int MaxSystemLength = 14;

    /// <summary>True when <paramref name="header"/> is a valid <c>tracestate</c> value (the empty list included).</summary>
    public static bool IsValid(ReadOnlySpan<char> header)
    {
        Span<Range> keys = stackalloc Range[MaxMembers];
        int count = 0;
        int start = 0;
        while (start <= header.Length)
        {
            int comma = header[start..].IndexOf(',');
            int end = comma < 0 ? header.Length : start + comma;
            ReadOnlySpan<char> raw = header[start..end];
            ReadOnlySpan<char> member = raw.Trim(" \t");
            if (!member.IsEmpty)
            {
                int equals = member.IndexOf('=');
                if (count == MaxMembers || equals <= 0 || !IsValidKey(member[..equals]) || !IsValidValue(member[(equals + 1)..]))
                {
                    return false;
                }

                int keyStart = start + (raw.Length - raw.TrimStart(" \t").Length);
                keys[count] = new Range(keyStart, keyStart + equals);
                for (int i = 0; i < count; i++)
                {
                    if (header[keys[i]].SequenceEqual(member[..equals]))
                    {
                        return false; // a key appears at most once
                    }
                }

                count++;
            }

            start = end + 1;
        }

        return true;
    }

    private static bool IsValidKey(ReadOnlySpan<char> key)
    {
        int at = key.IndexOf('@');
        if (at < 0)
        {
            return key.Length <= MaxKeyLength && IsLowerAlpha(key[0]) && AllKeyChars(key[1..]);
        }

        ReadOnlySpan<char> tenant = key[..at];
        ReadOnlySpan<char> system = key[(at + 1)..];
        return tenant.Length is > 0 and <= MaxTenantLength && (IsLowerAlpha(tenant[0]) || char.IsAsciiDigit(tenant[0])) && AllKeyChars(tenant[1..])
            && system.Length is > 0 and <= MaxSystemLength && IsLowerAlpha(system[0]) && AllKeyChars(system[1..]);
    }

    private static bool AllKeyChars(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            if (!(IsLowerAlpha(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '*' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidValue(ReadOnlySpan<char> value)
    {
        // A value cannot end in a space: spaces after it are the optional whitespace around the member, already trimmed.
        if (value.IsEmpty || value.Length > MaxValueLength)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is < ' ' or > '~' or ',' or '=')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlpha(char c) => c is >= 'a' and <= 'z';
}
