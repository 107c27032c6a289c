using System;
using System.Buffers;
using DistriC.Infrastructure;

namespace DistriC.Tests.Metrics;

/// <summary>Hot paths and scrapes allocate nothing (measured with the runtime's per-thread allocation counter).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Updates_allocate_nothing()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("c_total", "c", new LabelDefinition("method", "GET", "POST"), new LabelDefinition("status", "2xx", "5xx"));
        Gauge gauge = registry.CreateGauge("g", "g", new LabelDefinition("pool", "a"));
        Histogram histogram = registry.CreateHistogram("h", "h", new LabelDefinition("route", "x"));
        string dynamicGet = new string("GET".AsSpan()); // not the interned literal: exercises the hash path
        Exercise(counter, gauge, histogram, dynamicGet); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(counter, gauge, histogram, dynamicGet);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * 2 * 1000L, counter.Get("GET", "2xx")); // two Exercise runs, two updates each
    }

    [Fact]
    public void Exemplar_updates_inside_an_active_span_and_scrapes_of_their_exemplars_allocate_nothing()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ExemplarInterval = TimeSpan.Zero });
        Counter counter = registry.CreateCounterWithExemplars("c_total", "c");
        Histogram histogram = registry.CreateHistogramWithExemplars("h", "h", new[] { 1.0 });
        using Tracer tracer = Runtime.Tests.Tracing.TestTracers.Manual(new Runtime.Tests.Tracing.CollectingExporter());
        TraceSpan span = tracer.StartSpan("request");
        using ActiveSpanScope scope = span.Activate(); // the async-local write allocates; the updates must not
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        void Run()
        {
            for (int i = 0; i < 1000; i++)
            {
                counter.Inc();
                histogram.Observe(0.5);
                histogram.Observe(2, span.Context);
            }

            buffer.ResetWrittenCount();
            registry.WriteTo(buffer, ExpositionFormat.OpenMetrics);
        }

        Run(); // warm up (JIT, tiering)
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains("c_total 2000 # {trace_id=\"" + span.TraceId + "\"", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_into_a_reused_buffer_allocates_nothing()
    {
        MetricRegistry registry = ExpositionSamples.Representative();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        registry.WriteTo(buffer, ExpositionFormat.Prometheus);
        registry.WriteTo(buffer, ExpositionFormat.OpenMetrics);

        buffer.ResetWrittenCount();
        long before = GC.GetAllocatedBytesForCurrentThread();
        registry.WriteTo(buffer, ExpositionFormat.Prometheus);
        registry.WriteTo(buffer, ExpositionFormat.OpenMetrics);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(buffer.WrittenCount > 1000);
    }

    [Fact]
    public void Low_level_cells_drop_out_of_range_indexes_and_count_them()
    {
        var registry = new MetricRegistry();
        CounterCells cells = MetricRegistration.RegisterCounter(registry,
            new MetricDescriptor(MetricKind.Counter, "x_total", "x", new[] { "k" }, new[] { new[] { "a", "b" } }));

        Assert.Equal(DistricStatus.Ok, cells.Increment(1));
        Assert.Equal(DistricStatus.InvalidLabel, cells.Increment(2));
        Assert.Equal(DistricStatus.InvalidLabel, cells.Increment(-1));
        Assert.Equal(DistricStatus.InvalidLabel, cells.Add(int.MaxValue, 5));
        Assert.Equal(1, cells.Get(1));
        Assert.Equal(3, cells.Drops.InvalidLabel);
        Assert.Contains("x_total{k=\"b\"} 1\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Low_level_registration_rejects_a_kind_mismatch_and_validates_like_the_dynamic_api()
    {
        var registry = new MetricRegistry();
        var mismatch = Assert.Throws<MetricRegistrationException>(() =>
            MetricRegistration.RegisterGauge(registry, new MetricDescriptor(MetricKind.Counter, "x_total", "x")));
        Assert.Equal(DistricStatus.InvalidArgument, mismatch.Status);

        var unbounded = Assert.Throws<MetricRegistrationException>(() =>
            MetricRegistration.RegisterHistogram(registry, new MetricDescriptor(MetricKind.Histogram, "h", "h", new[] { "k" }, new[] { Array.Empty<string>() })));
        Assert.Equal(DistricStatus.HighCardinality, unbounded.Status);
        Assert.StartsWith("DSC001: Label 'k' of metric 'h' is unbounded: its allowlist is empty", unbounded.Message, StringComparison.Ordinal);

        var unit = Assert.Throws<MetricRegistrationException>(() =>
            MetricRegistration.RegisterGauge(registry, new MetricDescriptor(MetricKind.Gauge, "latency", "x", unit: "seconds")));
        Assert.Contains("_seconds", unit.Message, StringComparison.Ordinal);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Units_appear_in_OpenMetrics_only()
    {
        var registry = new MetricRegistry();
        MetricRegistration.RegisterCounter(registry, new MetricDescriptor(MetricKind.Counter, "sent_bytes_total", "Bytes sent", unit: "bytes"));
        Assert.Contains("# TYPE sent_bytes counter\n# UNIT sent_bytes bytes\n# HELP sent_bytes Bytes sent\nsent_bytes_total 0\n", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
        Assert.DoesNotContain("UNIT", registry.ExportText(ExpositionFormat.Prometheus), StringComparison.Ordinal);
    }

    private static void Exercise(Counter counter, Gauge gauge, Histogram histogram, string dynamicGet)
    {
        for (int i = 0; i < 1000; i++)
        {
            counter.Inc("GET", "2xx");
            counter.Add(1, dynamicGet, "2xx");
            counter.Inc("BOGUS", "2xx");
            gauge.Add(1.5, "a");
            gauge.Set(3, "a");
            histogram.Observe(0.02, "x");
        }
    }
}
