using System;
using System.Globalization;

namespace DistriC.Metrics.Interop;

/// <summary>
/// Hashing, comparison and text of tag values as instruments pass them (<c>object?</c>: strings, boxed numbers,
/// booleans). Hashing and comparing allocate nothing; the text is made only when a series is created.
/// </summary>
internal static class TagValues
{
    /// <summary>Longest label value kept; longer values are cut (the registry's own limit for declared values).</summary>
    public const int MaxLength = MetricRules.MaxLabelValueLength;

    public static int Hash(object value) => value is string s ? s.GetHashCode(StringComparison.Ordinal) : value.GetHashCode();

    /// <summary>
    /// Same type and value. A boxed <c>200</c> and the string <c>"200"</c> are different keys here; the family
    /// maps both to the one series with that text.
    /// </summary>
    public static bool Same(object stored, object incoming)
    {
        if (ReferenceEquals(stored, incoming))
        {
            return true;
        }

        return stored is string s ? incoming is string t && string.Equals(s, t, StringComparison.Ordinal) : stored.Equals(incoming);
    }

    /// <summary>The label value: invariant-culture text, booleans as <c>true</c>/<c>false</c>, at most <see cref="MaxLength"/> characters.</summary>
    public static string Text(object value)
    {
        string text = value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
