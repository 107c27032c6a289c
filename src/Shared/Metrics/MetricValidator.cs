// Every rule a [Metric] declaration must satisfy, judged on the declaration model. The analyzers
// report these problems; the generator gives a declaration with an error only stand-in members
// (MetricStandInEmitter), so a mistake produces its DSC diagnostic and no cascade of compiler errors.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DistriC.Generators;

namespace DistriC.Metrics
{
    internal static class MetricValidator
    {
        /// <summary>Problems of the declaration itself (everything except the configurable cardinality cap and the cross-metric rules).</summary>
        public static List<DeclarationProblem> Validate(MetricModel model)
        {
            var problems = new List<DeclarationProblem>();
            CheckType(model, problems);
            CheckName(model, problems);
            CheckHelp(model, problems);
            CheckBuckets(model, problems);
            CheckLabels(model, problems);
            return problems;
        }

        /// <summary>True when the generator may emit code for <paramref name="model"/>.</summary>
        public static bool CanGenerate(MetricModel model)
        {
            foreach (DeclarationProblem problem in Validate(model))
            {
                if (problem.IsError)
                {
                    return false;
                }
            }

            return Cardinality(model) <= int.MaxValue;
        }

        /// <summary>Product of the allowlist sizes (1 when unlabelled), saturating instead of overflowing.</summary>
        public static long Cardinality(MetricModel model)
        {
            long product = 1;
            foreach (LabelModel label in model.Labels)
            {
                product = Math.Min(product * Math.Max(label.Values.Count, 1), (long)int.MaxValue + 1);
            }

            return product;
        }

        /// <summary>Finite bucket count of a histogram (its explicit buckets, or the defaults).</summary>
        public static int BucketCount(MetricModel model) => model.HasBuckets ? model.Buckets.Count : MetricRules.DefaultBuckets.Length;

        /// <summary>
        /// Series exposed: the cardinality for counters and gauges; for a histogram, per label combination
        /// one series per finite bucket, one for <c>+Inf</c>, plus <c>_sum</c> and <c>_count</c>.
        /// </summary>
        public static long Series(MetricModel model) =>
            model.Kind == DeclaredMetricKind.Histogram ? Cardinality(model) * (BucketCount(model) + 3) : Cardinality(model);

        /// <summary>DSC002: the cardinality against the configured cap.</summary>
        public static DeclarationProblem? CheckCardinality(MetricModel model, long cap)
        {
            long cardinality = Cardinality(model);
            // An empty allowlist is unbounded (DSC001), not a product to compare.
            if ((cardinality <= cap && cardinality <= int.MaxValue) || model.Labels.Any(l => l.Values.Count == 0))
            {
                return null;
            }

            var product = new StringBuilder();
            foreach (LabelModel label in model.Labels)
            {
                if (product.Length > 0)
                {
                    product.Append(" × ");
                }

                product.Append(label.Name).Append('(').Append(label.Values.Count.ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            product.Append(" = ").Append(cardinality > int.MaxValue ? "more than " + int.MaxValue.ToString(CultureInfo.InvariantCulture) : cardinality.ToString(CultureInfo.InvariantCulture));
            return new DeclarationProblem(MetricDiagnostics.CardinalityTooHigh, model.Locations.Attribute, model.Name, product.ToString(), cap.ToString(CultureInfo.InvariantCulture));
        }

        private static void CheckType(MetricModel model, List<DeclarationProblem> problems)
        {
            TypeShapeModel type = model.Type;
            SourceLocation at = type.IdentifierLocation.Or(model.Locations.Attribute);
            void Report(string why) => problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidDeclaringType, at, type.Name, why));

            if (!type.IsPartial)
            {
                Report("must be declared partial so the generator can add its members");
            }

            if (type.IsGeneric)
            {
                Report("must not be generic or nested in a generic type");
            }

            if (type.IsStatic)
            {
                Report("must not be static: the generated constructor registers an instance");
            }

            if (type.NonPartialContainer is not null)
            {
                Report($"is nested in '{type.NonPartialContainer}', which must be declared partial too");
            }

            if (type.LabelsOnOtherPart)
            {
                Report("declares [Label] on a partial part other than the one carrying [Metric]; keep them together so the label order is defined");
            }
        }

