using System;
using System.Collections.Generic;
using System.Globalization;
using DistriC.Infrastructure;

namespace DistriC.Metrics;

/// <summary>
/// Checks a <see cref="MetricDescriptor"/> against <see cref="MetricRules"/> and the registry's
/// limits, and turns it into a <see cref="MetricLayout"/>. Every failure names the metric and the
/// offending name or value; nothing is registered until validation has passed.
/// </summary>
internal static class DescriptorValidator
{
    public static MetricLayout Validate(MetricDescriptor descriptor, int maxCardinality)
    {
        string name = descriptor.Name;
        if (!MetricRules.IsValidMetricName(name))
        {
            throw Invalid($"Metric name '{name}' is invalid: it must match [a-zA-Z_:][a-zA-Z0-9_:]* and be 1 to {MetricRules.MaxNameLength} characters.");
        }

        if (descriptor.Help.Length > MetricRules.MaxHelpLength)
        {
            throw Invalid($"Metric '{name}': HELP text is {descriptor.Help.Length} characters; at most {MetricRules.MaxHelpLength} are allowed.");
        }

        if (descriptor.Unit is { Length: > 0 } unit && !MetricRules.HasUnitSuffix(descriptor.Kind == MetricKind.Counter, name, unit))
        {
            throw Invalid($"Metric '{name}': with unit '{unit}' the name must end with '_{unit}' (before '_total' on a counter), as OpenMetrics requires.");
        }

        bool isHistogram = descriptor.Kind == MetricKind.Histogram;
        int labelCount = descriptor.LabelNames.Count;
        if (labelCount != descriptor.LabelValues.Count)
        {
            throw Invalid($"Metric '{name}': {labelCount} label names but {descriptor.LabelValues.Count} allowlists.");
        }

        if (labelCount > MetricRules.MaxLabels)
        {
            throw Invalid($"Metric '{name}' declares {labelCount} labels; at most {MetricRules.MaxLabels} are allowed.");
        }

        var names = new string[labelCount];
        var values = new string[labelCount][];
        long cardinality = 1;
        for (int d = 0; d < labelCount; d++)
        {
            string labelName = descriptor.LabelNames[d];
            LabelNameProblem problem = MetricRules.CheckLabelName(labelName, isHistogram);
            if (problem != LabelNameProblem.None)
            {
                throw Invalid($"Metric '{name}': label name '{labelName}' {MetricRules.Describe(problem)}.");
            }

            if (Array.IndexOf(names, labelName, 0, d) >= 0)
            {
                throw Invalid($"Metric '{name}': label '{labelName}' is declared twice.");
            }

            names[d] = labelName;
            values[d] = ValidateAllowlist(name, labelName, descriptor.LabelValues[d]);
            cardinality *= values[d].Length;
            if (cardinality > maxCardinality)
            {
                throw new MetricRegistrationException(
                    DistricStatus.HighCardinality,
                    $"Metric '{name}': {DescribeProduct(names, values, d)} label combinations exceed the cap of {maxCardinality}.");
            }
        }

        double[] buckets = Array.Empty<double>();
        if (isHistogram)
        {
            IReadOnlyList<double> given = descriptor.Buckets ?? MetricRules.DefaultBuckets;
            BucketProblem bucketProblem = MetricRules.CheckBuckets(given, out int at);
            if (bucketProblem != BucketProblem.None)
            {
                string where = at >= 0 ? $" (bucket {at}: {given[at].ToString("R", CultureInfo.InvariantCulture)})" : string.Empty;
                throw Invalid($"Metric '{name}': {MetricRules.Describe(bucketProblem)}{where}.");
            }

            buckets = new double[given.Count];
            for (int i = 0; i < buckets.Length; i++)
            {
                buckets[i] = given[i];
            }
        }
        else if (descriptor.Buckets is { Count: > 0 })
        {
            throw Invalid($"Metric '{name}': buckets are only valid on a histogram.");
        }

        return new MetricLayout(descriptor.Kind, name, descriptor.Help, names, values, buckets);
    }

    private static string[] ValidateAllowlist(string metric, string label, IReadOnlyList<string>? allowed)
    {
        if (allowed is null || allowed.Count == 0)
        {
            // No allowlist means any value: an unbounded label, the cardinality failure the allowlists exist to prevent
            // (DSC001 is the same rule at build time), hence HighCardinality rather than InvalidArgument.
            throw new MetricRegistrationException(
                DistricStatus.HighCardinality,
                $"Metric '{metric}': label '{label}' has an empty allowlist, so it is unbounded. List every value it may take, e.g. new LabelDefinition(\"{label}\", \"value1\", \"value2\").");
        }

        var values = new string[allowed.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < values.Length; v++)
        {
            string value = allowed[v];
            if (!MetricRules.IsValidLabelValue(value))
            {
                throw Invalid($"Metric '{metric}': label '{label}' value #{v} is {(value is null ? "null" : value.Length == 0 ? "empty" : $"longer than {MetricRules.MaxLabelValueLength} characters")}.");
            }

            if (!seen.Add(value))
            {
                throw Invalid($"Metric '{metric}': label '{label}' lists value '{value}' twice.");
            }

            values[v] = value;
        }

        return values;
    }

    private static string DescribeProduct(string[] names, string[][] values, int last)
    {
        var parts = new List<string>();
        long product = 1;
        for (int d = 0; d <= last; d++)
        {
            parts.Add($"{names[d]}({values[d].Length})");
            product *= values[d].Length;
        }

        return string.Join(" × ", parts) + " = " + product.ToString(CultureInfo.InvariantCulture);
    }

    private static MetricRegistrationException Invalid(string message) => new(DistricStatus.InvalidArgument, message);
}
