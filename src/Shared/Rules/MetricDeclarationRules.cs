// The checks of MetricRule, one method per part of a declaration, each returning the violation
// (rule and message arguments) or null. The analyzers call them part by part (to place each diagnostic
// on its argument); the runtime runs them all through Violations and throws on the first.
// Keep this file netstandard2.0-compatible and free of dependencies.
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DistriC
{
    internal static class MetricDeclarationRules
    {
        /// <summary>Every violation of <paramref name="declaration"/>, in the order of its parts; the cardinality last.</summary>
        public static IEnumerable<MetricRuleViolation> Violations(MetricDeclaration declaration, long maxCardinality)
        {
            string? name = declaration.Name;
            MetricKindInfo? kind = MetricKinds.Find(declaration.Kind);
            if (kind is null)
            {
                yield return UnknownKind(name, declaration.Kind);
                yield break;
            }

            if (CheckName(name) is { } badName)
            {
                yield return badName;
            }
            else if (CheckUnit(kind, name!, declaration.Unit) is { } badUnit)
            {
                yield return badUnit;
            }

            if (CheckExemplars(kind, name, declaration.Exemplars) is { } badExemplars)
            {
                yield return badExemplars;
            }

            if (CheckHelp(name, declaration.Help) is { } badHelp)
            {
                yield return badHelp;
            }

            if (CheckBuckets(kind, name, declaration.Buckets) is { } badBuckets)
            {
                yield return badBuckets;
            }

            int labelCount = declaration.LabelNames.Count;
            if (CheckLabelCount(name, labelCount) is { } tooMany)
            {
                yield return tooMany;
            }

            var names = new LabelNameSet(kind);
            var sizes = new int[labelCount];
            for (int d = 0; d < labelCount; d++)
            {
                string? label = declaration.LabelNames[d];
                if (names.Add(name, label) is { } badLabel)
                {
                    yield return badLabel;
                }

                IReadOnlyList<string?>? values = declaration.LabelValues[d];
                sizes[d] = values?.Count ?? 0;
                if (CheckBounded(name, label, sizes[d]) is { } unbounded)
                {
                    yield return unbounded;
                    continue;
                }

                var seen = new LabelValueSet();
                for (int v = 0; v < sizes[d]; v++)
                {
                    if (seen.Add(name, label, v, values![v], member: null) is { } badValue)
                    {
                        yield return badValue;
                    }
                }
            }

            if (CheckInfo(kind, name, declaration.Unit, sizes) is { } badInfo)
            {
                yield return badInfo;
            }

            if (CheckCardinality(name, declaration.LabelNames, sizes, maxCardinality) is { } tooHigh)
            {
                yield return tooHigh;
            }
        }

        /// <summary>DSC013: a kind value that no <c>MetricKind</c> member has.</summary>
        public static MetricRuleViolation UnknownKind(string? metric, int kind) =>
            new MetricRuleViolation(MetricRule.UnknownKind, metric, kind.ToString(CultureInfo.InvariantCulture), MetricKinds.Names);

        /// <summary>DSC004: the name's characters and length.</summary>
        public static MetricRuleViolation? CheckName(string? name) => MetricRules.IsValidMetricName(name)
            ? null
            : new MetricRuleViolation(
                MetricRule.InvalidMetricName,
                name ?? "null",
                $"it must match [a-zA-Z_:][a-zA-Z0-9_:]* and be 1 to {MetricRules.MaxNameLength} characters; use lower-case words joined by '_'");

        /// <summary>DSC004: with a unit, the name ends with <c>_unit</c> (before the kind's suffix, <c>_total</c> on a counter).</summary>
        public static MetricRuleViolation? CheckUnit(MetricKindInfo kind, string name, string? unit)
        {
            // An info metric may not have a unit at all: DSC014 says so instead.
            if (unit is not { Length: > 0 } || kind == MetricKinds.Info || MetricRules.HasUnitSuffix(kind.NameSuffix, name, unit))
            {
                return null;
            }

            string before = kind.NameSuffix is null ? string.Empty : $" (before '{kind.NameSuffix}')";
            return new MetricRuleViolation(MetricRule.InvalidMetricName, name, $"with Unit = \"{unit}\" it must end with '_{unit}'{before}, as OpenMetrics requires");
        }

        /// <summary>DSC015: exemplars only on the kinds that carry them.</summary>
        public static MetricRuleViolation? CheckExemplars(MetricKindInfo kind, string? metric, bool exemplars) =>
            exemplars && !MetricKinds.HasExemplars(kind) ? new MetricRuleViolation(MetricRule.ExemplarsNotSupported, metric, "MetricKind." + kind.Name) : null;

        /// <summary>
        /// DSC014: an info metric is named <c>..._info</c>, has no unit, and every label has exactly one value (the
        /// one series it exposes).
        /// </summary>
        /// <param name="kind">The metric's kind; any other than info passes.</param>
        /// <param name="metric">The metric's name.</param>
        /// <param name="unit">The declared unit, or null.</param>
        /// <param name="valueCounts">Per label, the size of its allowlist.</param>
        public static MetricRuleViolation? CheckInfo(MetricKindInfo kind, string? metric, string? unit, IReadOnlyList<int> valueCounts)
        {
            if (kind != MetricKinds.Info)
            {
                return null;
            }

            if (metric is not null && !metric.EndsWith("_info", System.StringComparison.Ordinal))
            {
                return new MetricRuleViolation(MetricRule.InvalidInfo, metric, "must be named '<name>_info', as OpenMetrics names its sample; append '_info'");
            }

            if (unit is { Length: > 0 })
            {
                return new MetricRuleViolation(MetricRule.InvalidInfo, metric, "cannot have a unit (OpenMetrics forbids one on info); remove Unit");
            }

            for (int d = 0; d < valueCounts.Count; d++)
            {
                int count = valueCounts[d];
                if (count > 1)
                {
                    return new MetricRuleViolation(
                        MetricRule.InvalidInfo, metric, $"has {count} values for label #{d + 1}; an info metric declares exactly one value per label: its one series");
                }
            }

            return null;
        }

        /// <summary>DSC012: the HELP text's length.</summary>
        public static MetricRuleViolation? CheckHelp(string? metric, string? help) => help is { Length: > MetricRules.MaxHelpLength }
            ? new MetricRuleViolation(MetricRule.HelpTooLong, metric, help.Length, MetricRules.MaxHelpLength)
            : null;

        /// <summary>DSC009: buckets only on a kind that has them; finite and strictly increasing. Null means none were given.</summary>
        public static MetricRuleViolation? CheckBuckets(MetricKindInfo kind, string? metric, IReadOnlyList<double>? buckets)
        {
            if (buckets is null)
            {
                return null;
            }

            if (!kind.TakesBuckets)
            {
                return new MetricRuleViolation(MetricRule.InvalidBuckets, metric, "Buckets are only valid on a histogram");
            }

            BucketProblem problem = MetricRules.CheckBuckets(buckets, out int index);
            if (problem == BucketProblem.None)
            {
                return null;
            }

            string where = index >= 0 ? $" (bucket {index}: {buckets[index].ToString("R", CultureInfo.InvariantCulture)})" : string.Empty;
            return new MetricRuleViolation(MetricRule.InvalidBuckets, metric, MetricRules.Describe(problem) + where);
        }

        /// <summary>DSC003: the number of labels.</summary>
        public static MetricRuleViolation? CheckLabelCount(string? metric, int count) => count > MetricRules.MaxLabels
            ? new MetricRuleViolation(MetricRule.TooManyLabels, metric, count, MetricRules.MaxLabels)
            : null;

        /// <summary>DSC001: a label without values is unbounded, the failure the allowlists exist to prevent.</summary>
        public static MetricRuleViolation? CheckBounded(string? metric, string? label, int valueCount) => valueCount == 0
            ? new MetricRuleViolation(MetricRule.UnboundedLabel, label, metric, $"its allowlist is empty; list its values in [Label(\"{label}\", \"a\", \"b\")]")
            : null;

        /// <summary>DSC002: the product of the allowlist sizes against <paramref name="cap"/>; an unbounded label is DSC001 instead.</summary>
        public static MetricRuleViolation? CheckCardinality(string? metric, IReadOnlyList<string?> labels, IReadOnlyList<int> sizes, long cap)
        {
            long cardinality = MetricGeometry.Cardinality(sizes);
            if (cardinality <= cap && cardinality <= int.MaxValue)
            {
                return null;
            }

            var product = new StringBuilder();
            for (int d = 0; d < sizes.Count; d++)
            {
                if (sizes[d] == 0)
                {
                    return null;
                }

                product.Append(d == 0 ? string.Empty : " × ").Append(labels[d]).Append('(').Append(sizes[d].ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            product.Append(" = ").Append(cardinality > int.MaxValue
                ? "more than " + int.MaxValue.ToString(CultureInfo.InvariantCulture)
                : cardinality.ToString(CultureInfo.InvariantCulture));
            return new MetricRuleViolation(MetricRule.CardinalityTooHigh, metric, product.ToString(), cap.ToString(CultureInfo.InvariantCulture));
        }
    }
}
