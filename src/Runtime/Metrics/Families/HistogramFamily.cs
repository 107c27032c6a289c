using System;
using System.Buffers;
using DistriC.Infrastructure;

namespace DistriC.Metrics;

internal sealed class HistogramFamily : MetricFamily
{
    /// <summary>Up to this many buckets a series is read into stack memory; beyond, into a pooled array.</summary>
    private const int StackBuckets = 64;

    public HistogramFamily(MetricLayout layout, string? unit, DropCounters drops, MetricClock clock)
        : base(layout, unit, clock.UnixSecondsNow())
    {
        Cells = new HistogramCells(layout.Cardinality, layout.Buckets, drops, layout.Exemplars ? clock : null);
    }

    public HistogramCells Cells { get; }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        int buckets = Layout.Buckets.Length + 1;
        long[]? rented = null;
        MetricExemplar[]? rentedExemplars = null;
        Span<long> counts = buckets <= StackBuckets
            ? stackalloc long[StackBuckets]
            : (rented = ArrayPool<long>.Shared.Rent(buckets));
        counts = counts[..buckets];
        Span<MetricExemplar> exemplars = !Cells.HasExemplars ? default
            : buckets <= StackBuckets ? stackalloc MetricExemplar[StackBuckets]
            : (rentedExemplars = ArrayPool<MetricExemplar>.Shared.Rent(buckets));
        exemplars = exemplars.IsEmpty ? exemplars : exemplars[..buckets];
        try
        {
            for (int i = 0; i < Cells.Count; i++)
            {
                if (!exemplars.IsEmpty)
                {
                    Cells.CopyExemplars(i, exemplars);
                }

                // _count is the sum of the buckets as read, so it always equals the +Inf bucket in one scrape.
                long count = Cells.CopyBucketCounts(i, counts);
                writer.WriteHistogram(i, Layout.Series[i], counts, count, Cells.GetSum(i), exemplars);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }

            if (rentedExemplars is not null)
            {
                ArrayPool<MetricExemplar>.Shared.Return(rentedExemplars);
            }
        }
    }
}
