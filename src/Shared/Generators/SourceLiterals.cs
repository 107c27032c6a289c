// C# literal spelling shared by the generators: strings, doubles and UTF-8 literals written the same
// way everywhere, independent of the machine's culture.
using System.Globalization;
using System.Text;

namespace DistriC.Generators
{
    internal static class SourceLiterals
    {
        private static readonly char[] FractionMarkers = { '.', 'E', 'e' };

        /// <summary>A C# regular string literal with every character that needs it escaped.</summary>
        public static string String(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\0': sb.Append("\\0"); break;
                    default:
                        if (c < 0x20 || c == 0x7F || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                        {
                            sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>A C# double literal that round-trips exactly.</summary>
        public static string Double(double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                return "double.PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "double.NegativeInfinity";
            }

            if (double.IsNaN(value))
            {
                return "double.NaN";
            }

            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOfAny(FractionMarkers) >= 0 ? text : text + ".0";
        }
    }
}
