using System;
using System.Buffers;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>
/// OpenMetrics 1.0 text: TYPE, UNIT, HELP; a counter family is named without its <c>_total</c> and its
/// samples with it; quotes escaped in HELP; the exposition ends with <c># EOF</c>.
/// </summary>
internal struct OpenMetricsTextWriter : ISampleWriter
{
    public const string ContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private const string TotalSuffix = "_total";
    private readonly ExpositionWriter _output;
    private TextFamily _family;

    public OpenMetricsTextWriter(IBufferWriter<byte> output)
    {
        _output = new ExpositionWriter(output);
        _family = null!;
    }

    /// <summary>Encodes this format's fragments of a family, once, at registration.</summary>
    public static TextFamily Encode(FamilyHeader header, double[] buckets)
    {
        bool isCounter = header.Kind == MetricKind.Counter;
        string family = isCounter && header.Name.EndsWith(TotalSuffix, StringComparison.Ordinal)
            ? header.Name[..^TotalSuffix.Length]
            : header.Name;
        string metadata = "# TYPE " + family + " " + header.OpenMetricsTypeName + "\n"
            + (header.Unit is null ? string.Empty : "# UNIT " + family + " " + header.Unit + "\n")
            + (header.Help.Length > 0 ? "# HELP " + family + " " + TextEscaping.EscapeHelpAndQuotes(header.Help) + "\n" : string.Empty);
        return new TextFamily(metadata, isCounter ? family + TotalSuffix : header.Name, header.Name, buckets);
    }

    public void BeginFamily(MetricFamily family)
    {
        _family = family.TextFor(ExpositionFormat.OpenMetrics);
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

    public readonly void EndExposition() => _output.WriteRaw("# EOF\n"u8);
}
