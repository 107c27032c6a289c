using System.Buffers;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>
/// The text formats by <see cref="ExpositionFormat"/>: the only place that maps the public enum to a
/// format's encoding. A new text format adds its enum member, its encoding class (fragments, content type,
/// terminator) and one case to each member here; <see cref="TextSampleWriter"/> writes every text format.
/// </summary>
internal static class TextFormats
{
    /// <summary>Every format's fragments of a family, indexed by <see cref="ExpositionFormat"/>.</summary>
    public static TextFamily[] Encode(FamilyHeader header, double[] buckets) => new[]
    {
        PrometheusText.Encode(header, buckets),
        OpenMetricsText.Encode(header, buckets),
    };

    /// <summary>Writes <paramref name="families"/> in <paramref name="format"/>.</summary>
    public static void Write(MetricFamily[] families, IBufferWriter<byte> output, ExpositionFormat format)
    {
        // Prometheus 0.0.4 also for an undefined value: the public API has always fallen back to it.
        var writer = format == ExpositionFormat.OpenMetrics
            ? new TextSampleWriter(output, ExpositionFormat.OpenMetrics, OpenMetricsText.Terminator)
            : new TextSampleWriter(output, ExpositionFormat.Prometheus, PrometheusText.Terminator);
        MetricFamily.WriteAll(families, ref writer);
    }

    /// <summary>The HTTP <c>Content-Type</c> of <paramref name="format"/>.</summary>
    public static string ContentType(ExpositionFormat format) => format switch
    {
        ExpositionFormat.OpenMetrics => OpenMetricsText.ContentType,
        _ => PrometheusText.ContentType,
    };
}
