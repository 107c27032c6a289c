namespace DistriC;

/// <summary>Checks for text that cannot be encoded as UTF-8 (unpaired surrogates).</summary>
internal static class Utf16
{
    /// <summary>True when <paramref name="text"/> holds a high surrogate not followed by a low one, or a lone low surrogate.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns <paramref name="text"/> with every unpaired surrogate replaced by U+FFFD (the same instance when there is none).</summary>
    public static string Sanitize(string text)
    {
        if (!HasLoneSurrogate(text))
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
