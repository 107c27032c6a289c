// DSC005 over the labels of one metric: each name valid, not reserved, and declared once.
// Keep this file netstandard2.0-compatible and free of dependencies.
using System;
using System.Collections.Generic;

namespace DistriC
{
    internal sealed class LabelNameSet
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly bool _reservesLe;

        /// <param name="kind">The metric's kind: one with buckets reserves <c>le</c>.</param>
        public LabelNameSet(MetricKindInfo kind) => _reservesLe = kind.TakesBuckets;

        /// <summary>Checks the next label name of <paramref name="metric"/> and remembers it.</summary>
        public MetricRuleViolation? Add(string? metric, string? label)
        {
            LabelNameProblem problem = MetricRules.CheckLabelName(label, _reservesLe);
            if (problem != LabelNameProblem.None)
            {
                return new MetricRuleViolation(MetricRule.InvalidLabelName, label ?? "null", metric, MetricRules.Describe(problem));
            }

            return _seen.Add(label!) ? null : new MetricRuleViolation(MetricRule.InvalidLabelName, label, metric, "is declared twice");
        }
    }
}
