// Writes the members of one valid [MeterInstrument] class: it derives from MeterInstrumentBinding, its constructor
// passes the instrument and the exposed labels, and SeriesOf maps a measurement's tags to the flat index. The hot
// path is a switch on each tag's key, then a switch on its value (string, int, long, bool or the enum, as the
// instrument passes it), then one multiply-add per tag with constant strides: no dictionary, no allocation.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DistriC.Generators;
using DistriC.Metrics;

namespace DistriC.Generator.Metrics
{
    internal static class MeterBindingEmitter
    {
        private const string Base = "global::DistriC.MeterInstrumentBinding";
        private const string Tags = "global::System.ReadOnlySpan<global::System.Collections.Generic.KeyValuePair<string, object?>>";

        /// <summary><c>Ns.Outer+Inner.MeterInstrument.g.cs</c>, as <see cref="MetricSourceEmitter.HintName"/> but its own suffix.</summary>
        public static string HintName(MeterBindingModel model) =>
            MetricSourceEmitter.HintName(model.Metric).Replace(".Metric.g.cs", ".MeterInstrument.g.cs");

        public static string Emit(MeterBindingModel model, string generatedCode) =>
            GeneratedFile.Write(model.Type.Hierarchy, marker: null, w => WriteMembers(w, model, generatedCode), Base);

        private static void WriteMembers(SourceWriter w, MeterBindingModel model, string generatedCode)
        {
            MetricModel metric = model.Metric;
            int[] strides = MetricValidator.Strides(metric);
            w.Line("/// <summary>Series the binding exposes: the product of the tags' value counts, catch-alls included.</summary>");
            w.Line(generatedCode);
            w.Line("public const int Cardinality = " + MetricValidator.Cardinality(metric).ToString(CultureInfo.InvariantCulture) + ";");
            w.Line();
            WriteConstructor(w, model, generatedCode);
            w.Line();
            WriteSeriesOf(w, model, strides, generatedCode);
            foreach (MeterTagModel tag in Kept(model))
            {
                w.Line();
                WriteOrdinal(w, tag, Label(model, tag), generatedCode);
            }
        }

        private static void WriteConstructor(SourceWriter w, MeterBindingModel model, string generatedCode)
        {
            MetricModel metric = model.Metric;
            w.Line("/// <summary>Creates the binding; pass it to <see cref=\"global::DistriC.MeterBridgeOptions.AddBinding\"/>.</summary>");
            w.Line(generatedCode);
            w.Line($"public {model.Type.Name}()");
            w.Indent();
            string unit = model.InstrumentUnit is null ? "null" : SourceLiterals.String(model.InstrumentUnit);
            string buckets = metric.HasBuckets ? DescriptorLiterals.Doubles(metric.Buckets, "null") : "null";
            string head = $": base({SourceLiterals.String(model.MeterName!)}, {SourceLiterals.String(model.InstrumentName!)}, global::DistriC.MetricKind.{MetricKinds.Get((int)metric.Kind).Name}, {unit}, {buckets}";
            if (metric.Labels.Count == 0)
            {
                w.Line(head + ")");
            }
            else
            {
                w.Line(head + ",");
                w.Indent();
                for (int d = 0; d < metric.Labels.Count; d++)
                {
                    LabelModel label = metric.Labels[d];
                    string values = string.Join(", ", label.Values.Select(v => SourceLiterals.String(v.Value!)));
                    w.Line($"new global::DistriC.LabelDefinition({SourceLiterals.String(label.Name!)}, {values}){(d < metric.Labels.Count - 1 ? "," : ")")}");
                }

                w.Dedent();
            }

            w.Dedent();
            w.Open().Close();
        }

        private static void WriteSeriesOf(SourceWriter w, MeterBindingModel model, int[] strides, string generatedCode)
        {
            List<MeterTagModel> kept = Kept(model);
            w.Line("/// <inheritdoc/>");
            w.Line(generatedCode);
            w.Line($"public override int SeriesOf({Tags} tags)").Open();
            if (kept.Count == 0)
            {
                w.Line("return 0;").Close();
                return;
            }

            // A tag the measurement lacks is a value outside the list: the catch-all, or -1.
            for (int d = 0; d < kept.Count; d++)
            {
                w.Line($"int t{d} = {Missing(Label(model, kept[d]), kept[d])};");
            }

            // An index loop, not foreach: a span's enumerator is a ref struct implementing an interface from .NET 10 on,
            // which C# 12 rejects (CS9202).
            w.Line("for (int i = 0; i < tags.Length; i++)").Open();
            w.Line("switch (tags[i].Key)").Open();
            for (int d = 0; d < kept.Count; d++)
            {
                w.Line($"case {SourceLiterals.String(kept[d].Key!)}:");
                w.Indent();
                w.Line($"t{d} = {OrdinalMethod(Label(model, kept[d]))}(tags[i].Value);");
                w.Line("break;");
                w.Dedent();
            }

            w.Close().Close();
            w.Line();
            w.Line("if (" + string.Join(" || ", kept.Select((_, d) => $"t{d} < 0")) + ")").Open().Line("return -1;").Close();
            w.Line();
            w.Line("return " + string.Join(" + ", kept.Select((_, d) => strides[d] == 1 ? $"t{d}" : $"(t{d} * {strides[d].ToString(CultureInfo.InvariantCulture)})")) + ";");
            w.Close();
        }

