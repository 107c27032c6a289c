// Text from a declaration (names, HELP, label values) placed inside generated XML doc comments.
using System.Globalization;
using System.Text;

namespace DistriC.Generator.Metrics
{
    internal static class SourceText
    {
        /// <summary>
        /// XML-escapes <paramref name="text"/> and spells out every character that would end the
        /// <c>///</c> line (control characters and the Unicode line separators) as <c>\uXXXX</c>.
        /// </summary>
        public static string Xml(string text)
        {
            var result = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '&': result.Append("&amp;"); break;
                    case '<': result.Append("&lt;"); break;
                    case '>': result.Append("&gt;"); break;
                    default:
                        if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029')
                        {
                            result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            result.Append(c);
                        }

                        break;
                }
            }

            return result.ToString();
        }
    }
}
