// Writes the per-assembly DistriC.Generated.DistricMetricsCatalog: every valid [Metric] of the
// compilation with its labels, allowed values, cardinality and series, and the total as a constant.
using System;
using System.Globalization;
using System.Linq;
using DistriC.Generators;
using DistriC.Metrics;

namespace DistriC.Generator.Metrics
{
    internal static class MetricsCatalogEmitter
    {
        public const string HintName = "DistriC.Generated.DistricMetricsCatalog.g.cs";

        public static string Emit(EquatableArray<MetricModel> metrics, string generatedCode)
        {
            long total = metrics.Sum(MetricValidator.Series);
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w);
            w.Line("namespace DistriC.Generated");
            w.Open();
            w.Line("/// <summary>Every metric declared with <c>[Metric]</c> in this assembly, as known at build time.</summary>");
            w.Line(generatedCode);
            w.Line("internal static class DistricMetricsCatalog");
            w.Open();
            w.Line("/// <summary>");
            w.Line("/// Series all declared metrics can expose together: per metric its cardinality, times");
            w.Line("/// (finite buckets + 3) for a histogram (+Inf bucket, _sum, _count). Checked against the");
            w.Line("/// MSBuild property DistricMaxSeries by diagnostic DSC011.");
            w.Line("/// </summary>");
            w.Line($"public const int TotalSeries = {Math.Min(total, int.MaxValue).ToString(CultureInfo.InvariantCulture)};");
            w.Line();
            w.Line("/// <summary>The declared metrics, ordered by name.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::DistriC.MetricCatalogEntry> Metrics { get; } = DistricEntries();");
            w.Line();
            // One assignment per entry, not one array initializer: the compiler's cost of a single expression with
            // thousands of nested array creations grows faster than its size (about 11 s of CPU for 1000 metrics).
            w.Line("private static global::DistriC.MetricCatalogEntry[] DistricEntries()");
            w.Open();
            w.Line($"var entries = new global::DistriC.MetricCatalogEntry[{metrics.Count.ToString(CultureInfo.InvariantCulture)}];");
            for (int i = 0; i < metrics.Count; i++)
            {
                WriteEntry(w, i, metrics[i]);
            }

            w.Line("return entries;");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void WriteEntry(SourceWriter w, int index, MetricModel metric)
        {
            w.Line($"entries[{index.ToString(CultureInfo.InvariantCulture)}] = new global::DistriC.MetricCatalogEntry(");
            w.Indent();
            w.Line(SourceLiterals.String(metric.Type.DisplayName) + ",");
            MetricKindInfo kind = MetricKinds.Get((int)metric.Kind);
            w.Line($"global::DistriC.MetricKind.{kind.Name},");
            w.Line(SourceLiterals.String(metric.Name!) + ",");
            w.Line(SourceLiterals.String(metric.Help ?? string.Empty) + ",");
            w.Line((metric.Unit is null ? "null" : SourceLiterals.String(metric.Unit)) + ",");
            w.Line(DescriptorLiterals.LabelNames(metric, "global::System.Array.Empty<string>()") + ",");
            DescriptorLiterals.WriteLabelValues(w, metric, DescriptorLiterals.EmptyValueLists);
            double[] buckets = !kind.TakesBuckets ? Array.Empty<double>()
                : metric.HasBuckets ? metric.Buckets.ToArray() : MetricRules.DefaultBuckets;
            w.Line(DescriptorLiterals.Doubles(buckets, "global::System.Array.Empty<double>()") + ",");
            w.Line(MetricValidator.Cardinality(metric).ToString(CultureInfo.InvariantCulture) + ",");
            string series = MetricValidator.Series(metric).ToString(CultureInfo.InvariantCulture);
            if (metric.ServiceLevel is not { Name: not null } level)
            {
                w.Line(series + ");");
                w.Dedent();
                return;
            }

            // Only a pair member gets the initializer, so the catalog of every other metric stays as it was.
            w.Line(series + ")");
            w.Dedent();
            w.Open();
            w.Line("ServiceLevel = " + SourceLiterals.String(level.Name!) + ",");
            w.Line("ErrorLabel = " + (level.ErrorLabel is null ? "null" : SourceLiterals.String(level.ErrorLabel)) + ",");
            w.Line("ErrorValues = " + (level.ErrorValues.Count == 0 ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", level.ErrorValues.Select(SourceLiterals.String)) + " }") + ",");
            w.Close(";");
        }
    }
}
