using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using DistriC.Generators;
using DistriC.Logging;

namespace DistriC.Generator.Logging
{
    /// <summary>Model -> C# text for [LogEvent] methods. Deterministic: types and methods in ordinal order.</summary>
    internal static class LogEventEmitter
    {
        private const string Writer = "__districWriter";
        private const string Skipped = "__districSkipped";

        /// <summary>Groups methods by containing type, both ordered ordinally, for one file per type.</summary>
        public static ImmutableArray<EquatableArray<LogEventModel>> GroupByType(ImmutableArray<LogEventModel> all) =>
            all.GroupBy(m => m.TypeKey, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new EquatableArray<LogEventModel>(g.OrderBy(SortKey, StringComparer.Ordinal)))
                .ToImmutableArray();

        /// <summary><c>{Namespace}.{Type}.Log.g.cs</c>, with characters unfit for a file name replaced.</summary>
        public static string HintName(LogEventModel model) => HintName(model.TypeKey, ".Log.g.cs");

        /// <summary><c>{Namespace}.{Type}{suffix}</c>, with characters unfit for a file name replaced.</summary>
        public static string HintName(string typeKey, string suffix)
        {
            var sb = new StringBuilder();
            foreach (char c in typeKey.Replace("global::", string.Empty))
            {
                sb.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            }

            return sb.Append(suffix).ToString();
        }

        /// <summary>The whole file for one containing type.</summary>
        public static string Emit(EquatableArray<LogEventModel> methods) =>
            GeneratedFile.WriteEach(methods[0].Hierarchy, methods, WriteMethod);

        private static string SortKey(LogEventModel m) =>
            m.Name + "(" + string.Join(",", m.Parameters.Select(p => p.Type)) + ")";

        private static void WriteMethod(SourceWriter w, LogEventModel m)
        {
            string parameters = string.Join(", ", m.Parameters.Select(p => (p.IsThis ? "this " : string.Empty) + p.Type + " " + p.Identifier));
            string returnType = m.ReturnsStatus ? "global::DistriC.DistricStatus" : "void";
            w.Line(GeneratedFile.GeneratedCodeAttribute);
            w.Line(m.Modifiers + " " + returnType + " " + m.Name + "(" + parameters + ")").Open();
            // The null and level checks live once in the runtime (LogEntryWriter.TryBegin), not in every method.
            string begin = "global::DistriC.Infrastructure.LogEntryWriter.TryBegin(" + m.LoggerExpression + ", global::DistriC.LogLevel." + m.LevelMember
                + ", " + Utf8(m.Header) + ", out var " + Writer + (m.ReturnsStatus ? ", out global::DistriC.DistricStatus " + Skipped : string.Empty) + ")";
            WriteEarlyReturn(w, "!" + begin, m.ReturnsStatus ? Skipped : null);
            w.Line();
            foreach (LogParameterModel p in m.Parameters)
            {
                if (p.Kind != LogValueKind.Logger)
                {
                    WriteField(w, p);
                }
            }

            w.Line((m.ReturnsStatus ? "return " : string.Empty) + Writer + ".Commit();");
            w.Close();
        }

        private static void WriteEarlyReturn(SourceWriter w, string condition, string? status)
        {
            w.Line("if (" + condition + ")").Open();
            w.Line(status is null ? "return;" : "return " + status + ";");
            w.Close();
        }

        private static void WriteField(SourceWriter w, LogParameterModel p)
        {
            if (!p.IsNullableValue)
            {
                WriteValue(w, p, p.Identifier);
                return;
            }

            w.Line("if (" + p.Identifier + ".HasValue)").Open();
            WriteValue(w, p, p.Identifier + ".GetValueOrDefault()");
            w.Close();
            w.Line("else").Open();
            w.Line(Writer + ".AppendNull(" + Utf8(p.FieldPrefix) + ");");
            w.Close();
        }

        private static void WriteValue(SourceWriter w, LogParameterModel p, string value)
        {
            if (p.Kind == LogValueKind.Enum)
            {
                WriteEnum(w, p, value);
                return;
            }

            if (p.Kind == LogValueKind.UnresolvedEnum)
            {
                // No type argument: inferred in the final compilation, and a type that is missing for good then
                // yields no error beyond the one at the parameter.
                w.Line(Writer + ".AppendEnum(" + Utf8(p.FieldPrefix) + ", " + value + ");");
                return;
            }

            w.Line(Writer + "." + AppendMethod(p.Kind) + "(" + Utf8(p.FieldPrefix) + ", " + value + ");");
        }

        private static string AppendMethod(LogValueKind kind) => kind switch
        {
            LogValueKind.String => "AppendString",
            LogValueKind.Char => "AppendChar",
            LogValueKind.Boolean => "AppendBoolean",
            LogValueKind.Number => "AppendNumber",
            LogValueKind.Single => "AppendSingle",
            LogValueKind.Double => "AppendDouble",
            LogValueKind.Guid => "AppendGuid",
            LogValueKind.DateTime => "AppendDateTime",
            LogValueKind.DateTimeOffset => "AppendDateTimeOffset",
            LogValueKind.TimeSpan => "AppendTimeSpan",
            LogValueKind.Exception => "AppendException",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        // Enum names are JSON literals chosen by a switch: no Enum.ToString, no allocation. A value without a
        // name (a cast integer or a flags combination) is written as its number in a string.
        private static void WriteEnum(SourceWriter w, LogParameterModel p, string value)
        {
            w.Line(Writer + ".AppendRaw(" + Utf8(p.FieldPrefix) + ");");
            w.Line("switch (" + value + ")").Open();
            foreach (EnumMemberModel member in p.EnumMembers)
            {
                w.Line("case " + p.EnumType + "." + member.Identifier + ":").Indent();
                w.Line(Writer + ".AppendRaw(" + Utf8(member.JsonName) + ");");
                w.Line("break;");
                w.Dedent();
            }

            w.Line("default:").Indent();
            w.Line(Writer + ".AppendQuotedNumber(default, (" + p.EnumUnderlyingType + ")" + value + ");");
            w.Line("break;");
            w.Dedent();
            w.Close();
        }

        private static string Utf8(string text) => SourceLiterals.String(text) + "u8";
    }
}
