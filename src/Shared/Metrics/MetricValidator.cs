// Every rule a [Metric] declaration must satisfy, judged on the declaration model. The analyzers
// report these problems; the generator gives a declaration with an error only stand-in members
// (MetricStandInEmitter), so a mistake produces its DSC diagnostic and no cascade of compiler errors.
// The rules a run-time registration shares are checked by MetricDeclarationRules (src/Shared/Rules),
// part by part, so each diagnostic sits on its argument; this file adds the C#-only rules (the class,
// enum-typed labels, generated member names, DSC010).
using System;
using System.Collections.Generic;
using System.Linq;
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
            if (MetricKinds.Find((int)model.Kind) is not { } kind)
            {
                // Nothing else about an unknown kind is knowable (its suffix, buckets or reserved labels).
                problems.Add(MetricDiagnostics.Problem(MetricDeclarationRules.UnknownKind(model.Name, (int)model.Kind), model.Locations.Attribute));
                return problems;
            }

            CheckName(model, kind, problems);
            CheckHelp(model, problems);
            CheckBuckets(model, kind, problems);
            CheckLabels(model, kind, problems);
            CheckKindRules(model, kind, problems);
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
        public static long Cardinality(MetricModel model) => MetricGeometry.Cardinality(AllowlistSizes(model));

        /// <summary>The row-major strides of the labels (valid models only), as the runtime lays its cells out.</summary>
        public static int[] Strides(MetricModel model) => MetricGeometry.Strides(AllowlistSizes(model));

        private static int[] AllowlistSizes(MetricModel model) => model.Labels.Select(l => l.Values.Count).ToArray();

        /// <summary>Finite bucket count of a histogram (its explicit buckets, or the defaults).</summary>
        public static int BucketCount(MetricModel model) => model.HasBuckets ? model.Buckets.Count : MetricRules.DefaultBuckets.Length;

        /// <summary>
        /// Series exposed: the cardinality for counters and gauges; for a histogram, per label combination
        /// one series per finite bucket, one for <c>+Inf</c>, plus <c>_sum</c> and <c>_count</c>.
        /// </summary>
        public static long Series(MetricModel model) =>
            Cardinality(model) * MetricKinds.Get((int)model.Kind).SeriesPerCombination(BucketCount(model));

        /// <summary>DSC002: the cardinality against the configured cap.</summary>
        public static DeclarationProblem? CheckCardinality(MetricModel model, long cap)
        {
            MetricRuleViolation? violation = MetricDeclarationRules.CheckCardinality(
                model.Name, model.Labels.Select(l => l.Name).ToArray(), AllowlistSizes(model), cap);
            return violation is null ? null : MetricDiagnostics.Problem(violation, model.Locations.Attribute);
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

        private static void CheckName(MetricModel model, MetricKindInfo kind, List<DeclarationProblem> problems)
        {
            SourceLocation at = model.Locations.Name.Or(model.Locations.Attribute);
            string? name = model.Name;
            if (MetricDeclarationRules.CheckName(name) is { } badName)
            {
                problems.Add(MetricDiagnostics.Problem(badName, at));
                return;
            }

            if (MetricDeclarationRules.CheckUnit(kind, name!, model.Unit) is { } badUnit)
            {
                problems.Add(MetricDiagnostics.Problem(badUnit, at));
            }

            // DSC010 is the counter's warning; an info metric without '_info' is DSC014, an error.
            if (kind == MetricKinds.Counter && kind.NameSuffix is { } suffix && !name!.EndsWith(suffix, StringComparison.Ordinal))
            {
                problems.Add(new DeclarationProblem(MetricDiagnostics.CounterWithoutTotal, at, name));
            }
        }

        /// <summary>DSC014 and DSC015: the rules of one kind (info's shape, exemplars only where a kind carries them).</summary>
        private static void CheckKindRules(MetricModel model, MetricKindInfo kind, List<DeclarationProblem> problems)
        {
            if (MetricDeclarationRules.CheckExemplars(kind, model.Name, model.Exemplars) is { } badExemplars)
            {
                problems.Add(MetricDiagnostics.Problem(badExemplars, model.Locations.Attribute));
            }

            if (MetricRules.IsValidMetricName(model.Name)
                && MetricDeclarationRules.CheckInfo(kind, model.Name, model.Unit, AllowlistSizes(model)) is { } badInfo)
            {
                problems.Add(MetricDiagnostics.Problem(badInfo, model.Locations.Attribute));
            }
        }

        private static void CheckHelp(MetricModel model, List<DeclarationProblem> problems)
        {
            if (MetricDeclarationRules.CheckHelp(model.Name, model.Help) is { } tooLong)
            {
                problems.Add(MetricDiagnostics.Problem(tooLong, model.Locations.Help.Or(model.Locations.Attribute)));
            }
        }

        private static void CheckBuckets(MetricModel model, MetricKindInfo kind, List<DeclarationProblem> problems)
        {
            if (MetricDeclarationRules.CheckBuckets(kind, model.Name, model.HasBuckets ? model.Buckets : null) is { } badBuckets)
            {
                problems.Add(MetricDiagnostics.Problem(badBuckets, model.Locations.Buckets.Or(model.Locations.Attribute)));
            }
        }

        private static void CheckLabels(MetricModel model, MetricKindInfo kind, List<DeclarationProblem> problems)
        {
            if (MetricDeclarationRules.CheckLabelCount(model.Name, model.Labels.Count) is { } tooMany)
            {
                problems.Add(MetricDiagnostics.Problem(tooMany, model.Labels[MetricRules.MaxLabels].AttributeLocation.Or(model.Locations.Attribute)));
            }

            var labelNames = new LabelNameSet(kind);
            // Every name the generator adds to the class: fixed members, the class itself, then per label
            // its stride constant, its ordinal helper and (inline labels) its nested enum.
            var memberNames = new HashSet<string>(MetricIdentifiers.GeneratedMemberNames, StringComparer.Ordinal) { model.Type.Name };
            foreach (LabelModel label in model.Labels)
            {
                SourceLocation nameAt = label.NameLocation.Or(label.AttributeLocation);
                if (labelNames.Add(model.Name, label.Name) is { } badLabel)
                {
                    problems.Add(MetricDiagnostics.Problem(badLabel, nameAt));
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
            else if (label.Values.Count == 0 && label.IsEnumTyped)
            {
                why = $"enum '{label.TypeDisplay}' has no members; give it members or list the values in [Label(\"{label.Name}\", \"a\", \"b\")]";
            }
            else if (MetricDeclarationRules.CheckBounded(model.Name, label.Name, label.Values.Count) is { } unbounded)
            {
                problems.Add(MetricDiagnostics.Problem(unbounded, label.AttributeLocation));
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

            var values = new LabelValueSet();
            var identifiers = new Dictionary<string, LabelValueModel>(StringComparer.Ordinal);
            var constants = new Dictionary<string, LabelValueModel>(StringComparer.Ordinal);
            for (int i = 0; i < label.Values.Count; i++)
            {
                LabelValueModel item = label.Values[i];
                SourceLocation at = item.Location.Or(label.AttributeLocation);
                void Report(string why) => problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidLabelValue, at, label.Name, model.Name, why));

                if (values.Add(model.Name, label.Name, i, item.Value, label.IsEnumTyped ? item.Identifier : null) is { } badValue)
                {
                    problems.Add(MetricDiagnostics.Problem(badValue, at));
                    continue;
                }

                if (!label.IsEnumTyped && identifiers.TryGetValue(item.Identifier, out LabelValueModel? first))
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
