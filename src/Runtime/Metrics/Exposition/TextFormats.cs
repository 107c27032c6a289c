using System.Buffers;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>
/// The text formats by <see cref="ExpositionFormat"/>: the only place that maps the public enum to a
/// writer. A new text format adds its enum member, its writer and one case to each member here.
/// </summary>
internal static class TextFormats
{
    /// <summary>Every format's fragments of a family, indexed by <see cref="ExpositionFormat"/>.</summary>
    public static TextFamily[] Encode(FamilyHeader header, double[] buckets) => new[]
    {
        PrometheusTextWriter.Encode(header, buckets),
        OpenMetricsTextWriter.Encode(header, buckets),
    };

    /// <summary>Writes <paramref name="families"/> in <paramref name="format"/>.</summary>
    public static void Write(MetricFamily[] families, IBufferWriter<byte> output, ExpositionFormat format)
    {
        switch (format)
        {
            case ExpositionFormat.OpenMetrics:
                var openMetrics = new OpenMetricsTextWriter(output);
                MetricFamily.WriteAll(families, ref openMetrics);
                break;
            default:
                // Prometheus 0.0.4, also for an undefined value: the public API has always fallen back to it.
                var prometheus = new PrometheusTextWriter(output);
                MetricFamily.WriteAll(families, ref prometheus);
                break;
        }
    }

    /// <summary>The HTTP <c>Content-Type</c> of <paramref name="format"/>.</summary>
    public static string ContentType(ExpositionFormat format) => format switch
    {
        ExpositionFormat.OpenMetrics => OpenMetricsTextWriter.ContentType,
        _ => PrometheusTextWriter.ContentType,
    };
}
