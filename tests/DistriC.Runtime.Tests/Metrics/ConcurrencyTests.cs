using System;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>Exact totals under contention (the seed's P1a–P1d and test_metrics.c thread tests).</summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int UpdatesPerSeries = 100_000;
    private static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE" };
    private static readonly string[] Statuses = { "2xx", "4xx", "5xx" };

    [Fact]
    public void Counter_totals_are_exact_for_every_series_from_eight_threads()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("requests_total", "Requests",
            new LabelDefinition("method", Methods), new LabelDefinition("status", Statuses));

        TestThreads.Run(Threads, _ =>
        {
            for (int i = 0; i < UpdatesPerSeries; i++)
            {
                foreach (string method in Methods)
                {
                    foreach (string status in Statuses)
                    {
                        counter.Inc(method, status);
                    }
                }
            }
        });

        foreach (string method in Methods)
        {
            foreach (string status in Statuses)
            {
                Assert.Equal((long)Threads * UpdatesPerSeries, counter.Get(method, status));
            }
        }

        Assert.Equal(0, registry.Drops.InvalidLabel);
    }

    [Fact]
    public void Unlabelled_counter_Add_is_exact_from_eight_threads()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("bytes_total", "Bytes");

        TestThreads.Run(Threads, t =>
        {
            for (int i = 0; i < UpdatesPerSeries; i++)
            {
                counter.Add(t + 1);
            }
        });

        // Thread t adds (t + 1) each time: 100 000 × (1 + 2 + … + 8).
        Assert.Equal(UpdatesPerSeries * 36L, counter.Get());
    }

    [Fact]
    public void Gauge_Add_is_exact_under_contention()
    {
        var registry = new MetricRegistry();
        Gauge gauge = registry.CreateGauge("in_flight", "In flight", new LabelDefinition("pool", "a", "b"));

        TestThreads.Run(Threads, t =>
        {
            string pool = t % 2 == 0 ? "a" : "b";
            for (int i = 0; i < UpdatesPerSeries; i++)
            {
                gauge.Inc(pool);
                gauge.Add(0.5, pool);
                gauge.Dec(pool);
            }
        });

        // Halves are exact in binary, so the contended CAS loop must land on the exact sum.
        Assert.Equal(Threads / 2 * UpdatesPerSeries * 0.5, gauge.Get("a"));
        Assert.Equal(Threads / 2 * UpdatesPerSeries * 0.5, gauge.Get("b"));
    }

    [Fact]
    public void Histogram_count_equals_sum_of_bucket_increments_and_every_bucket_is_exact()
    {
        var registry = new MetricRegistry();
        Histogram histogram = registry.CreateHistogram("latency_seconds", "Latency", new LabelDefinition("route", "a", "b"));
        // One value per default bucket (0.001 … 10) plus one above the last bound; all exact in binary
        // except where noted, so the sum is checked by bucket counts × value with a tolerance of 0.
        double[] values = { 0.0009765625, 0.00390625, 0.0078125, 0.03125, 0.0625, 0.25, 1, 4, 8, 16 };

        TestThreads.Run(Threads, _ =>
        {
            for (int i = 0; i < UpdatesPerSeries; i++)
            {
                histogram.Observe(values[i % values.Length], "a");
            }
        });

        long expectedPerBucket = (long)Threads * UpdatesPerSeries / values.Length;
        long bucketTotal = 0;
        for (int b = 0; b <= histogram.Buckets.Count; b++)
        {
            long inBucket = histogram.GetBucketCount(b, "a");
            Assert.Equal(expectedPerBucket, inBucket);
            bucketTotal += inBucket;
        }

        Assert.Equal((long)Threads * UpdatesPerSeries, histogram.GetCount("a"));
        Assert.Equal(bucketTotal, histogram.GetCount("a"));
        double expectedSum = 0;
        foreach (double v in values)
        {
            expectedSum += v * expectedPerBucket;
        }

        Assert.Equal(expectedSum, histogram.GetSum("a"));
        Assert.Equal(0, histogram.GetCount("b"));
    }

    [Fact]
    public void Invalid_labels_are_dropped_and_counted_while_valid_updates_land()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("requests_total", "Requests", new LabelDefinition("method", Methods));

        int invalidReturns = 0;
        TestThreads.Run(Threads, t =>
        {
            int local = 0;
            for (int i = 0; i < UpdatesPerSeries; i++)
            {
                Assert.Equal(DistricStatus.Ok, counter.Inc("GET"));
                if (counter.Inc(t % 2 == 0 ? "PATCH" : "get") == DistricStatus.InvalidLabel)
                {
                    local++;
                }
            }

            Interlocked.Add(ref invalidReturns, local);
        });

        Assert.Equal((long)Threads * UpdatesPerSeries, counter.Get("GET"));
        Assert.Equal(Threads * UpdatesPerSeries, invalidReturns);
        Assert.Equal((long)Threads * UpdatesPerSeries, registry.Drops.InvalidLabel);
        Assert.Contains(
            $"distric_internal_metric_updates_dropped_total{{reason=\"invalid_label\"}} {Threads * UpdatesPerSeries}\n",
            registry.ExportText(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrapes_running_alongside_updates_see_monotonic_counters()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("ticks_total", "Ticks");
        using var stop = new CancellationTokenSource();
        Task writer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                counter.Inc();
            }
        });

        long previous = -1;
        for (int scrape = 0; scrape < 200; scrape++)
        {
            string text = registry.ExportText();
            int at = text.IndexOf("\nticks_total ", StringComparison.Ordinal) + "\nticks_total ".Length;
            long value = long.Parse(text.AsSpan(at, text.IndexOf('\n', at) - at), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(value >= previous, $"counter went backwards: {previous} -> {value}");
            previous = value;
        }

        stop.Cancel();
        await writer;
        Assert.Equal(counter.Get(), long.Parse(registry.ExportText().Split('\n')[^2].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
