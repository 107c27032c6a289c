using System.Text;

namespace DistriC.Exposition;

/// <summary>Escaping rules of the Prometheus text and OpenMetrics formats.</summary>
internal static class TextEscaping
{
    /// <summary>HELP text in Prometheus 0.0.4: backslash and line feed are escaped.</summary>
    public static string EscapeHelp(string help) => Escape(help, escapeQuote: false);

    /// <summary>
    /// HELP text in OpenMetrics: the double quote is escaped too (its ABNF excludes a bare <c>"</c>
    /// from escaped strings).
    /// </summary>
    public static string EscapeHelpAndQuotes(string help) => Escape(help, escapeQuote: true);

    /// <summary>Label values: backslash, double quote and line feed are escaped in both formats.</summary>
    public static string EscapeLabelValue(string value) => Escape(value, escapeQuote: true);

    private static string Escape(string text, bool escapeQuote)
    {
        int i = 0;
        while (i < text.Length && text[i] != '\\' && text[i] != '\n' && !(escapeQuote && text[i] == '"'))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '"' when escapeQuote: sb.Append("\\\""); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
