using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Infrastructure;

namespace DistriC.Tests.Metrics;

/// <summary>
/// Adaptive striping (<see cref="CellStripes"/>): a family gets per-processor stripes only after two threads collide
/// on one of its series, and counts stay exact and monotonic before, during and after that switch.
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
    public void One_thread_never_stripes_a_family()
    {
        var counter = new CounterCells(Series, new DropCounters());
        var histogram = new HistogramCells(Series, new[] { 1.0, 2.0 }, new DropCounters());

        for (int i = 0; i < 1_000_000; i++)
        {
            counter.Increment(i % Series);
            histogram.Observe(i % Series, i % 3);
        }

        Assert.False(counter.IsStriped);
        Assert.False(histogram.IsStriped);
        Assert.Equal(1_000_000, SumOfSeries(counter));
    }

    [Fact]
    public void Threads_that_collide_on_one_series_stripe_its_family_and_the_total_stays_exact()
    {
        var counter = new CounterCells(1, new DropCounters());
        long perThread = 0;

        // Each thread stops once the family is striped (or after a bound no two parallel threads stay under).
        RunOnThreads(2, _ =>
        {
            long done = 0;
            while (!counter.IsStriped && done < 5_000_000)
            {
                counter.Increment(0);
                done++;
            }

            Interlocked.Add(ref perThread, done);
        });

        // On one processor there is nothing to gain, so a collision never stripes (CellStripes.Count is 1).
        Assert.Equal(CellStripes.Count > 1, counter.IsStriped);
        Assert.Equal(perThread, counter.Get(0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Eight_threads_across_labelled_series_give_exact_totals(bool stripedFromTheStart)
    {
        var cells = new CounterCells(Series, new DropCounters());
        cells.Add(5, 1000); // before any stripes: the series' own cell keeps counting in every read
        if (stripedFromTheStart)
        {
            cells.StripeNow();
        }

        RunOnThreads(Threads, t =>
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

        if (stripedFromTheStart)
        {
            Assert.Equal(CellStripes.Count > 1, cells.IsStriped);
        }
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
        RunOnThreads(Threads, t =>
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

    private static long SumOfSeries(CounterCells cells)
    {
        long total = 0;
        for (int s = 0; s < cells.Count; s++)
        {
            total += cells.Get(s);
        }

        return total;
    }

    private static long ValueOf(string text, string prefix)
    {
        int at = text.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        return long.Parse(text.AsSpan(at, text.IndexOf('\n', at) - at), CultureInfo.InvariantCulture);
    }

    private static void RunOnThreads(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var threads = new Thread[count];
        Exception? failure = null;
        for (int t = 0; t < count; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    body(id);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Null(failure);
    }
}
