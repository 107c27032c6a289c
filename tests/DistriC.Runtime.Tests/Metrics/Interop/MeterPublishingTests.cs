using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using DistriC.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>DistriC's metrics as a Meter, read by a MeterListener and by an OpenTelemetry MeterProvider.</summary>
public sealed class MeterPublishingTests
{
    [Fact]
    public void A_MeterListener_reads_counters_gauges_and_histogram_count_and_sum_with_their_labels()
    {
        MetricRegistry registry = Sample();
        using var publisher = new MetricMeterPublisher(registry, UniqueName());
        registry.CreateGauge("late_gauge", "Registered after publishing").Set(-1);
        var seen = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == publisher.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add(Line(i, v.ToString(System.Globalization.CultureInfo.InvariantCulture), tags)));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add(Line(i, v.ToString(System.Globalization.CultureInfo.InvariantCulture), tags)));
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Contains("orders_total[region=eu] 5", seen);
        Assert.Contains("orders_total[region=us] 2", seen);
        Assert.Contains("queue_depth_bytes[] 12.5", seen);
        Assert.Contains("job_duration_seconds_count[queue=fast] 2", seen);
        Assert.Contains("job_duration_seconds_sum[queue=fast] 3.05", seen);
        Assert.Contains("late_gauge[] -1", seen);
        Assert.Contains("distric_internal_metric_updates_dropped_total[reason=invalid_label] 1", seen);
    }

    [Fact]
    public void An_OpenTelemetry_MeterProvider_with_the_in_memory_exporter_reads_the_exact_values()
    {
        MetricRegistry registry = Sample();
        string name = UniqueName();
        using var publisher = new MetricMeterPublisher(registry, name);
        var exported = new List<Metric>();
        using MeterProvider provider = Sdk.CreateMeterProviderBuilder().AddMeter(name).AddInMemoryExporter(exported).Build();
        Assert.True(provider.ForceFlush());

        Metric orders = exported.Single(m => m.Name == "orders_total");
        Assert.Equal(MetricType.LongSum, orders.MetricType);
        var totals = new Dictionary<string, long>();
        foreach (ref readonly MetricPoint point in orders.GetMetricPoints())
        {
            totals[Tags(point)] = point.GetSumLong();
        }

        Assert.Equal(new Dictionary<string, long> { ["region=eu"] = 5, ["region=us"] = 2 }, totals);
        Metric depth = exported.Single(m => m.Name == "queue_depth_bytes");
        Assert.Equal("By", depth.Unit);
        Assert.Equal("Items waiting", depth.Description);
        Assert.Equal(12.5, Single(depth).GetGaugeLastValueDouble());
        Assert.Equal(2, Single(exported.Single(m => m.Name == "job_duration_seconds_count")).GetSumLong());
        Assert.Equal(3.05, Single(exported.Single(m => m.Name == "job_duration_seconds_sum")).GetSumDouble());
    }

    [Fact]
    public void Families_bridged_from_other_meters_are_not_published_again()
    {
        using var f = new BridgeFixture();
        f.Meter.CreateCounter<long>("bridged.requests").Add(1);
        using var publisher = new MetricMeterPublisher(f.Registry, UniqueName());
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == publisher.Meter)
                {
                    names.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        Assert.Contains(MeterBridge.OverflowMetricName, names);
        Assert.DoesNotContain("bridged_requests_total", names);
    }

    private static MetricRegistry Sample()
    {
        var registry = new MetricRegistry();
        Counter orders = registry.CreateCounter("orders_total", "Orders", new LabelDefinition("region", "eu", "us"));
        orders.Add(5, "eu");
        orders.Add(2, "us");
        orders.Inc("mars"); // dropped: the dropped-updates counter is published too
        // A gauge with a unit, as a generated [Metric(..., Unit = "bytes")] class registers it.
        MetricRegistration.RegisterGauge(registry, new MetricDescriptor(MetricKind.Gauge, "queue_depth_bytes", "Items waiting", unit: "bytes")).Set(0, 12.5);
        Histogram jobs = registry.CreateHistogram("job_duration_seconds", "Jobs", new[] { 0.1, 1.0 }, new LabelDefinition("queue", "fast"));
        jobs.Observe(0.05, "fast");
        jobs.Observe(3, "fast");
        return registry;
    }

    private static string UniqueName() => "DistriC.Tests.Publish." + Guid.NewGuid().ToString("N");

    private static MetricPoint Single(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly MetricPoint point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return Assert.Single(points);
    }

    private static string Tags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            tags.Add(tag.Key + "=" + tag.Value);
        }

        return string.Join(",", tags);
    }

    private static string Line(Instrument instrument, string value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        instrument.Name + "[" + string.Join(",", tags.ToArray().Select(t => t.Key + "=" + t.Value)) + "] " + value;
}
