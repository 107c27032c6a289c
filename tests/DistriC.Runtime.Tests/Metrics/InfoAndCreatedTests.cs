using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DistriC.Infrastructure;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>The info kind, <c>_created</c> samples and the rules of both, checked by the real parsers.</summary>
public sealed class InfoAndCreatedTests
{
    [Fact]
    public void An_info_metric_is_one_series_of_value_1_an_info_in_OpenMetrics_and_a_gauge_in_Prometheus_text()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        registry.CreateInfo("app_build_info", "Build", new KeyValuePair<string, string>("version", "1.4.2"));
        Assert.Contains("# TYPE app_build info\n# HELP app_build Build\napp_build_info{version=\"1.4.2\"} 1\n",
            registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
        Assert.Contains("# HELP app_build_info Build\n# TYPE app_build_info gauge\napp_build_info{version=\"1.4.2\"} 1\n",
            registry.ExportText(ExpositionFormat.Prometheus), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app_build", null, 1, "DSC014: Info metric 'app_build' must be named '<name>_info'")]
    [InlineData("app_build_info", null, 2, "DSC014: Info metric 'app_build_info' has 2 values for label #1")]
    [InlineData("app_build_info", "seconds", 1, "DSC014: Info metric 'app_build_info' cannot have a unit")]
    public void An_invalid_info_declaration_is_rejected_with_DSC014(string name, string? unit, int values, string message)
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        string[] allowlist = values == 1 ? new[] { "1.4.2" } : new[] { "1.4.2", "1.4.3" };
        var descriptor = new MetricDescriptor(MetricKind.Info, name, "Build", new[] { "version" }, new[] { allowlist }, unit: unit);
        var ex = Assert.Throws<MetricRegistrationException>(() => MetricRegistration.RegisterInfo(registry, descriptor));
        Assert.Equal(DistricStatus.InvalidArgument, ex.Status);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Exemplars_on_a_gauge_are_rejected_with_DSC015()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        var descriptor = new MetricDescriptor(MetricKind.Gauge, "pool_size", "Pool") { Exemplars = true };
        var ex = Assert.Throws<MetricRegistrationException>(() => MetricRegistration.RegisterGauge(registry, descriptor));
        Assert.Equal(
            "DSC015: Metric 'pool_size' is a MetricKind.Gauge, which has no exemplars: only counters and histograms carry them; remove Exemplars = true",
            ex.Message);
    }

    [Fact]
    public void Created_is_the_registration_time_and_stays_put_as_the_series_change()
    {
        var clock = new FrozenClock();
        MetricRegistry registry = ExpositionSamples.NewRegistry(clock);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Counter jobs = registry.CreateCounter("jobs_total", "Jobs");
        clock.Advance(TimeSpan.FromSeconds(10));
        jobs.Inc();
        Assert.Contains("jobs_total 1\njobs_created 1704067200.25\n", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
        Assert.DoesNotContain("_created", registry.ExportText(ExpositionFormat.Prometheus), StringComparison.Ordinal);
    }

    [Fact]
    public void Observable_counters_have_no_created_sample_as_their_source_may_be_older_than_the_registration()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        registry.CreateObservableCounter("spans_total", "Spans", () => 5);
        Assert.Contains("spans_total 5\n# EOF\n", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [OpenMetricsParserFact]
    public async Task The_python_OpenMetrics_parser_accepts_every_body_and_reads_the_exemplars_created_and_info()
    {
        foreach (MetricRegistry registry in new[] { ExpositionSamples.EveryKind(), ExpositionSamples.Representative(), ExpositionSamples.Hostile() })
        {
            (int exit, string output) = await OpenMetricsParser.ParseAsync(registry.ExportText(ExpositionFormat.OpenMetrics));
            Assert.True(exit == 0, output);
        }

        (_, string parsed) = await OpenMetricsParser.ParseAsync(ExpositionSamples.EveryKind().ExportText(ExpositionFormat.OpenMetrics));
        Assert.Contains("counter orders orders_total{channel=web} 5 # span_id=b7ad6b7169203331,trace_id=0af7651916cd43dd8448eb211c80319c 5 Timestamp(1704067201, 500000000)", parsed, StringComparison.Ordinal);
        Assert.Contains("histogram checkout_seconds checkout_seconds_bucket{channel=web,le=1} 2 # span_id=00f067aa0ba902b7,trace_id=4bf92f3577b34da6a3ce929d0e0e4736 0.4 Timestamp(1704067201, 500000000)", parsed, StringComparison.Ordinal);
        Assert.Contains("counter orders orders_created{channel=app} 1704067200", parsed, StringComparison.Ordinal);
        Assert.Contains("info app_build app_build_info{commit=abc123,version=1.4.2} 1", parsed, StringComparison.Ordinal);
    }

    [OpenMetricsParserFact]
    public async Task The_python_OpenMetrics_parser_rejects_what_it_should_so_the_check_above_can_fail()
    {
        (int exit, string output) = await OpenMetricsParser.ParseAsync("# TYPE g gauge\ng 1 # {trace_id=\"a\"} 1\n# EOF\n");
        Assert.Equal(1, exit);
        Assert.Contains("only histogram/gaugehistogram buckets and counters can have exemplars", output, StringComparison.Ordinal);
    }

    [ToolFact("promtool")]
    public async Task Promtool_accepts_every_kind_in_Prometheus_text()
    {
        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(ExpositionSamples.EveryKind().ExportText()));
        Assert.True(exit == 0, $"promtool exit {exit}: {output}");
    }

    [Fact]
    public void Collect_reports_an_info_series_with_value_1()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        registry.CreateInfo("app_build_info", "Build", new KeyValuePair<string, string>("version", "1.4.2"));
        var visitor = new InfoVisitor();
        registry.Collect(visitor);
        Assert.Equal("app_build_info Info version=1.4.2 1 1", visitor.Seen);
    }

    [Fact]
    public void Collect_hands_over_the_exemplars_the_text_prints()
    {
        MetricRegistry registry = ExpositionSamples.EveryKind();
        var visitor = new ExemplarVisitor();
        registry.Collect(visitor);
        Assert.Equal(
            "orders_total/0 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 5 2024-01-01T00:00:01.5000000+00:00; "
            + "checkout_seconds/0/0 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 0.05 2024-01-01T00:00:01.5000000+00:00; "
            + "checkout_seconds/0/1 4bf92f3577b34da6a3ce929d0e0e4736 00f067aa0ba902b7 0.4 2024-01-01T00:00:01.5000000+00:00; ",
            visitor.Seen.ToString());
    }

    private sealed class ExemplarVisitor : IMetricVisitor
    {
        public System.Text.StringBuilder Seen { get; } = new();

        public void BeginFamily(in MetricFamilyInfo family)
        {
        }

        public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
        {
            Add(family.Name + "/" + point.SeriesIndex, point.Exemplar);
            for (int b = 0; b < point.BucketExemplars.Length; b++)
            {
                Add(family.Name + "/" + point.SeriesIndex + "/" + b, point.BucketExemplars[b]);
            }
        }

        public void EndFamily(in MetricFamilyInfo family)
        {
        }

        private void Add(string where, MetricExemplar e)
        {
            if (e.IsPresent)
            {
                Seen.Append(System.FormattableString.Invariant($"{where} {e.TraceId} {e.SpanId} {e.Value} {e.Timestamp:O}; "));
            }
        }
    }

    private sealed class InfoVisitor : IMetricVisitor
    {
        public string Seen { get; private set; } = string.Empty;

        public void BeginFamily(in MetricFamilyInfo family)
        {
        }

        public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
        {
            if (family.Kind == MetricKind.Info)
            {
                Seen = $"{family.Name} {family.Kind} {family.LabelNames[0]}={point.LabelValues[0]} {point.Value} {point.IntegerValue}";
            }
        }

        public void EndFamily(in MetricFamilyInfo family)
        {
        }
    }
}
