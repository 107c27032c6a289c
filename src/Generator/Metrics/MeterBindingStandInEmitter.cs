// Stand-in members for a [MeterInstrument] class the analyzers reject: the class still derives from
// MeterInstrumentBinding and has its parameterless constructor, so `options.AddBinding(new X())` compiles and the
// build's one error is the DSC diagnostic (see the comment in MetricsGenerator.Initialize). It maps every
// measurement to -1 (dropped); it never runs in a build that succeeds.
using DistriC.Generators;
using DistriC.Metrics;

namespace DistriC.Generator.Metrics
{
    internal static class MeterBindingStandInEmitter
    {
        private const string Marker = "// Stand-in: this [MeterInstrument] declaration is rejected by a DSC0xx rule; the build fails with that error.";

        /// <summary>Whether the class can take the generated part: the stand-in's own conditions, and a class that is a binding only.</summary>
        public static bool CanHost(MeterBindingModel model) =>
            MetricStandInEmitter.CanHost(model.Metric) && model.Type.Keyword == "class" && !model.AlsoMetric;

        public static string Emit(MeterBindingModel model, string generatedCode) =>
            GeneratedFile.Write(model.Type.Hierarchy, Marker, w =>
            {
                w.Line(generatedCode);
                w.Line("public const int Cardinality = 0;");
                w.Line();
                w.Line(generatedCode);
                w.Line($"public {model.Type.Name}()");
                w.Indent();
                w.Line(": base(\"-\", \"-\", global::DistriC.MetricKind.Counter, null, null)");
                w.Dedent();
                w.Open().Close();
                w.Line();
                w.Line(generatedCode);
                w.Line("public override int SeriesOf(global::System.ReadOnlySpan<global::System.Collections.Generic.KeyValuePair<string, object?>> tags) => -1;");
            },
            "global::DistriC.MeterInstrumentBinding");
    }
}
