using System;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>Self-monitoring (seed FM9, P2c, hardening #9): the tracer's state as distric_internal_tracer_* metrics.</summary>
public sealed class TracerMetricsTests
{
    [Fact]
    public void Registered_metrics_show_the_tracer_state_at_scrape_time()
    {
        var time = new ManualTimeProvider();
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, time, capacity: 16,
            sampling: new SamplingOptions { BackpressureKeep = 1, BackpressureDrop = 3 });
        var registry = new MetricRegistry();
        tracer.RegisterMetrics(registry);

        TestTracers.Flood(tracer, 20);          // 16 queued, 4 dropped
        tracer.EvaluateBackpressure();          // full queue, 4 drops: backpressure
        TestTracers.Flood(tracer, 8);           // 1:3 -> 2 sampled in (dropped), 6 sampled out
        tracer.ExportPending();                 // 16 exported
        tracer.StartSpan("t").SetTag("", "x");  // 9th decision at 1:3 is kept; one rejected tag (span left open)

        string text = registry.ExportText();
        AssertSample(text, "distric_internal_tracer_spans_created_total", "29");
        AssertSample(text, "distric_internal_tracer_spans_sampled_in_total", "23");
        AssertSample(text, "distric_internal_tracer_spans_sampled_out_total", "6");
        AssertSample(text, "distric_internal_tracer_spans_dropped_total", "6");
        AssertSample(text, "distric_internal_tracer_spans_exported_total", "16");
        AssertSample(text, "distric_internal_tracer_spans_export_failed_total", "0");
        AssertSample(text, "distric_internal_tracer_exports_attempted_total", "1");
        AssertSample(text, "distric_internal_tracer_exports_succeeded_total", "1");
        AssertSample(text, "distric_internal_tracer_exports_failed_total", "0");
        AssertSample(text, "distric_internal_tracer_tags_dropped_total", "1");
        AssertSample(text, "distric_internal_tracer_queue_depth", "0");
        AssertSample(text, "distric_internal_tracer_queue_capacity", "16");
        AssertSample(text, "distric_internal_tracer_backpressure_active", "1");
        AssertSample(text, "distric_internal_tracer_sample_ratio", "0.25");
        AssertSample(text, "distric_internal_tracer_exporter_alive", "1");
        AssertSample(text, "distric_internal_tracer_last_export_succeeded", "1");

        exporter.FailNext = 1;
        TestTracers.Flood(tracer, 4);           // at 1:3 one of any four is sampled in
        tracer.ExportPending();
        AssertSample(registry.ExportText(), "distric_internal_tracer_last_export_succeeded", "0");

        time.Advance(TimeSpan.FromSeconds(16)); // three default 5 s intervals without an export cycle
        AssertSample(registry.ExportText(), "distric_internal_tracer_exporter_alive", "0");
    }

    [Fact]
    public void Registering_twice_in_one_registry_is_rejected_as_already_exists()
    {
        using Tracer tracer = TestTracers.Manual(new CountingExporter());
        var registry = new MetricRegistry();
        tracer.RegisterMetrics(registry);

        MetricRegistrationException error = Assert.Throws<MetricRegistrationException>(() => tracer.RegisterMetrics(registry));

        Assert.Equal(DistricStatus.AlreadyExists, error.Status);
    }

    private static void AssertSample(string exposition, string name, string value) =>
        Assert.Contains($"\n{name} {value}\n", "\n" + exposition, StringComparison.Ordinal);
}
