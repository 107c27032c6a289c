using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>Real instruments on a real meter, read back from the registry's exposition byte for byte.</summary>
public sealed class MeterBridgeTests
{
    [Fact]
    public void Counter_increments_reach_the_exposition_per_tag_set_under_translated_names()
    {
        using var f = new BridgeFixture();
        Counter<long> orders = f.Meter.CreateCounter<long>("orders.placed", "{order}", "Orders placed");
        orders.Add(2, new("region", "eu"), new("http.response.status_code", 200));
        orders.Add(3, new("http.response.status_code", 200), new("region", "eu")); // same set, other order
        orders.Add(1, new("region", "us"), new("http.response.status_code", 500));
        orders.Add(-4, new("region", "us"), new("http.response.status_code", 500)); // a counter never goes down: dropped

        Assert.Equal(
            "# HELP orders_placed_total Orders placed\n# TYPE orders_placed_total counter\n" +
            "orders_placed_total{region=\"eu\",http_response_status_code=\"200\"} 5\n" +
            "orders_placed_total{region=\"us\",http_response_status_code=\"500\"} 1\n",
            f.Text());
        Assert.Contains("distric_internal_metric_updates_dropped_total{reason=\"invalid_value\"} 1\n", f.Registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_uses_the_instruments_advised_buckets_and_the_unit_in_OpenMetrics()
    {
        using var f = new BridgeFixture();
        Histogram<double> duration = f.Meter.CreateHistogram("job.duration", "s", "Job duration", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = new[] { 0.1, 1.0 } });
        duration.Record(0.05, new KeyValuePair<string, object?>("queue", "fast"));
        duration.Record(0.5, new KeyValuePair<string, object?>("queue", "fast"));
        duration.Record(3, new KeyValuePair<string, object?>("queue", "fast"));

        Assert.Equal(
            "# HELP job_duration_seconds Job duration\n# TYPE job_duration_seconds histogram\n" +
            "job_duration_seconds_bucket{queue=\"fast\",le=\"0.1\"} 1\n" +
            "job_duration_seconds_bucket{queue=\"fast\",le=\"1\"} 2\n" +
            "job_duration_seconds_bucket{queue=\"fast\",le=\"+Inf\"} 3\n" +
            "job_duration_seconds_count{queue=\"fast\"} 3\n" +
            "job_duration_seconds_sum{queue=\"fast\"} 3.55\n",
            f.Text());
        Assert.StartsWith("# TYPE job_duration_seconds histogram\n# UNIT job_duration_seconds seconds\n# HELP job_duration_seconds Job duration\n",
            f.Text(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_without_advice_gets_OpenTelemetrys_default_bounds_for_its_unit()
    {
        using var f = new BridgeFixture();
        f.Meter.CreateHistogram<double>("call.duration", "s").Record(0.2);
        f.Meter.CreateHistogram<long>("payload.size", "By").Record(300);

        string text = f.Text();
        string[] seconds = { "0", "0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1", "2.5", "5", "7.5", "10", "+Inf" };
        string[] other = { "0", "5", "10", "25", "50", "75", "100", "250", "500", "750", "1000", "2500", "5000", "7500", "10000", "+Inf" };
        Assert.Equal(seconds, Bounds(text, "call_duration_seconds_bucket"));
        Assert.Equal(other, Bounds(text, "payload_size_bytes_bucket"));
        Assert.Contains("payload_size_bytes_bucket{le=\"500\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("payload_size_bytes_bucket{le=\"250\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP payload_size_bytes " + f.Meter.Name + " payload.size\n", text, StringComparison.Ordinal); // no description: promtool wants HELP
    }

    [Fact]
    public void Instruments_in_non_base_units_are_recorded_in_seconds_and_bytes()
    {
        using var f = new BridgeFixture();
        Histogram<int> latency = f.Meter.CreateHistogram<int>("db.latency", "ms", "Latency");
        latency.Record(25);
        latency.Record(3000);
        f.Meter.CreateObservableGauge("cache.size", () => 3L, "KiBy", "Cache size");

        string text = f.Text();
        Assert.Contains("db_latency_seconds_bucket{le=\"0.025\"} 1\n", text, StringComparison.Ordinal); // OpenTelemetry's ms bounds, in seconds
        Assert.Contains("db_latency_seconds_bucket{le=\"2.5\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("db_latency_seconds_bucket{le=\"5\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("db_latency_seconds_sum 3.025\n", text, StringComparison.Ordinal);
        Assert.Contains("cache_size_bytes 3072\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Up_down_counters_gauges_and_observables_become_gauges_and_counters_read_at_scrape_time()
    {
        using var f = new BridgeFixture();
        UpDownCounter<int> active = f.Meter.CreateUpDownCounter<int>("pool.active", "{connection}", "Active");
        active.Add(5);
        active.Add(-2);
        Gauge<double> temperature = f.Meter.CreateGauge<double>("room.temperature", "Cel", "Temperature");
        temperature.Record(21.5);
        temperature.Record(19.25);
        int reads = 0;
        f.Meter.CreateObservableGauge("queue.depth", () => { reads++; return 7L * reads; }, "{item}", "Depth");
        f.Meter.CreateObservableCounter("work.done", () => new Measurement<double>(1.5, new KeyValuePair<string, object?>("kind", "a")), "s", "Work");

        Assert.Equal(
            "# HELP pool_active Active\n# TYPE pool_active gauge\npool_active 3\n" +
            "# HELP room_temperature_celsius Temperature\n# TYPE room_temperature_celsius gauge\nroom_temperature_celsius 19.25\n" +
            "# HELP queue_depth Depth\n# TYPE queue_depth gauge\nqueue_depth 7\n" +
            "# HELP work_done_seconds_total Work\n# TYPE work_done_seconds_total counter\nwork_done_seconds_total{kind=\"a\"} 1.5\n",
            f.Text());
        Assert.Contains("queue_depth 14\n", f.Text(), StringComparison.Ordinal); // observed again at the next scrape
        Assert.Equal(2, reads);
    }

    [Fact]
    public void Ten_thousand_values_of_an_unbounded_tag_give_the_cap_plus_one_overflow_series_and_the_drop_count()
    {
        using var f = new BridgeFixture();
        Counter<long> hits = f.Meter.CreateCounter<long>("cache.hits", null, "Hits");
        for (int i = 0; i < 10_000; i++)
        {
            hits.Add(1, new KeyValuePair<string, object?>("key", "k" + i));
        }

        hits.Add(5, new KeyValuePair<string, object?>("key", "k7")); // an existing series still counts as itself

        string text = f.Text();
        int series = text.Split('\n').Count(l => l.StartsWith("cache_hits_total{", StringComparison.Ordinal));
        Assert.Equal(MeterBridgeOptions.DefaultMaxSeriesPerInstrument + 1, series);
        Assert.Contains("cache_hits_total{key=\"k7\"} 6\n", text, StringComparison.Ordinal);
        Assert.Contains("cache_hits_total{key=\"k1999\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("key=\"k2000\"", text, StringComparison.Ordinal);
        Assert.EndsWith("cache_hits_total{otel_metric_overflow=\"true\"} 8000\n", text, StringComparison.Ordinal);
        Assert.Contains(MeterBridge.OverflowMetricName + "{instrument=\"cache.hits\"} 8000\n", f.Registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_series_cap_is_configurable_per_bridge()
    {
        using var f = new BridgeFixture(o => o.MaxSeriesPerInstrument = 2);
        Counter<int> c = f.Meter.CreateCounter<int>("c");
        foreach (string v in new[] { "a", "b", "c", "d", "a" })
        {
            c.Add(1, new KeyValuePair<string, object?>("v", v));
        }

        Assert.Equal(
            "# HELP c_total " + f.Meter.Name + " c\n# TYPE c_total counter\n" +
            "c_total{v=\"a\"} 2\nc_total{v=\"b\"} 1\nc_total{otel_metric_overflow=\"true\"} 2\n",
            f.Text());
    }

    [Fact]
    public void Unbounded_tags_are_dropped_by_default_and_tags_and_instruments_can_be_dropped_or_kept()
    {
        using var f = new BridgeFixture(o => o.DropTag("url.scheme").DropTag("b.calls", "peer").KeepTag("client.address"));
        f.Options.DropInstrument(f.Meter.Name, "ignored"); // before the instrument exists: takes effect when it is published
        Counter<long> a = f.Meter.CreateCounter<long>("a.calls");
        Counter<long> b = f.Meter.CreateCounter<long>("b.calls");
        f.Meter.CreateCounter<long>("ignored").Add(1);
        var tags = new TagList
        {
            { "server.address", "10.0.0.1" }, { "url.full", "http://x/?id=1" }, { "url.scheme", "http" },
            { "client.address", "127.0.0.1" }, { "peer", "p1" }, { "none", null },
        };
        a.Add(1, tags);
        b.Add(1, tags);

        Assert.Equal(
            "# HELP a_calls_total " + f.Meter.Name + " a.calls\n# TYPE a_calls_total counter\na_calls_total{client_address=\"127.0.0.1\",peer=\"p1\"} 1\n" +
            "# HELP b_calls_total " + f.Meter.Name + " b.calls\n# TYPE b_calls_total counter\nb_calls_total{client_address=\"127.0.0.1\"} 1\n",
            f.Text());
        Assert.Equal(2, f.Bridge.BridgedInstruments);
    }

    [Fact]
    public void A_boxed_number_and_its_text_are_one_series()
    {
        using var f = new BridgeFixture();
        Counter<long> c = f.Meter.CreateCounter<long>("responses");
        c.Add(1, new KeyValuePair<string, object?>("code", 200));
        c.Add(1, new KeyValuePair<string, object?>("code", "200"));
        c.Add(1, new KeyValuePair<string, object?>("code", 200L));
        c.Add(1, new KeyValuePair<string, object?>("ok", true));

        Assert.Equal(
            "# HELP responses_total " + f.Meter.Name + " responses\n# TYPE responses_total counter\n" +
            "responses_total{code=\"200\"} 3\nresponses_total{ok=\"true\"} 1\n",
            f.Text());
    }

    [Fact]
    public void Instruments_of_one_name_on_two_meters_feed_one_family_and_a_clash_with_a_registered_metric_is_rejected()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("taken", "Registered by the application");
        using var f = new BridgeFixture(registry: registry);
        using var second = new Meter(f.Meter.Name);
        f.Options.AddMeter(second.Name);
        f.Meter.CreateCounter<long>("shared").Add(2);
        second.CreateCounter<long>("shared").Add(3);
        f.Meter.CreateUpDownCounter<long>("taken").Add(1);

        Assert.Contains("shared_total 5\n", f.Text(), StringComparison.Ordinal);
        Assert.Equal(1, f.Bridge.RejectedInstruments);
        Assert.Contains(MeterBridge.RejectedMetricName + " 1\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Meters_of_another_meter_factory_are_not_bridged_when_a_scope_is_set()
    {
        object ours = new();
        using var f = new BridgeFixture(o => o.MeterScope = ours);
        using var foreign = new Meter(new MeterOptions(f.Meter.Name) { Scope = new object() });
        using var own = new Meter(new MeterOptions(f.Meter.Name) { Scope = ours });
        foreign.CreateCounter<long>("scoped").Add(10);
        own.CreateCounter<long>("scoped").Add(1);

        Assert.Contains("scoped_total 1\n", f.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_measurements_on_shared_and_new_series_are_exact()
    {
        using var f = new BridgeFixture();
        Counter<long> c = f.Meter.CreateCounter<long>("parallel");
        Histogram<int> h = f.Meter.CreateHistogram<int>("sizes", "By", null, null, new InstrumentAdvice<int> { HistogramBucketBoundaries = new[] { 10 } });
        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < 50_000; i++)
            {
                c.Add(1, new KeyValuePair<string, object?>("shard", "s" + (i % 8)));
                h.Record(i % 20);
            }
        });

        string text = f.Text();
        for (int s = 0; s < 8; s++)
        {
            Assert.Contains("parallel_total{shard=\"s" + s + "\"} 25000\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("sizes_bytes_bucket{le=\"10\"} 110000\n", text, StringComparison.Ordinal);
        Assert.Contains("sizes_bytes_count 200000\n", text, StringComparison.Ordinal);
        Assert.Contains("sizes_bytes_sum 1900000\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_reads_label_names_and_values_of_bridged_series_including_the_overflow()
    {
        using var f = new BridgeFixture(o => o.MaxSeriesPerInstrument = 1);
        Counter<long> c = f.Meter.CreateCounter<long>("visited");
        c.Add(4, new("method", "GET"), new("code", 200));
        c.Add(1, new("method", "PUT"), new("code", 201));
        var seen = new List<string>();
        f.Registry.Collect(new Recorder(seen));

        Assert.Contains("visited_total [method,code,otel_metric_overflow] GET,200, =4", seen);
        Assert.Contains("visited_total [method,code,otel_metric_overflow] ,,true =1", seen);
    }

    [Fact]
    public void Start_binds_instruments_that_existed_before_it_and_dispose_stops_recording()
    {
        using var meter = new Meter("DistriC.Tests." + Guid.NewGuid().ToString("N"));
        Counter<long> early = meter.CreateCounter<long>("early");
        var registry = new MetricRegistry();
        var bridge = new MeterBridge(registry, new MeterBridgeOptions().AddMeter(meter.Name));
        early.Add(1); // not listening yet
        bridge.Start();
        bridge.Start(); // idempotent
        early.Add(2);
        bridge.Dispose();
        early.Add(4);

        Assert.Contains("early_total 2\n", registry.ExportText(), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeterBridge(new MetricRegistry(new MetricRegistryOptions { MaxCardinality = 100 }), new MeterBridgeOptions { MaxSeriesPerInstrument = 100 }));
    }

    private static string[] Bounds(string text, string bucketName) => text.Split('\n')
        .Where(l => l.StartsWith(bucketName, StringComparison.Ordinal))
        .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..l.IndexOf("\"}", StringComparison.Ordinal)])
        .ToArray();

    private sealed class Recorder(List<string> seen) : IMetricVisitor
    {
        public void BeginFamily(in MetricFamilyInfo family)
        {
        }

        public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point) =>
            seen.Add($"{family.Name} [{string.Join(",", family.LabelNames.ToArray())}] {string.Join(",", point.LabelValues.ToArray())} ={point.IntegerValue}");

        public void EndFamily(in MetricFamilyInfo family)
        {
        }
    }
}
