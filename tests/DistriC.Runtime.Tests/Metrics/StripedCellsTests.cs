using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Infrastructure;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>
/// Striping (<see cref="CellStripes"/>): counters always spread over per-processor stripes; a histogram family gets its
/// stripes only after two threads collide on one of its series. Counts stay exact and monotonic either way, and for
/// histograms before, during and after the switch.
/// </summary>
public sealed class StripedCellsTests
{
    private const int Threads = 8;
    private const int UpdatesPerThread = 100_000;
    private const int Series = 13; // not a multiple of 8: a series near a stripe's line end must not spill into the next stripe

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 8)]
    [InlineData(8, 8)]
    [InlineData(64, 8)]
    [InlineData(0, 1)]
    public void Stripe_count_is_the_next_power_of_two_of_the_processors_capped_at_eight(int processors, int stripes)
    {
        Assert.Equal(stripes, CellStripes.StripesFor(processors));
    }

    [Fact]
    public void One_thread_never_stripes_a_histogram_family()
    {
        var histogram = new HistogramCells(Series, new[] { 1.0, 2.0 }, new DropCounters());

        for (int i = 0; i < 1_000_000; i++)
        {
            histogram.Observe(i % Series, i % 3);
        }

        Assert.False(histogram.IsStriped);
        long total = 0;
        for (int s = 0; s < Series; s++)
        {
            total += histogram.GetCount(s);
        }

        Assert.Equal(1_000_000, total);
    }

    [Fact]
    public void Threads_that_collide_on_one_histogram_series_stripe_its_family_and_the_counts_stay_exact()
    {
        var histogram = new HistogramCells(1, new[] { 1.0 }, new DropCounters());
        long perThread = 0;

        // Each thread stops once the family is striped. On a loaded machine the two threads may take a while to run at
        // the same moment, so the bound is time (30 s, far above the microseconds a collision takes), not a count.
        var bound = System.Diagnostics.Stopwatch.StartNew();
        TestThreads.Run(2, _ =>
        {
            long done = 0;
            while (!histogram.IsStriped && CellStripes.Count > 1 && bound.Elapsed < TimeSpan.FromSeconds(30))
            {
                histogram.Observe(0, 1.0);
                done++;
            }

            Interlocked.Add(ref perThread, done);
        });

        // On one processor there is nothing to gain, so a collision never stripes (CellStripes.Count is 1).
        Assert.Equal(CellStripes.Count > 1, histogram.IsStriped);
        Assert.Equal(perThread, histogram.GetCount(0));
        Assert.Equal(perThread, histogram.GetSum(0));
    }

    [Fact]
    public void The_registry_stripes_counters_by_this_machine_s_processor_count()
    {
        CounterCells cells = MetricRegistration.RegisterCounter(new MetricRegistry(), new MetricDescriptor(MetricKind.Counter, "ticks_total", "Ticks"));

        Assert.Equal(CellStripes.StripesFor(Environment.ProcessorCount), cells.Stripes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(CellStripes.MaxStripes)]
    public void Eight_threads_across_labelled_counter_series_give_exact_totals(int stripes)
    {
        var cells = new CounterCells(Series, new DropCounters(), stripes);
        cells.Add(5, 1000);

        TestThreads.Run(Threads, t =>
        {
            for (int i = 0; i < UpdatesPerThread; i++)
            {
                cells.Increment(i % Series);
                cells.Add((i + t) % Series, 2);
            }
        });

        var expected = new long[Series];
        expected[5] = 1000;
        for (int t = 0; t < Threads; t++)
        {
            for (int i = 0; i < UpdatesPerThread; i++)
            {
                expected[i % Series] += 1;
                expected[(i + t) % Series] += 2;
            }
        }

        for (int s = 0; s < Series; s++)
        {
            Assert.Equal(expected[s], cells.Get(s));
        }

        Assert.Equal(stripes, cells.Stripes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Eight_threads_observing_give_exact_bucket_counts_count_and_sum(bool stripedFromTheStart)
    {
        double[] bounds = { 1.0, 2.0, 4.0 };
        var cells = new HistogramCells(Series, bounds, new DropCounters());
        cells.Observe(3, 3.0);
        if (stripedFromTheStart)
        {
            cells.StripeNow();
        }

        // Small whole numbers: every partial sum is exact in a double, so the total must match to the last bit.
        TestThreads.Run(Threads, t =>
        {
            for (int i = 0; i < UpdatesPerThread; i++)
            {
                cells.Observe((i + t) % Series, i % 6);
            }
        });

        var buckets = new long[Series, bounds.Length + 1];
        var sums = new double[Series];
        buckets[3, 2] = 1;
        sums[3] = 3.0;
        for (int t = 0; t < Threads; t++)
        {
            for (int i = 0; i < UpdatesPerThread; i++)
            {
                int series = (i + t) % Series;
                int value = i % 6;
                buckets[series, value <= 1 ? 0 : value <= 2 ? 1 : value <= 4 ? 2 : 3]++;
                sums[series] += value;
            }
        }

        var read = new long[bounds.Length + 1];
        for (int s = 0; s < Series; s++)
        {
            long count = cells.CopyBucketCounts(s, read);
            for (int b = 0; b <= bounds.Length; b++)
            {
                Assert.Equal(buckets[s, b], read[b]);
                Assert.Equal(buckets[s, b], cells.GetBucketCount(s, b));
            }

            Assert.Equal(count, cells.GetCount(s));
            Assert.Equal(sums[s], cells.GetSum(s));
        }
    }

    [Fact]
    public async Task A_scrape_never_sees_a_series_decrease_while_writers_collide_and_the_family_stripes()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("hits_total", "Hits", new LabelDefinition("route", "a", "b"));
        using var stop = new CancellationTokenSource();
        var writers = new Task[4];
        for (int w = 0; w < writers.Length; w++)
        {
            string route = w % 2 == 0 ? "a" : "b";
            writers[w] = Task.Factory.StartNew(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    counter.Inc(route);
                    counter.Add(3, "a");
                }
            }, TaskCreationOptions.LongRunning);
        }

        long previousA = -1;
        long previousB = -1;
        for (int scrape = 0; scrape < 300; scrape++)
        {
            string text = registry.ExportText();
            long a = ValueOf(text, "hits_total{route=\"a\"} ");
            long b = ValueOf(text, "hits_total{route=\"b\"} ");
            Assert.True(a >= previousA, $"route a went backwards: {previousA} -> {a}");
            Assert.True(b >= previousB, $"route b went backwards: {previousB} -> {b}");
            Assert.True(counter.Get("a") >= a, "a later read is below an earlier scrape");
            previousA = a;
            previousB = b;
        }

        stop.Cancel();
        await Task.WhenAll(writers);
        string last = registry.ExportText();
        Assert.Equal(counter.Get("a"), ValueOf(last, "hits_total{route=\"a\"} "));
        Assert.Equal(counter.Get("b"), ValueOf(last, "hits_total{route=\"b\"} "));
    }

    private static long ValueOf(string text, string prefix)
    {
        int at = text.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        return long.Parse(text.AsSpan(at, text.IndexOf('\n', at) - at), CultureInfo.InvariantCulture);
    }
}
