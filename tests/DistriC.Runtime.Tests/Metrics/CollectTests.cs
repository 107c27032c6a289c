using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DistriC.Infrastructure;

namespace DistriC.Tests.Metrics;

/// <summary>The public read path (<see cref="MetricRegistry.Collect"/>): the values of the text exposition, without allocating.</summary>
public sealed class CollectTests
{
    [Fact]
    public void Values_read_through_Collect_rebuild_the_Prometheus_exposition_exactly()
    {
        MetricRegistry registry = Mixed(out _);

        var rebuilt = new PrometheusTextVisitor();
        registry.Collect(rebuilt);

        Assert.Equal(registry.ExportText(ExpositionFormat.Prometheus), rebuilt.Text.ToString());
    }

    [Fact]
    public void Families_describe_kind_name_help_unit_labels_and_bounds()
    {
        var registry = new MetricRegistry();
        MetricRegistration.RegisterHistogram(registry, new MetricDescriptor(MetricKind.Histogram, "rpc_latency_seconds", "RPC latency",
            new[] { "method", "code" }, new[] { new[] { "get", "put" }, new[] { "ok", "err", "timeout" } }, new[] { 0.1, 1.0 }, unit: "seconds"));
        var recorder = new FamilyRecorder();

        registry.Collect(recorder);

        Assert.Equal(new[] { MetricRegistry.DroppedUpdatesMetricName, "rpc_latency_seconds" }, recorder.Names);
        FamilyRecorder.Family latency = recorder.Families[1];
        Assert.Equal(MetricKind.Histogram, latency.Kind);
        Assert.Equal("RPC latency", latency.Help);
        Assert.Equal("seconds", latency.Unit);
        Assert.Equal(new[] { "method", "code" }, latency.LabelNames);
        Assert.Equal(new[] { 0.1, 1.0 }, latency.Bounds);
        Assert.Equal(6, latency.SeriesCount);
        Assert.Equal(6, latency.Series.Count);
        Assert.Equal(new[] { "get", "timeout" }, latency.Series[2].LabelValues); // flat index 2: the last label varies fastest
        Assert.Equal(2, latency.Series[2].Index);
        Assert.Equal(3, latency.Series[2].BucketCounts.Length); // two bounds plus +Inf
        Assert.Null(recorder.Families[0].Unit);
        Assert.Equal(new[] { "reason" }, recorder.Families[0].LabelNames);
        Assert.Empty(recorder.Families[0].Bounds);
    }

    [Fact]
    public void Histogram_buckets_are_per_bucket_counts_with_their_sum_as_count()
    {
        var registry = new MetricRegistry();
        Histogram histogram = registry.CreateHistogram("h", "h", new[] { 1.0, 2.0 });
        histogram.Observe(0.5);
        histogram.Observe(1.5);
        histogram.Observe(1.7);
        histogram.Observe(9);
        var recorder = new FamilyRecorder();

        registry.Collect(recorder);

        FamilyRecorder.Series series = Assert.Single(recorder.Families[1].Series);
        Assert.Equal(new long[] { 1, 2, 1 }, series.BucketCounts);
        Assert.Equal(4, series.Count);
        Assert.Equal(12.7, series.Sum, 10);
    }

    [Fact]
    public void An_observable_callback_that_throws_skips_its_series_as_in_the_text()
    {
        var registry = new MetricRegistry();
        registry.CreateObservableGauge("broken", "Broken", () => throw new InvalidOperationException("boom"));
        var recorder = new FamilyRecorder();

        registry.Collect(recorder);

        FamilyRecorder.Family broken = recorder.Families[1];
        Assert.Equal("broken", broken.Name);
        Assert.Empty(broken.Series);
        Assert.True(broken.Ended);
        Assert.EndsWith("# TYPE broken gauge\n", registry.ExportText(), StringComparison.Ordinal); // metadata, no sample
    }

