using System;
using System.Buffers;
using System.Text;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>Byte-exact Prometheus 0.0.4 and OpenMetrics 1.0 exposition.</summary>
public sealed class ExpositionTests
{
    [Theory]
    [InlineData(ExpositionFormat.Prometheus)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void Representative_registry_matches_the_approved_text(ExpositionFormat format)
    {
        MetricRegistry registry = ExpositionSamples.Representative();
        GoldenFile.Verify(registry.ExportText(format), "representative." + format);
    }

    [Theory]
    [InlineData(ExpositionFormat.Prometheus)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void Every_kind_with_and_without_exemplars_matches_the_approved_text(ExpositionFormat format)
    {
        MetricRegistry registry = ExpositionSamples.EveryKind();
        GoldenFile.Verify(registry.ExportText(format), "every-kind." + format);
    }

    [Theory]
    [InlineData(ExpositionFormat.Prometheus)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void Hostile_help_and_label_values_are_escaped(ExpositionFormat format)
    {
        MetricRegistry registry = ExpositionSamples.Hostile();
        GoldenFile.Verify(registry.ExportText(format), "hostile." + format);
    }

    [Fact]
    public void Export_is_deterministic_families_in_registration_order_series_in_flat_index_order()
    {
        MetricRegistry registry = ExpositionSamples.Representative();
        string first = registry.ExportText();
        Assert.Equal(first, registry.ExportText());
        Assert.True(first.IndexOf("# TYPE http_requests_total", StringComparison.Ordinal) < first.IndexOf("# TYPE worker_queue_depth", StringComparison.Ordinal));
        int getOk = first.IndexOf("{method=\"GET\",status=\"2xx\"}", StringComparison.Ordinal);
        int getClient = first.IndexOf("{method=\"GET\",status=\"4xx\"}", StringComparison.Ordinal);
        int postOk = first.IndexOf("{method=\"POST\",status=\"2xx\"}", StringComparison.Ordinal);
        Assert.True(getOk < getClient && getClient < postOk);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1e21, "1E+21")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-2.5e-7, "-2.5E-07")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void Gauge_values_print_in_shortest_round_trip_form(double value, string expected)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("g", "g").Set(value);
        Assert.EndsWith("\ng " + expected + "\n", registry.ExportText(), StringComparison.Ordinal);
        if (!double.IsNaN(value))
        {
            double parsed = expected switch { "+Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, _ => double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) };
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_count_equals_the_inf_bucket()
    {
        var registry = new MetricRegistry();
        Histogram h = registry.CreateHistogram("h", "h", new[] { 1.0, 2.0 });
        foreach (double v in new[] { 0.5, 1.0, 1.5, 3.0, 3.0 })
        {
            h.Observe(v);
        }

        string text = registry.ExportText();
        Assert.Contains("h_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 3\nh_bucket{le=\"+Inf\"} 5\nh_count 5\nh_sum 9\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counters_without_total_suffix_get_it_on_OpenMetrics_samples_only()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs", "Jobs").Inc();
        Assert.Contains("# TYPE jobs counter\njobs 1\n", registry.ExportText(ExpositionFormat.Prometheus), StringComparison.Ordinal);
        Assert.Contains("# TYPE jobs counter\n# HELP jobs Jobs\njobs_total 1\n", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenMetrics_ends_with_EOF_and_Prometheus_does_not()
    {
        var registry = new MetricRegistry();
        Assert.EndsWith("# EOF\n", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", registry.ExportText(ExpositionFormat.Prometheus), StringComparison.Ordinal);
    }

    [Fact]
    public void Observable_metrics_are_read_at_scrape_time_and_a_throwing_callback_is_skipped()
    {
        var registry = new MetricRegistry();
        long total = 0;
        registry.CreateObservableCounter("seen_total", "Seen", () => total);
        registry.CreateObservableGauge("broken", "Broken", () => throw new InvalidOperationException("boom"));
        total = 41;
        string text = registry.ExportText();
        Assert.Contains("seen_total 41\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE broken gauge\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nbroken ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_types_name_version_and_charset()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.Prometheus.ContentType());
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics.ContentType());
    }

    [Fact]
    public void WriteTo_produces_the_same_bytes_as_ExportText_through_a_small_segment_writer()
    {
        MetricRegistry registry = ExpositionSamples.Hostile();
        var writer = new ArrayBufferWriter<byte>(1);
        registry.WriteTo(writer, ExpositionFormat.OpenMetrics);
        Assert.Equal(registry.ExportText(ExpositionFormat.OpenMetrics), Encoding.UTF8.GetString(writer.WrittenSpan));
    }
}
