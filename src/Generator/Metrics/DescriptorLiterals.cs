// The C# spelling of a metric's label names, allowlists and buckets, shared by the per-class
// descriptor and the assembly catalog so both list exactly the same data.
using System.Collections.Generic;
using System.Linq;
using DistriC.Generators;
using DistriC.Metrics;

namespace DistriC.Generator.Metrics
{
    internal static class DescriptorLiterals
    {
        private const string ValueList = "global::System.Collections.Generic.IReadOnlyList<string>";

        /// <summary><c>new string[] { "method", "status" }</c>, or <paramref name="whenEmpty"/> for an unlabelled metric.</summary>
        public static string LabelNames(MetricModel metric, string whenEmpty) =>
            metric.Labels.Count == 0 ? whenEmpty : StringArray(metric.Labels.Select(l => l.Name!));

        /// <summary>Writes the allowlists as a jagged array followed by a comma, or <paramref name="whenEmpty"/> for an unlabelled metric.</summary>
        public static void WriteLabelValues(SourceWriter w, MetricModel metric, string whenEmpty)
        {
            if (metric.Labels.Count == 0)
            {
                w.Line(whenEmpty + ",");
                return;
            }

            w.Line($"new {ValueList}[]");
            w.Open();
            foreach (LabelModel label in metric.Labels)
            {
                w.Line(StringArray(label.Values.Select(v => v.Value!)) + ",");
            }

            w.Close(",");
        }

        /// <summary><c>new double[] { ... }</c>, or <paramref name="whenEmpty"/> when there are none.</summary>
        public static string Doubles(IReadOnlyCollection<double> values, string whenEmpty) =>
            values.Count == 0 ? whenEmpty : "new double[] { " + string.Join(", ", values.Select(SourceLiterals.Double)) + " }";

        /// <summary>The empty allowlist array, for the catalog of an unlabelled metric.</summary>
        public static string EmptyValueLists => $"global::System.Array.Empty<{ValueList}>()";

        private static string StringArray(IEnumerable<string> values) => "new string[] { " + string.Join(", ", values.Select(SourceLiterals.String)) + " }";
    }
}
