// How a declared metric differs from its recorded contract entry. Breaking changes (what breaks a dashboard or
// an alert that queries the recorded metric) are told apart from additions (which only add series).
using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Contract
{
    /// <summary>What changed between a recorded entry and the declaration.</summary>
    internal enum MetricContractChangeKind
    {
        KindChanged,
        UnitChanged,
        LabelRemoved,
        LabelValueRemoved,
        BucketsChanged,
        LabelAdded,
        LabelValueAdded,
    }

    /// <summary>One difference; <see cref="Label"/> and <see cref="Value"/> name the label (value) concerned, when any.</summary>
    internal sealed class MetricContractChange
    {
        public MetricContractChange(MetricContractChangeKind kind, string? label = null, string? value = null)
        {
            Kind = kind;
            Label = label;
            Value = value;
        }

        public MetricContractChangeKind Kind { get; }

        public string? Label { get; }

        public string? Value { get; }

        /// <summary>True when the change breaks queries of the recorded metric (an error for a shipped metric).</summary>
        public bool IsBreaking => Kind != MetricContractChangeKind.LabelAdded && Kind != MetricContractChangeKind.LabelValueAdded;
    }

    internal static class MetricContractComparison
    {
        /// <summary>Every difference of <paramref name="declared"/> from <paramref name="recorded"/> (same name), in a stable order.</summary>
        public static List<MetricContractChange> Compare(MetricContractEntry recorded, MetricContractEntry declared)
        {
            var changes = new List<MetricContractChange>();
            if (!string.Equals(recorded.Kind, declared.Kind, StringComparison.Ordinal))
            {
                // Another kind exposes other series (_bucket, _total): nothing else of the comparison means anything.
                changes.Add(new MetricContractChange(MetricContractChangeKind.KindChanged));
                return changes;
            }

            if (!string.Equals(recorded.Unit, declared.Unit, StringComparison.Ordinal))
            {
                changes.Add(new MetricContractChange(MetricContractChangeKind.UnitChanged));
            }

            foreach (MetricContractLabel label in recorded.Labels)
            {
                if (declared.Label(label.Name) is not { } now)
                {
                    changes.Add(new MetricContractChange(MetricContractChangeKind.LabelRemoved, label.Name));
                    continue;
                }

                foreach (string value in label.Values.Except(now.Values, StringComparer.Ordinal))
                {
                    changes.Add(new MetricContractChange(MetricContractChangeKind.LabelValueRemoved, label.Name, value));
                }

                foreach (string value in now.Values.Except(label.Values, StringComparer.Ordinal))
                {
                    changes.Add(new MetricContractChange(MetricContractChangeKind.LabelValueAdded, label.Name, value));
                }
            }

            if (!recorded.Buckets.SequenceEqual(declared.Buckets, StringComparer.Ordinal))
            {
                changes.Add(new MetricContractChange(MetricContractChangeKind.BucketsChanged));
            }

            foreach (MetricContractLabel label in declared.Labels.Where(l => recorded.Label(l.Name) is null))
            {
                changes.Add(new MetricContractChange(MetricContractChangeKind.LabelAdded, label.Name));
            }

            return changes;
        }
    }
}
