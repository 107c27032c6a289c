using System;
using System.Text;
using DistriC.Exposition;
using DistriC.Infrastructure;

namespace DistriC.Metrics;

internal sealed class HistogramFamily : MetricFamily
{
    /// <summary><c>le="0.005"</c> … <c>le="+Inf"</c>, encoded once.</summary>
    private readonly byte[][] _le;

    public HistogramFamily(MetricLayout layout, string? unit, DropCounters drops)
        : base(layout, unit)
    {
        Cells = new HistogramCells(layout.Cardinality, layout.Buckets, drops);
        _le = new byte[layout.Buckets.Length + 1][];
        Span<byte> number = stackalloc byte[32];
        for (int b = 0; b <= layout.Buckets.Length; b++)
        {
            double bound = b < layout.Buckets.Length ? layout.Buckets[b] : double.PositiveInfinity;
            int n = ExpositionWriter.FormatDouble(bound, number);
            _le[b] = Encoding.UTF8.GetBytes("le=\"" + Encoding.UTF8.GetString(number[..n]) + "\"");
        }
    }

    public HistogramCells Cells { get; }

    protected override void WriteSamples(ExpositionWriter writer, ExpositionFormat format)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            ReadOnlySpan<byte> labels = Layout.Series[i];
            long cumulative = 0;
            for (int b = 0; b < _le.Length; b++)
            {
                cumulative += Cells.GetBucketCount(i, b);
                writer.WriteSample(Header.BucketName, labels, _le[b], cumulative);
            }

            // _count is the +Inf bucket by construction, so the two can never disagree in one scrape.
            writer.WriteSample(Header.CountName, labels, default, cumulative);
            writer.WriteSample(Header.SumName, labels, default, Cells.GetSum(i));
        }
    }
}
