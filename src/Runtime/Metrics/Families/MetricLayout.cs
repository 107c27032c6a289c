using System;
using System.Collections.Generic;
using DistriC.Exposition;

namespace DistriC.Metrics;

/// <summary>
/// A validated metric declaration and its flat-index geometry: the index of a label combination is
/// <c>sum(ordinal_d * Strides[d])</c>, with the last label varying fastest.
/// </summary>
internal sealed class MetricLayout
{
    public MetricLayout(MetricKind kind, string name, string help, string[] labelNames, string[][] labelValues, double[] buckets, bool exemplars = false)
    {
        Exemplars = exemplars;
        Kind = kind;
        Name = name;
        Help = help;
        LabelNames = labelNames;
        LabelValues = labelValues;
        Buckets = buckets;
        var sizes = new int[labelValues.Length];
        for (int d = 0; d < sizes.Length; d++)
        {
            sizes[d] = labelValues[d].Length;
        }

        // The same strides the generator writes as constants into the generated class.
        Strides = MetricGeometry.Strides(sizes);
        Cardinality = (int)MetricGeometry.Cardinality(sizes);
        Series = new SeriesLabels(labelNames, labelValues, Cardinality);
    }

    public MetricKind Kind { get; }

    public string Name { get; }

    public string Help { get; }

    public IReadOnlyList<string> LabelNames { get; }

    public string[][] LabelValues { get; }

    /// <summary>Finite histogram bounds (empty for counters and gauges).</summary>
    public double[] Buckets { get; }

    public int[] Strides { get; }

    /// <summary>The family keeps exemplars.</summary>
    public bool Exemplars { get; }

    public int Cardinality { get; }

    public SeriesLabels Series { get; }

    /// <summary>Ordinals of series <paramref name="index"/>, one per label (for tests and diagnostics).</summary>
    public int[] OrdinalsOf(int index)
    {
        var ordinals = new int[Strides.Length];
        for (int d = 0; d < Strides.Length; d++)
        {
            ordinals[d] = Math.DivRem(index, Strides[d], out index);
        }

        return ordinals;
    }
}
