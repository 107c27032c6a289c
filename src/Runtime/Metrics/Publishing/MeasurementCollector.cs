using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using DistriC.Exposition;

namespace DistriC.Metrics.Publishing;

/// <summary>Reads one family's series as <see cref="Measurement{T}"/>s with their labels as tags, at collection time.</summary>
internal struct MeasurementCollector : ISampleWriter
{
    private readonly MetricFamily _family;
    private readonly List<Measurement<long>>? _integers;
    private readonly List<Measurement<double>>? _doubles;
    private readonly bool _sum;

    /// <param name="family">The family read.</param>
    /// <param name="integers">Receives counter totals and histogram counts (when not null).</param>
    /// <param name="doubles">Receives gauge values, floating-point counters and histogram sums (when not null).</param>
    /// <param name="sum">For a histogram: collect its sums (into <paramref name="doubles"/>) instead of its counts.</param>
    public MeasurementCollector(MetricFamily family, List<Measurement<long>>? integers, List<Measurement<double>>? doubles, bool sum)
    {
        _family = family;
        _integers = integers;
        _doubles = doubles;
        _sum = sum;
    }

    public readonly void BeginFamily(MetricFamily family)
    {
    }

    public readonly void WriteCounter(int series, ReadOnlySpan<byte> labels, long value, in MetricExemplar exemplar)
    {
        if (_integers is not null)
        {
            _integers.Add(new Measurement<long>(value, Tags(series)));
        }
        else
        {
            _doubles?.Add(new Measurement<double>(value, Tags(series)));
        }
    }

    public readonly void WriteGauge(int series, ReadOnlySpan<byte> labels, double value) =>
        _doubles?.Add(new Measurement<double>(value, Tags(series)));

    public readonly void WriteHistogram(int series, ReadOnlySpan<byte> labels, ReadOnlySpan<long> bucketCounts, long count, double sum, ReadOnlySpan<MetricExemplar> bucketExemplars)
    {
        if (_sum)
        {
            _doubles?.Add(new Measurement<double>(sum, Tags(series)));
        }
        else
        {
            _integers?.Add(new Measurement<long>(count, Tags(series)));
        }
    }

    // An info series is a gauge whose value is always 1, its facts in the tags.
    public readonly void WriteInfo(int series, ReadOnlySpan<byte> labels) =>
        _doubles?.Add(new Measurement<double>(1, Tags(series)));

    public readonly void EndFamily()
    {
    }

    public readonly void EndExposition()
    {
    }

    private readonly KeyValuePair<string, object?>[] Tags(int series)
    {
        ReadOnlySpan<string> names = _family.Describe().LabelNames;
        ReadOnlySpan<string> values = _family.LabelValuesOf(series);
        var tags = new KeyValuePair<string, object?>[names.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = new KeyValuePair<string, object?>(names[i], values[i]);
        }

        return tags;
    }
}
