// One metric as the metric contract records it: what a dashboard or an alert can depend on (name, kind, unit,
// labels with their allowed values, buckets), nothing else. Labels are kept sorted by name and values sorted
// ordinally, so reordering a declaration changes neither the text form nor the comparison.
// Roslyn-free and netstandard2.0-compatible: compiled into the analyzers and into tools/DistriC.MetricDocs.
using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Contract
{
    /// <summary>One label of a contract entry and its allowed values (sorted ordinally).</summary>
    internal sealed class MetricContractLabel
    {
        public MetricContractLabel(string name, IEnumerable<string> values)
        {
            Name = name;
            Values = values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();
        }

        public string Name { get; }

        public IReadOnlyList<string> Values { get; }
    }

    /// <summary>One line of <c>DistricMetrics.Shipped.txt</c> or <c>DistricMetrics.Unshipped.txt</c>.</summary>
    internal sealed class MetricContractEntry
    {
        /// <param name="name">The exposed metric name.</param>
        /// <param name="kind">The kind's name in lower case (<c>counter</c>): any kind, so a new one needs no change here.</param>
        /// <param name="unit">The OpenMetrics unit, or null.</param>
        /// <param name="labels">The labels, in any order.</param>
        /// <param name="buckets">The finite bucket bounds in their text form (<see cref="MetricContractText.Number"/>), ascending.</param>
        public MetricContractEntry(string name, string kind, string? unit, IEnumerable<MetricContractLabel> labels, IEnumerable<string> buckets)
        {
            Name = name;
            Kind = kind;
            Unit = string.IsNullOrEmpty(unit) ? null : unit;
            Labels = labels.OrderBy(l => l.Name, StringComparer.Ordinal).ToArray();
            Buckets = buckets.ToArray();
        }

        public string Name { get; }

        public string Kind { get; }

        public string? Unit { get; }

        public IReadOnlyList<MetricContractLabel> Labels { get; }

        public IReadOnlyList<string> Buckets { get; }

        /// <summary>The label called <paramref name="name"/>, or null.</summary>
        public MetricContractLabel? Label(string name) => Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));

        /// <summary>The entry's one line (see <see cref="MetricContractText"/>).</summary>
        public override string ToString() => MetricContractText.Format(this);
    }
}
