// Rules of the JSON log line shared by the runtime (linked into DistriC.Runtime), the generator and
// the analyzers: level spellings, reserved field names and the escaping of constant text. One copy,
// so a generated line and a line written by JsonLogger.Write cannot disagree.
using System.Globalization;
using System.Text;

namespace DistriC.Logging
{
    internal static class LogFormat
    {
        /// <summary>Field names every line starts with; a log event field may not reuse them.</summary>
        public static readonly string[] ReservedFieldNames = { "timestamp", "level", "component", "message" };

        /// <summary>The fields every line carries while a span is active, right after the fixed ones.</summary>
        public static readonly string[] TraceFieldNames = { "trace_id", "span_id" };

        /// <summary>True when <paramref name="name"/> is one of <see cref="TraceFieldNames"/>.</summary>
        public static bool IsTraceFieldName(string name) =>
            string.Equals(name, "trace_id", System.StringComparison.Ordinal) || string.Equals(name, "span_id", System.StringComparison.Ordinal);

        /// <summary>The JSON spelling of a level value (the seed's names); null for an undefined value.</summary>
        public static string? LevelName(int level)
        {
            switch (level)
            {
                case 0: return "DEBUG";
                case 1: return "INFO";
                case 2: return "WARN";
                case 3: return "ERROR";
                case 4: return "FATAL";
                default: return null;
            }
        }

        /// <summary>True when <paramref name="name"/> is one of <see cref="ReservedFieldNames"/>.</summary>
        public static bool IsReservedFieldName(string name)
        {
            foreach (string reserved in ReservedFieldNames)
            {
                if (string.Equals(reserved, name, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The constant part that follows the timestamp of every line:
        /// <c>,"level":"INFO","component":"http","message":"Request received"</c>.
        /// </summary>
        public static string HeaderSuffix(string levelName, string component, string message) =>
            ",\"level\":" + Quote(levelName) + ",\"component\":" + Quote(component) + ",\"message\":" + Quote(message);

        /// <summary>The JSON text of a field name followed by its colon, with the leading comma: <c>,"name":</c>.</summary>
        public static string FieldPrefix(string name) => "," + Quote(name) + ":";

        /// <summary>
        /// <paramref name="value"/> as a JSON string literal (RFC 8259): quote, backslash and every control
        /// character escaped, lone surrogates replaced with U+FFFD, everything else kept as is.
        /// </summary>
        public static string Quote(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                }
                else if (char.IsSurrogate(c))
                {
                    sb.Append('\uFFFD');
                }
                else
                {
                    AppendEscaped(sb, c);
                }
            }

            sb.Append('"');
            return sb.ToString();
        }

        private static void AppendEscaped(StringBuilder sb, char c)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
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
    }
}
