// A metric declaration as plain values, the input of MetricDeclarationRules: the runtime builds one
// from a MetricDescriptor; tests build them by hand. (The analyzers judge the richer MetricModel with
// the same per-part checks, and add the rules only a C# declaration can break.)
// Keep this file netstandard2.0-compatible and free of dependencies.
using System.Collections.Generic;

namespace DistriC
{
    internal sealed class MetricDeclaration
    {
        public MetricDeclaration(
            int kind,
            string? name,
            string? help,
            string? unit,
            IReadOnlyList<string?> labelNames,
            IReadOnlyList<IReadOnlyList<string?>?> labelValues,
            IReadOnlyList<double>? buckets,
            bool exemplars = false)
        {
            Exemplars = exemplars;
            Kind = kind;
            Name = name;
            Help = help;
            Unit = unit;
            LabelNames = labelNames;
            LabelValues = labelValues;
            Buckets = buckets;
        }

        /// <summary>The <c>MetricKind</c> value (possibly one no kind has).</summary>
        public int Kind { get; }

        public string? Name { get; }

        public string? Help { get; }

        /// <summary>OpenMetrics unit, or null.</summary>
        public string? Unit { get; }

        /// <summary>Label names in flat-index order, parallel to <see cref="LabelValues"/>.</summary>
        public IReadOnlyList<string?> LabelNames { get; }

        /// <summary>Per label, its allowlist (null or empty: unbounded).</summary>
        public IReadOnlyList<IReadOnlyList<string?>?> LabelValues { get; }

        /// <summary>The metric asks for exemplars.</summary>
        public bool Exemplars { get; }

        /// <summary>Histogram bounds as given, or null when none were given (the defaults apply).</summary>
        public IReadOnlyList<double>? Buckets { get; }
    }
}
