// Writes the stand-in members of a [Metric] class the rules reject: the documented API (constructor,
// nested label enums, Cardinality, the update and read methods) with bodies that do nothing. The
// build still fails, on the analyzer's DSC error; the stand-in only keeps the consumer's calls from
// adding compiler errors (CS1729, CS1061, CS0426) that hide it, because the command-line compiler
// does not report analyzer diagnostics once the compilation has errors. Nothing here is registered
// or listed in the catalog. Every name is sanitised, since the rejected model may hold names that
// are not identifiers, repeat, or collide with the generated API.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DistriC.Generators;
using DistriC.Metrics;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Metrics
{
    internal static class MetricStandInEmitter
    {
        private const string Status = "global::DistriC.DistricStatus";
        private const string Marker = "// Stand-in: this [Metric] declaration is rejected by a DSC0xx rule; the build fails with that error.";

        /// <summary>
        /// True when stand-in members can be added without a compiler error of their own: the class and
        /// its containers are partial, and it is neither generic nor static (DSC007 then stays alone).
        /// </summary>
        public static bool CanHost(MetricModel model) =>
            model.Type.IsPartial && !model.Type.IsGeneric && !model.Type.IsStatic && model.Type.NonPartialContainer is null;

        public static string Emit(MetricModel model, string generatedCode) =>
            GeneratedFile.Write(model.Type.Hierarchy, Marker, w => WriteMembers(w, model, generatedCode));

        private static void WriteMembers(SourceWriter w, MetricModel model, string generatedCode)
        {
            var taken = new HashSet<string>(MetricIdentifiers.GeneratedMemberNames) { model.Type.Name };
            var enums = new Dictionary<string, string>();
            var parameters = new List<string>();
            var parameterNames = new HashSet<string>();
            for (int d = 0; d < model.Labels.Count; d++)
            {
                LabelModel label = model.Labels[d];
                string labelType = label.IsEnumTyped ? label.TypeName! : InlineEnum(w, label, generatedCode, taken, enums);
                string name = label.Name is { } n && SyntaxFacts.IsValidIdentifier(n) && n != "value" && parameterNames.Add(n)
                    ? Identifiers.Escape(n)
                    : "label" + d.ToString(CultureInfo.InvariantCulture);
                parameterNames.Add(name);
                parameters.Add(labelType + " " + name);
            }

            string valueName = "value";
            while (parameterNames.Contains(valueName))
            {
                valueName += "_";
            }

            w.Line("/// <summary>Stand-in for the number of label combinations: 0, as the declaration is rejected.</summary>");
            w.Line(generatedCode);
            w.Line("public const int Cardinality = 0;");
            w.Line();
            w.Line("/// <summary>Stand-in constructor: registers nothing, as the declaration is rejected.</summary>");
            w.Line("/// <param name=\"registry\">Not used.</param>");
            w.Line(generatedCode);
            w.Line($"public {model.Type.Name}(global::DistriC.MetricRegistry registry)");
            w.Open();
            w.Close();

            // A public class whose label enum is not public gets internal methods (CS0051 otherwise), as in the real code.
            string access = model.Type.IsEffectivelyPublic && model.Labels.Any(l => l.IsEnumTyped && !l.TypeIsEffectivelyPublic) ? "internal" : "public";
            string labels = string.Join(", ", parameters);
            string WithValue(string valueType) => labels + (labels.Length > 0 ? ", " : string.Empty) + valueType + " " + valueName;
            var methods = model.Kind switch
            {
                DeclaredMetricKind.Counter => new[] { (Status, "Inc", labels), (Status, "Add", WithValue("long")), ("long", "Get", labels) },
                DeclaredMetricKind.Gauge => new[]
                {
                    (Status, "Set", WithValue("double")), (Status, "Inc", labels), (Status, "Dec", labels),
                    (Status, "Add", WithValue("double")), ("double", "Get", labels),
                },
                DeclaredMetricKind.Histogram => new[] { (Status, "Observe", WithValue("double")), ("long", "GetCount", labels), ("double", "GetSum", labels) },
                // Info has no methods; a kind no MetricKind member has (DSC013) has none to stand in for.
                _ => Array.Empty<(string, string, string)>(),
            };
            if (model.Exemplars)
            {
                // The explicit-exemplar overloads the real code has, so calls to them do not add compiler errors.
                string exemplar = "in global::DistriC.TraceContext exemplar";
                string With(string list) => list + (list.Length > 0 ? ", " : string.Empty) + exemplar;
                methods = model.Kind switch
                {
                    DeclaredMetricKind.Counter => methods.Concat(new[] { (Status, "Inc", With(labels)), (Status, "Add", With(WithValue("long"))) }).ToArray(),
                    DeclaredMetricKind.Histogram => methods.Concat(new[] { (Status, "Observe", With(WithValue("double"))) }).ToArray(),
                    _ => methods,
                };
            }

            foreach ((string returnType, string name, string parameterList) in methods)
            {
                w.Line();
                w.Line("/// <summary>Stand-in: does nothing, as the declaration is rejected.</summary>");
                w.Line("/// <returns>The default value.</returns>");
                w.Line(generatedCode);
                w.Line($"{access} {returnType} {name}({parameterList}) => default;");
            }
        }

        /// <summary>Writes the nested enum of an inline label (once per name) and returns the parameter type.</summary>
        private static string InlineEnum(SourceWriter w, LabelModel label, string generatedCode, HashSet<string> taken, Dictionary<string, string> enums)
        {
            string pascal = label.PascalName;
            if (enums.TryGetValue(pascal, out string? existing))
            {
                return existing;
            }

            if (!taken.Add(pascal))
            {
                return "int"; // the name belongs to the generated API or the class: no enum to refer to anyway
            }

            enums.Add(pascal, pascal);
            w.Line("/// <summary>Stand-in for the allowed values of a rejected label.</summary>");
            w.Line(generatedCode);
            w.Line($"public enum {pascal}");
            w.Open();
            var members = new HashSet<string>();
            for (int i = 0; i < label.Values.Count; i++)
            {
                if (label.Values[i].Value is not null && members.Add(label.Values[i].Identifier))
                {
                    w.Line("/// <summary>Stand-in value.</summary>");
                    w.Line($"{label.Values[i].Identifier} = {i.ToString(CultureInfo.InvariantCulture)},");
                }
            }

            w.Close();
            w.Line();
            return pascal;
        }
    }
}
