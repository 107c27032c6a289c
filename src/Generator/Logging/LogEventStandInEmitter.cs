using System;
using System.Collections.Immutable;
using System.Linq;
using DistriC.Generators;

namespace DistriC.Generator.Logging
{
    /// <summary>
    /// Stand-in implementations of rejected [LogEvent] methods: the declared signature, a body that logs
    /// nothing. One file per containing type, methods in ordinal order of their signatures.
    /// </summary>
    internal static class LogEventStandInEmitter
    {
        /// <summary>Groups stand-ins by containing type, both ordered ordinally.</summary>
        public static ImmutableArray<EquatableArray<LogEventStandInModel>> GroupByType(ImmutableArray<LogEventStandInModel> all) =>
            all.GroupBy(m => m.TypeKey, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new EquatableArray<LogEventStandInModel>(g.OrderBy(m => m.Signature, StringComparer.Ordinal)))
                .ToImmutableArray();

        /// <summary><c>{Namespace}.{Type}.LogStandIn.g.cs</c>: apart from the file of the type's valid methods.</summary>
        public static string HintName(LogEventStandInModel model) => LogEventEmitter.HintName(model.TypeKey, ".LogStandIn.g.cs");

        /// <summary>The whole file for one containing type.</summary>
        public static string Emit(EquatableArray<LogEventStandInModel> methods) =>
            GeneratedFile.WriteEach(methods[0].Hierarchy, methods, WriteStandIn);

        private static void WriteStandIn(SourceWriter w, LogEventStandInModel m)
        {
            // No [GeneratedCode] here: partial parts share their attributes, and the analyzer driver treats a
            // method marked so as generated code, whose diagnostics it drops: the DSC1xx error would vanish.
            w.Line("// Stand-in: rejected by a DSC1xx rule; the build fails with that error. It logs nothing.");
            w.Line(m.Signature);
            w.Indent();
            foreach (string constraint in m.Constraints)
            {
                w.Line(constraint);
            }

            w.Dedent();
            w.Open();
            foreach (string statement in m.Body)
            {
                w.Line(statement);
            }

            w.Close();
        }
    }
}
