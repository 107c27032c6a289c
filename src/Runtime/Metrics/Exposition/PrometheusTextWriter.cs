using System;
using System.Buffers;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>Prometheus text format 0.0.4: the registered name everywhere, HELP before TYPE, no unit, no terminator.</summary>
internal struct PrometheusTextWriter : ISampleWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly ExpositionWriter _output;
    private TextFamily _family;

    public PrometheusTextWriter(IBufferWriter<byte> output)
    {
        _output = new ExpositionWriter(output);
        _family = null!;
    }

    /// <summary>Encodes this format's fragments of a family, once, at registration.</summary>
    public static TextFamily Encode(FamilyHeader header, double[] buckets)
    {
        string help = header.Help.Length > 0 ? "# HELP " + header.Name + " " + TextEscaping.EscapeHelp(header.Help) + "\n" : string.Empty;
        return new TextFamily(help + "# TYPE " + header.Name + " " + header.PrometheusTypeName + "\n", header.Name, header.Name, buckets);
    }

    public void BeginFamily(MetricFamily family)
    {
        _family = family.TextFor(ExpositionFormat.Prometheus);
        _output.WriteRaw(_family.Metadata);
    }

    public readonly void WriteCounter(int series, ReadOnlySpan<byte> labels, long value) =>
        _output.WriteSample(_family.ValueName, labels, default, value);

    public readonly void WriteGauge(int series, ReadOnlySpan<byte> labels, double value) =>
        _output.WriteSample(_family.ValueName, labels, default, value);

    public readonly void WriteHistogram(int series, ReadOnlySpan<byte> labels, ReadOnlySpan<long> bucketCounts, long count, double sum) =>
        _output.WriteHistogram(_family, labels, bucketCounts, count, sum);

    public readonly void EndFamily()
    {
    }

    public readonly void EndExposition()
    {
    }
}
