// DSC008 over the allowlist of one label: every value present, 1 to 128 characters, and listed once.
// Keep this file netstandard2.0-compatible and free of dependencies.
using System;
using System.Collections.Generic;

namespace DistriC
{
    internal sealed class LabelValueSet
    {
        // Value -> the enum member that exposes it (empty for an inline allowlist), to name both members of a duplicate.
        private readonly Dictionary<string, string> _seen = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Checks value #<paramref name="index"/> of <paramref name="label"/> and remembers it.</summary>
        /// <param name="metric">The metric's name.</param>
        /// <param name="label">The label's name.</param>
        /// <param name="index">Position in the allowlist.</param>
        /// <param name="value">The exposed text.</param>
        /// <param name="member">For an enum-typed label, the enum member that exposes the value; null for an allowlist of strings.</param>
        public MetricRuleViolation? Add(string? metric, string? label, int index, string? value, string? member)
        {
            string subject = member is null ? $"value #{index}" : $"member '{member}'";
            if (value is null)
            {
                return Violation(metric, label, $"{subject} is null");
            }

            if (!MetricRules.IsValidLabelValue(value))
            {
                return Violation(metric, label, $"{subject} is {(value.Length == 0 ? "empty" : $"longer than {MetricRules.MaxLabelValueLength} characters")}");
            }

            if (_seen.TryGetValue(value, out string? first))
            {
                return Violation(metric, label, $"value \"{value}\" is listed twice{(member is null ? string.Empty : $" (members '{first}' and '{member}')")}");
            }

            _seen.Add(value, member ?? string.Empty);
            return null;
        }

        private static MetricRuleViolation Violation(string? metric, string? label, string why) =>
            new MetricRuleViolation(MetricRule.InvalidLabelValue, label, metric, why);
    }
}