    [Fact]
    public void A_second_collection_allocates_nothing()
    {
        MetricRegistry registry = Mixed(out _);
        var totals = new SummingVisitor();
        registry.Collect(totals); // first collection: JIT and the label-value tables
        int perCollection = totals.Points;

        long before = GC.GetAllocatedBytesForCurrentThread();
        registry.Collect(totals);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * perCollection, totals.Points);
        Assert.Equal(2 + 4 + 3 + 2 + 1 + 1, perCollection); // drops, counter, gauge, histogram series, then two observables
    }

    [Fact]
    public void Collect_rejects_a_null_visitor()
    {
        Assert.Throws<ArgumentNullException>(() => new MetricRegistry().Collect(null!));
    }

    /// <summary>A labelled counter, gauge and histogram, an observable gauge and counter, and drops of both reasons.</summary>
    private static MetricRegistry Mixed(out Counter requests)
    {
        var registry = new MetricRegistry();
        requests = registry.CreateCounter("http_requests_total", "HTTP requests served",
            new LabelDefinition("method", "GET", "POST"), new LabelDefinition("status", "2xx", "5xx"));
        Gauge temperature = registry.CreateGauge("sensor_celsius", "Temperatures", new LabelDefinition("sensor", "ok", "hot", "broken"));
        Histogram latency = registry.CreateHistogram("latency_seconds", "Latency", new[] { 0.005, 0.1, 1 }, new LabelDefinition("route", "a", "b"));
        registry.CreateObservableGauge("queue_depth", "Items waiting", () => 7.25);
        registry.CreateObservableCounter("jobs_done_total", "Jobs done", () => 12_345_678_901L);

        requests.Add(41, "GET", "2xx");
        requests.Inc("POST", "5xx");
        requests.Inc("PATCH", "2xx");          // invalid_label
        requests.Add(-1, "GET", "2xx");        // invalid_value
        temperature.Set(-12.75, "ok");
        temperature.Set(double.PositiveInfinity, "hot");
        temperature.Set(double.NaN, "broken");
        latency.Observe(0.003, "a");
        latency.Observe(0.25, "a");
        latency.Observe(7.5, "b");
        return registry;
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Rebuilds Prometheus 0.0.4 text from the read path alone (label values and HELP here need no escaping).</summary>
    private sealed class PrometheusTextVisitor : IMetricVisitor
    {
        public StringBuilder Text { get; } = new();

        public void BeginFamily(in MetricFamilyInfo family)
        {
            if (family.Help.Length > 0)
            {
                Text.Append("# HELP ").Append(family.Name).Append(' ').Append(family.Help).Append('\n');
            }

            Text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind.ToString().ToLowerInvariant()).Append('\n');
        }

        public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
        {
            string labels = Labels(family.LabelNames, point.LabelValues, extra: null);
            switch (family.Kind)
            {
                case MetricKind.Counter:
                    Assert.Equal(point.IntegerValue, point.Value);
                    Line(family.Name, labels, point.IntegerValue.ToString(CultureInfo.InvariantCulture));
                    break;
                case MetricKind.Gauge:
                    Line(family.Name, labels, Format(point.Value));
                    break;
                default:
                    long cumulative = 0;
                    for (int b = 0; b < point.BucketCounts.Length; b++)
                    {
                        cumulative += point.BucketCounts[b];
                        double bound = b < family.BucketUpperBounds.Length ? family.BucketUpperBounds[b] : double.PositiveInfinity;
                        Line(family.Name + "_bucket", Labels(family.LabelNames, point.LabelValues, "le=\"" + Format(bound) + "\""), cumulative.ToString(CultureInfo.InvariantCulture));
                    }

                    Line(family.Name + "_count", labels, point.Count.ToString(CultureInfo.InvariantCulture));
                    Line(family.Name + "_sum", labels, Format(point.Sum));
                    break;
            }
        }

        public void EndFamily(in MetricFamilyInfo family)
        {
        }

        private static string Labels(ReadOnlySpan<string> names, ReadOnlySpan<string> values, string? extra)
        {
            var pairs = new List<string>();
            for (int i = 0; i < names.Length; i++)
            {
                pairs.Add(names[i] + "=\"" + values[i] + "\"");
            }

            if (extra is not null)
            {
                pairs.Add(extra);
            }

            return pairs.Count == 0 ? string.Empty : "{" + string.Join(",", pairs) + "}";
        }

        private void Line(string name, string labels, string value) => Text.Append(name).Append(labels).Append(' ').Append(value).Append('\n');
    }

    /// <summary>Copies what it is handed, for assertions.</summary>
    private sealed class FamilyRecorder : IMetricVisitor
    {
        public List<Family> Families { get; } = new();

        public List<string> Names => Families.ConvertAll(f => f.Name);

        public void BeginFamily(in MetricFamilyInfo family) => Families.Add(new Family(
            family.Kind, family.Name, family.Help, family.Unit, family.LabelNames.ToArray(), family.BucketUpperBounds.ToArray(), family.SeriesCount));

        public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
        {
            Assert.Equal(Families[^1].Name, family.Name);
            Families[^1].Series.Add(new Series(point.SeriesIndex, point.LabelValues.ToArray(), point.BucketCounts.ToArray(), point.Count, point.Sum));
        }

        public void EndFamily(in MetricFamilyInfo family) => Families[^1].Ended = true;

        public sealed record Family(MetricKind Kind, string Name, string Help, string? Unit, string[] LabelNames, double[] Bounds, int SeriesCount)
        {
            public List<Series> Series { get; } = new();

            public bool Ended { get; set; }
        }

        public sealed record Series(int Index, string[] LabelValues, long[] BucketCounts, long Count, double Sum);
    }

    /// <summary>Reads every number and keeps none: what an allocation-free exporter does.</summary>
    private sealed class SummingVisitor : IMetricVisitor
    {
        public int Points { get; private set; }

        public double Total { get; private set; }

        public void BeginFamily(in MetricFamilyInfo family) => Total += family.SeriesCount;

        public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
        {
            Points++;
            Total += point.Value + point.Count + point.Sum + point.LabelValues.Length;
            foreach (long count in point.BucketCounts)
            {
                Total += count;
            }
        }

        public void EndFamily(in MetricFamilyInfo family)
        {
        }
    }
}
