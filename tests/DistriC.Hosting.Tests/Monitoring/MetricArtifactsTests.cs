using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.MetricDocs;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests.Monitoring;

/// <summary>
/// The committed catalog, rules file and dashboard of the sample are exactly what its declarations give today (so they
/// never go stale), and promtool accepts the rules file.
/// </summary>
public sealed class MetricArtifactsTests
{
    private const string Regenerate = "regenerate with the README's command (tools/DistriC.MetricDocs)";

    [Fact]
    public void The_committed_artifacts_of_the_sample_equal_the_ones_its_declarations_generate()
    {
        MetricArtifacts fresh = SampleArtifacts.Generate();
        Assert.True(File.ReadAllText(SampleArtifacts.Json) == fresh.Json, $"{SampleArtifacts.Json} is stale: {Regenerate}");
        Assert.True(File.ReadAllText(SampleArtifacts.Markdown) == fresh.Markdown, $"{SampleArtifacts.Markdown} is stale: {Regenerate}");
        Assert.True(File.ReadAllText(SampleArtifacts.Rules) == fresh.Rules, $"{SampleArtifacts.Rules} is stale: {Regenerate}");
        Assert.True(File.ReadAllText(SampleArtifacts.Dashboard) == fresh.Dashboard, $"{SampleArtifacts.Dashboard} is stale: {Regenerate}");
    }

    [Fact]
    public void The_catalog_gives_the_contract_lines_the_sample_records_as_shipped()
    {
        // Two conversions meet here: the analyzers' (declaration model -> line) and the tool's (catalog -> line).
        string[] shipped = File.ReadAllLines(SampleArtifacts.Shipped).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Assert.Equal(shipped, SampleArtifacts.Generate().Contract.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_rules_record_rate_error_ratio_and_quantiles_of_the_pair_and_an_absent_alert_per_family()
    {
        MetricArtifacts fresh = SampleArtifacts.Generate();
        Assert.Equal(
            ["sample:requests:rate5m", "sample:errors:ratio_rate5m", "sample:latency:p50_5m", "sample:latency:p90_5m", "sample:latency:p99_5m"],
            fresh.RuleList.Where(r => r.Record is not null).Select(r => r.Record!));
        Assert.Equal(
            "sum by (method) (rate(sample_requests_total{status=~\"5xx\"}[5m])) / sum by (method) (rate(sample_requests_total[5m]))",
            fresh.RuleList.Single(r => r.Record == "sample:errors:ratio_rate5m").Expr);
        Assert.Equal(
            ["absent(sample_build_info)", "absent(sample_queue_depth)", "absent(sample_request_duration_seconds_count)", "absent(sample_requests_total)"],
            fresh.RuleList.Where(r => r.Alert is not null).Select(r => r.Expr));

        using JsonDocument dashboard = JsonDocument.Parse(fresh.Dashboard);
        string[] panels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Select(p => p.GetProperty("targets")[0].GetProperty("expr").GetString()!).ToArray();
        Assert.Equal(
            [
                "sample_build_info",
                "sample_queue_depth",
                "histogram_quantile(0.99, sum by (le, method, status) (rate(sample_request_duration_seconds_bucket[5m])))",
                "sum by (method, status) (rate(sample_requests_total[5m]))",
            ],
            panels);
    }

    [ToolFact("promtool")]
    public async Task Promtool_check_rules_accepts_the_rules_file()
    {
        string promtool = ExternalTool.Require("promtool");
        (int exitCode, string output) = await ExternalTool.RunAsync(promtool, "check rules " + SampleArtifacts.Rules, string.Empty, TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS: 9 rules found", output, StringComparison.Ordinal);
    }
}
