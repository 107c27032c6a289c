using System;
using System.Collections.Generic;
using DistriC.Infrastructure;

namespace DistriC.Metrics;

/// <summary>
/// Checks a <see cref="MetricDescriptor"/> with the rules the analyzers apply at build time
/// (<see cref="MetricDeclarationRules"/>) and the registry's cardinality cap, and turns it into a
/// <see cref="MetricLayout"/>. A violation throws <see cref="MetricRegistrationException"/> with the
/// rule's message (the DSC diagnostic's text, prefixed by its id); nothing is registered until
/// validation has passed.
/// </summary>
internal static class DescriptorValidator
{
    public static MetricLayout Validate(MetricDescriptor descriptor, int maxCardinality)
    {
        int labelCount = descriptor.LabelNames.Count;
        if (labelCount != descriptor.LabelValues.Count)
        {
            // A malformed descriptor rather than a declaration rule: generated code and the dynamic API always pass parallel lists.
            throw new MetricRegistrationException(
                DistricStatus.InvalidArgument,
                $"Metric '{descriptor.Name}': {labelCount} label names but {descriptor.LabelValues.Count} allowlists.");
        }

        var declaration = new MetricDeclaration(
            (int)descriptor.Kind,
            descriptor.Name,
            descriptor.Help,
            descriptor.Unit,
            descriptor.LabelNames,
            descriptor.LabelValues,
            descriptor.Buckets,
            descriptor.Exemplars);
        foreach (MetricRuleViolation violation in MetricDeclarationRules.Violations(declaration, maxCardinality))
        {
            // The first violation is the answer: the declaration is rejected as a whole.
            throw new MetricRegistrationException(StatusOf(violation.Rule), violation.RunTimeMessage);
        }

        var values = new string[labelCount][];
        for (int d = 0; d < labelCount; d++)
        {
            values[d] = Copy(descriptor.LabelValues[d]);
        }

        double[] buckets = MetricKinds.Get((int)descriptor.Kind).TakesBuckets ? Copy(descriptor.Buckets ?? MetricRules.DefaultBuckets) : Array.Empty<double>();
        return new MetricLayout(descriptor.Kind, descriptor.Name, descriptor.Help, Copy(descriptor.LabelNames), values, buckets, descriptor.Exemplars);
    }

    /// <summary>The status a broken rule is reported with.</summary>
    internal static DistricStatus StatusOf(MetricRule rule) => rule.Failure switch
    {
        MetricRuleFailure.HighCardinality => DistricStatus.HighCardinality,
        MetricRuleFailure.InvalidArgument => DistricStatus.InvalidArgument,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Failure, "Unknown failure class of rule " + rule.Id + "."),
    };

    private static T[] Copy<T>(IReadOnlyList<T> items)
    {
        var copy = new T[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }

        return copy;
    }
}