        private static void CheckName(MetricModel model, List<DeclarationProblem> problems)
        {
            SourceLocation at = model.Locations.Name.Or(model.Locations.Attribute);
            string? name = model.Name;
            if (!MetricRules.IsValidMetricName(name))
            {
                problems.Add(new DeclarationProblem(
                    MetricDiagnostics.InvalidMetricName,
                    at,
                    name ?? "null",
                    $"it must match [a-zA-Z_:][a-zA-Z0-9_:]* and be 1 to {MetricRules.MaxNameLength} characters; use lower-case words joined by '_'"));
                return;
            }

            if (model.Unit is { Length: > 0 } unit && !MetricRules.HasUnitSuffix(model.Kind == DeclaredMetricKind.Counter, name!, unit))
            {
                problems.Add(new DeclarationProblem(
                    MetricDiagnostics.InvalidMetricName,
                    at,
                    name,
                    $"with Unit = \"{unit}\" it must end with '_{unit}'{(model.Kind == DeclaredMetricKind.Counter ? " (before '_total')" : string.Empty)}, as OpenMetrics requires"));
            }

            if (model.Kind == DeclaredMetricKind.Counter && !name!.EndsWith("_total", StringComparison.Ordinal))
            {
                problems.Add(new DeclarationProblem(MetricDiagnostics.CounterWithoutTotal, at, name));
            }
        }

        private static void CheckHelp(MetricModel model, List<DeclarationProblem> problems)
        {
            if (model.Help is { } help && help.Length > MetricRules.MaxHelpLength)
            {
                problems.Add(new DeclarationProblem(
                    MetricDiagnostics.HelpTooLong,
                    model.Locations.Help.Or(model.Locations.Attribute),
                    model.Name,
                    help.Length,
                    MetricRules.MaxHelpLength));
            }
        }

        private static void CheckBuckets(MetricModel model, List<DeclarationProblem> problems)
        {
            if (!model.HasBuckets)
            {
                return;
            }

            SourceLocation at = model.Locations.Buckets.Or(model.Locations.Attribute);
            if (model.Kind != DeclaredMetricKind.Histogram)
            {
                problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidBuckets, at, model.Name, "Buckets are only valid on a histogram"));
                return;
            }

