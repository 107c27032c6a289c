using System;
using System.Buffers;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>
/// Writes samples as text in one format. The formats differ only in their fragments, encoded once per family at
/// registration (<see cref="PrometheusText"/>, <see cref="OpenMetricsText"/>), and in the terminator; writing a
/// scrape is the same copying of those fragments for every text format.
/// </summary>
internal struct TextSampleWriter : ISampleWriter
{
    private readonly ExpositionWriter _output;
    private readonly ExpositionFormat _format;
    private readonly byte[] _terminator;
    private TextFamily _family;

    /// <param name="output">Where the text goes.</param>
    /// <param name="format">A defined format: which of each family's encoded fragments to write.</param>
    /// <param name="terminator">Written after the last family.</param>
    public TextSampleWriter(IBufferWriter<byte> output, ExpositionFormat format, byte[] terminator)
    {
        _output = new ExpositionWriter(output);
        _format = format;
        _terminator = terminator;
        _family = null!;
    }

    public void BeginFamily(MetricFamily family)
    {
        _family = family.TextFor(_format);
        _output.WriteRaw(_family.Metadata);
    }

    public readonly void WriteCounter(int series, ReadOnlySpan<byte> labels, long value, in MetricExemplar exemplar)
    {
        if (_family.WritesExemplars && exemplar.IsPresent)
        {
            _output.WriteSample(_family.ValueName, labels, default, value, exemplar);
        }
        else
        {
            _output.WriteSample(_family.ValueName, labels, default, value);
        }

        WriteCreated(labels);
    }

    public readonly void WriteGauge(int series, ReadOnlySpan<byte> labels, double value) =>
        _output.WriteSample(_family.ValueName, labels, default, value);

    public readonly void WriteHistogram(int series, ReadOnlySpan<byte> labels, ReadOnlySpan<long> bucketCounts, long count, double sum, ReadOnlySpan<MetricExemplar> bucketExemplars)
    {
        _output.WriteHistogram(_family, labels, bucketCounts, count, sum, _family.WritesExemplars ? bucketExemplars : default);
        WriteCreated(labels);
    }

    public readonly void WriteInfo(int series, ReadOnlySpan<byte> labels) =>
        _output.WriteSample(_family.ValueName, labels, default, 1L);

    public readonly void EndFamily()
    {
    }

    public readonly void EndExposition() => _output.WriteRaw(_terminator);

    /// <summary>The series' <c>_created</c> sample, in the formats (and families) that have one.</summary>
    private readonly void WriteCreated(ReadOnlySpan<byte> labels)
    {
        if (_family.CreatedName.Length > 0)
        {
            _output.WriteSample(_family.CreatedName, labels, default, _family.CreatedValue);
        }
    }
}