        private static void WriteOrdinal(SourceWriter w, MeterTagModel tag, LabelModel label, string generatedCode)
        {
            string otherwise = Missing(label, tag);
            // The catch-all (the last value, when there is one) is what every other value maps to, so it needs no arm.
            List<string?> values = label.Values.Take(tag.CatchAll is null ? label.Values.Count : label.Values.Count - 1).Select(v => v.Value).ToList();
            w.Line(generatedCode);
            w.Line($"private static int {OrdinalMethod(label)}(object? value) => value switch").Open();
            w.Line("string text => text switch").Open();
            for (int i = 0; i < values.Count; i++)
            {
                w.Line($"{SourceLiterals.String(values[i]!)} => {Ordinal(i)},");
            }

            w.Line($"_ => {otherwise},").Close(",");
            WriteNumberArm(w, "int", values, otherwise, v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n.ToString(CultureInfo.InvariantCulture) == v);
            WriteNumberArm(w, "long", values, otherwise, v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) && n.ToString(CultureInfo.InvariantCulture) == v);
            int yes = values.IndexOf("true");
            int no = values.IndexOf("false");
            if (yes >= 0 || no >= 0)
            {
                w.Line($"bool flag => flag ? {(yes >= 0 ? Ordinal(yes) : otherwise)} : {(no >= 0 ? Ordinal(no) : otherwise)},");
            }

            if (label.IsEnumTyped)
            {
                w.Line($"{label.TypeName} member => member switch").Open();
                for (int i = 0; i < values.Count; i++)
                {
                    if (label.Values[i].ConstantKey is not null)
                    {
                        w.Line($"{label.TypeName}.{Identifiers.Escape(label.Values[i].Identifier)} => {Ordinal(i)},");
                    }
                }

                w.Line($"_ => {otherwise},").Close(",");
            }

            w.Line($"_ => {otherwise},").Close(";");
        }

        /// <summary>An arm for boxed numbers of <paramref name="type"/>, when some listed value is such a number's text.</summary>
        private static void WriteNumberArm(SourceWriter w, string type, List<string?> values, string otherwise, System.Func<string, bool> isNumber)
        {
            var arms = values.Select((v, i) => (Value: v, Index: i)).Where(v => v.Value is not null && isNumber(v.Value)).ToList();
            if (arms.Count == 0)
            {
                return;
            }

            w.Line($"{type} number => number switch").Open();
            foreach ((string? value, int index) in arms)
            {
                w.Line($"{value}{(type == "long" ? "L" : string.Empty)} => {Ordinal(index)},");
            }

            w.Line($"_ => {otherwise},").Close(",");
        }

        /// <summary>The tags that became labels (a repeated key is left out by the model), in label order.</summary>
        private static List<MeterTagModel> Kept(MeterBindingModel model)
        {
            var seen = new HashSet<string?>(System.StringComparer.Ordinal);
            return model.Tags.Where(t => seen.Add(t.Key)).ToList();
        }

        /// <summary>The exposed label of <paramref name="tag"/>: its values with the catch-all last.</summary>
        private static LabelModel Label(MeterBindingModel model, MeterTagModel tag) => model.Metric.Labels[Kept(model).IndexOf(tag)];

        /// <summary>The ordinal of a value not listed: the catch-all's (the last value), or -1.</summary>
        private static string Missing(LabelModel label, MeterTagModel tag) =>
            tag.CatchAll is null ? "-1" : Ordinal(label.Values.Count - 1);

        private static string OrdinalMethod(LabelModel label) => MetricIdentifiers.Ordinal(label.PascalName);

        private static string Ordinal(int index) => index.ToString(CultureInfo.InvariantCulture);
    }
}