            BucketProblem problem = MetricRules.CheckBuckets(model.Buckets, out int index);
            if (problem != BucketProblem.None)
            {
                string where = index >= 0
                    ? $" (bucket {index}: {model.Buckets[index].ToString("R", CultureInfo.InvariantCulture)})"
                    : string.Empty;
                problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidBuckets, at, model.Name, MetricRules.Describe(problem) + where));
            }
        }

        private static void CheckLabels(MetricModel model, List<DeclarationProblem> problems)
        {
            if (model.Labels.Count > MetricRules.MaxLabels)
            {
                problems.Add(new DeclarationProblem(
                    MetricDiagnostics.TooManyLabels,
                    model.Labels[MetricRules.MaxLabels].AttributeLocation.Or(model.Locations.Attribute),
                    model.Name,
                    model.Labels.Count,
                    MetricRules.MaxLabels));
            }

            var labelNames = new HashSet<string>(StringComparer.Ordinal);
            // Every name the generator adds to the class: fixed members, the class itself, then per label
            // its stride constant, its ordinal helper and (inline labels) its nested enum.
            var memberNames = new HashSet<string>(MetricIdentifiers.GeneratedMemberNames, StringComparer.Ordinal) { model.Type.Name };
            bool isHistogram = model.Kind == DeclaredMetricKind.Histogram;
            foreach (LabelModel label in model.Labels)
            {
                SourceLocation nameAt = label.NameLocation.Or(label.AttributeLocation);
                LabelNameProblem nameProblem = MetricRules.CheckLabelName(label.Name, isHistogram);
                if (nameProblem != LabelNameProblem.None)
                {
                    problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidLabelName, nameAt, label.Name ?? "null", model.Name, MetricRules.Describe(nameProblem)));
                }
                else if (!labelNames.Add(label.Name!))
                {
                    problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidLabelName, nameAt, label.Name, model.Name, "is declared twice"));
                }
                else
                {
                    CheckGeneratedNames(model, label, nameAt, memberNames, problems);
                }

                CheckBounded(model, label, problems);
                CheckValues(model, label, problems);
            }
        }

        private static void CheckGeneratedNames(MetricModel model, LabelModel label, SourceLocation at, HashSet<string> memberNames, List<DeclarationProblem> problems)
        {
            string pascal = label.PascalName;
            var generated = new List<string>(3) { MetricIdentifiers.Stride(pascal), MetricIdentifiers.Ordinal(pascal) };
            if (!label.IsEnumTyped)
            {
                generated.Add(pascal);
            }

            foreach (string member in generated)
            {
                if (!memberNames.Add(member))
                {
                    problems.Add(new DeclarationProblem(
                        MetricDiagnostics.InvalidLabelName,
                        at,
                        label.Name,
                        model.Name,
                        $"would generate member '{member}', which the class already has (from its name, another label or the generated API)"));
                    return;
                }
            }
        }

        private static void CheckBounded(MetricModel model, LabelModel label, List<DeclarationProblem> problems)
        {
            string? why = null;
            if (label.IsEnumTyped && !label.TypeIsEnum)
            {
                why = $"its type '{label.TypeDisplay}' is not an enum; use an enum or an inline allowlist";
            }
            else if (label.IsFlags)
            {
                why = $"'{label.TypeDisplay}' is a [Flags] enum, whose combinations are not a closed list; use a non-[Flags] enum or list its values in [Label(\"{label.Name}\", \"a\", \"b\")]";
            }
            else if (label.Values.Count == 0)
            {
                why = label.IsEnumTyped
                    ? $"enum '{label.TypeDisplay}' has no members; give it members or list the values in [Label(\"{label.Name}\", \"a\", \"b\")]"
                    : $"its allowlist is empty; list its values in [Label(\"{label.Name}\", \"a\", \"b\")]";
            }

            if (why is not null)
            {
                problems.Add(new DeclarationProblem(MetricDiagnostics.UnboundedLabel, label.AttributeLocation, label.Name, model.Name, why));
            }
        }

        private static void CheckValues(MetricModel model, LabelModel label, List<DeclarationProblem> problems)
        {
            if (label.IsEnumTyped && (!label.TypeIsEnum || label.IsFlags))
            {
                return;
            }

            var values = new Dictionary<string, LabelValueModel>(StringComparer.Ordinal);
            var identifiers = new Dictionary<string, LabelValueModel>(StringComparer.Ordinal);
            var constants = new Dictionary<string, LabelValueModel>(StringComparer.Ordinal);
            for (int i = 0; i < label.Values.Count; i++)
            {
                LabelValueModel item = label.Values[i];
                SourceLocation at = item.Location.Or(label.AttributeLocation);
                void Report(string why) => problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidLabelValue, at, label.Name, model.Name, why));

                string subject = label.IsEnumTyped ? $"member '{item.Identifier}'" : $"value #{i}";
                if (item.Value is null)
                {
                    Report($"{subject} is null");
                    continue;
                }

                if (!MetricRules.IsValidLabelValue(item.Value))
                {
                    Report($"{subject} is {(item.Value.Length == 0 ? "empty" : $"longer than {MetricRules.MaxLabelValueLength} characters")}");
                    continue;
                }

                if (values.TryGetValue(item.Value, out LabelValueModel? first))
                {
                    Report($"value \"{item.Value}\" is listed twice{(label.IsEnumTyped ? $" (members '{first.Identifier}' and '{item.Identifier}')" : string.Empty)}");
                    continue;
                }

                values.Add(item.Value, item);
                if (!label.IsEnumTyped && identifiers.TryGetValue(item.Identifier, out first))
                {
                    Report($"values \"{first.Value}\" and \"{item.Value}\" both become the enum member '{item.Identifier}'");
                    continue;
                }

                identifiers[item.Identifier] = item;
                if (item.ConstantKey is not null && constants.TryGetValue(item.ConstantKey, out first))
                {
                    Report($"members '{first.Identifier}' and '{item.Identifier}' have the same value {item.ConstantKey}");
                    continue;
                }

                if (item.ConstantKey is not null)
                {
                    constants.Add(item.ConstantKey, item);
                }
            }
        }
    }
}
