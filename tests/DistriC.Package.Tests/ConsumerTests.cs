using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.Package.Tests.Support;
using Xunit.Abstractions;

namespace DistriC.Package.Tests;

/// <summary>
/// What in-memory generator tests cannot show: a project that installs the .nupkg gets the runtime, the
/// generator and the analyzers loaded by the real compiler, and the MSBuild budgets of its project file
/// reach the analyzers through the packed props.
/// </summary>
[Collection(PackedPackageGroup.Name)]
public sealed class ConsumerTests
{
    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public ConsumerTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public async Task A_strict_consumer_builds_without_warnings_and_prints_the_exact_exposition_and_log_line()
    {
        ConsumerProject consumer = ConsumerProject.Create(_package, "valid", ConsumerSources.Valid);

        await RestoreAndBuildWithoutWarningsAsync(consumer);
        CliResult run = await consumer.RunAsync();

        const string expected = """
            # HELP distric_internal_metric_updates_dropped_total Metric updates dropped instead of applied, by reason
            # TYPE distric_internal_metric_updates_dropped_total counter
            distric_internal_metric_updates_dropped_total{reason="invalid_label"} 1
            distric_internal_metric_updates_dropped_total{reason="invalid_value"} 0
            # HELP http_requests_total HTTP requests served
            # TYPE http_requests_total counter
            http_requests_total{method="GET",status="2xx"} 1
            http_requests_total{method="GET",status="4xx"} 0
            http_requests_total{method="GET",status="5xx"} 0
            http_requests_total{method="POST",status="2xx"} 0
            http_requests_total{method="POST",status="4xx"} 0
            http_requests_total{method="POST",status="5xx"} 3
            # HELP job_duration_seconds Job latency
            # TYPE job_duration_seconds histogram
            job_duration_seconds_bucket{le="0.1"} 1
            job_duration_seconds_bucket{le="1"} 2
            job_duration_seconds_bucket{le="+Inf"} 2
            job_duration_seconds_count 2
            job_duration_seconds_sum 0.55
            statuses=Ok,Ok,InvalidLabel,Ok,Ok series=15
            {"timestamp":1704067200000,"level":"INFO","component":"http","message":"Request received","method":"GET","status":"ClientError","elapsedMs":12}

            """;
        Assert.True(run.ExitCode == 0 && run.StandardError.Length == 0, run.Describe());
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), run.StandardOutput);
    }

    [Fact]
    public async Task An_unbounded_label_fails_the_consumer_build_with_DSC001_and_nothing_else()
    {
        ConsumerProject consumer = ConsumerProject.Create(_package, "unbounded", ConsumerSources.Unbounded);

        CliResult build = await RestoreAndBuildAsync(consumer);

        Assert.True(build.ExitCode != 0, build.Describe());
        // The analyzers run from the package; the generator gives both declarations stand-in members, so no
        // compiler error follows and the build shows the DSC errors.
        Assert.True(
            ConsumerProject.Diagnostics(build, "error").SequenceEqual(
            [
                "DSC001: Label 'feature' of metric 'feature_uses_total' is unbounded: 'Consumer.Features' is a [Flags] enum, whose combinations are not a closed list; use a non-[Flags] enum or list its values in [Label(\"feature\", \"a\", \"b\")]",
                "DSC001: Label 'region' of metric 'region_load' is unbounded: its allowlist is empty; list its values in [Label(\"region\", \"a\", \"b\")]",
            ]),
            build.Describe());
    }

    [Fact]
    public async Task Budgets_set_in_the_consumer_project_file_reach_the_analyzers_through_the_packed_props()
    {
        // The program of the valid consumer (at most 6 label combinations, 15 series): it builds under the default
        // budgets; only these two properties make it fail.
        ConsumerProject consumer = ConsumerProject.Create(_package, "budgets", ConsumerSources.Valid,
            "<DistricMaxCardinality>5</DistricMaxCardinality><DistricMaxSeries>3</DistricMaxSeries>");

        CliResult build = await RestoreAndBuildAsync(consumer);

        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.True(
            ConsumerProject.Diagnostics(build, "error").SequenceEqual(
            [
                "DSC002: Metric 'http_requests_total' has method(2) × status(3) = 6 > 5 label combinations: drop or coarsen a label, split the metric, or raise the cap (MSBuild property DistricMaxCardinality)",
                "DSC011: The assembly declares 15 series > 3 (largest: http_requests_total (6 series)); reduce the labels or buckets of the largest metrics, or raise the budget (MSBuild property DistricMaxSeries)",
            ]),
            build.Describe());
    }

    [Fact]
    public async Task A_renamed_shipped_metric_fails_the_consumer_build_on_the_line_of_its_metric_contract()
    {
        // The valid consumer's program, whose counter was shipped as http_server_requests_total: renaming it breaks every
        // dashboard and alert that queries the old name. The packed props pass both baseline files to the analyzers.
        ConsumerProject consumer = ConsumerProject.Create(_package, "contract", ConsumerSources.Valid);
        File.WriteAllText(Path.Combine(consumer.ProjectDirectory, "DistricMetrics.Shipped.txt"), """
            # 1.0
            http_server_requests_total counter method{GET,POST} status{2xx,4xx,5xx}
            job_duration_seconds histogram buckets:0.1,1
            plan_signups_total counter tier{Free,Gold,Legacy,Pro}

            """);
        File.WriteAllText(Path.Combine(consumer.ProjectDirectory, "DistricMetrics.Unshipped.txt"), "");

        CliResult build = await RestoreAndBuildAsync(consumer);

        Assert.True(build.ExitCode != 0, build.Describe());
        // The new name is unrecorded (DSC201, a warning made an error by TreatWarningsAsErrors); the old one is gone (DSC202).
        Assert.True(
            new[] { "DistricMetrics.Shipped.txt(2): error DSC202", "Program.cs(8): error DSC201" }.SequenceEqual(ConsumerProject.DiagnosticPositions(build)),
            build.Describe());
        Assert.Contains(
            "DSC202: Shipped metric 'http_server_requests_total' is no longer declared (removed or renamed): dashboards and alerts that query it go empty without an error; keep declaring it alongside its replacement for at least one release, or delete this line to retire it deliberately",
            ConsumerProject.Diagnostics(build, "error"));
    }

    [Fact]
    public async Task Every_documented_call_compiles_and_runs_in_a_net8_project_on_CSharp_12()
    {
        ConsumerProject consumer = ConsumerProject.Create(_package, "csharp12", CSharp12ConsumerSource.Program, kind: ConsumerKind.Console8CSharp12);

        await RestoreAndBuildWithoutWarningsAsync(consumer);
        CliResult run = await consumer.RunAsync();

        Assert.True(run.ExitCode == 0 && run.StandardError.Length == 0, run.Describe());
        Assert.Equal(CSharp12ConsumerSource.ExpectedOutput.Replace("\r\n", "\n", StringComparison.Ordinal), run.StandardOutput);
    }

    [Fact]
    public async Task A_declared_meter_binding_compiles_and_bridges_a_real_instrument_in_a_net8_project_on_CSharp_12()
    {
        ConsumerProject consumer = ConsumerProject.Create(_package, "binding", BindingConsumerSource.Program, kind: ConsumerKind.Console8CSharp12);

        await RestoreAndBuildWithoutWarningsAsync(consumer);
        CliResult run = await consumer.RunAsync();

        Assert.True(run.ExitCode == 0 && run.StandardError.Length == 0, run.Describe());
        Assert.Equal(BindingConsumerSource.ExpectedOutput.Replace("\r\n", "\n", StringComparison.Ordinal), run.StandardOutput);
    }

    [Fact]
    public async Task Every_DSC_mistake_reaches_the_build_output_at_its_declaration_and_nothing_else_does()
    {
        ConsumerProject consumer = ConsumerProject.Create(_package, "mistakes", MistakesConsumerSource.Program);

        CliResult build = await RestoreAndBuildAsync(consumer);

        Assert.True(build.ExitCode != 0, build.Describe());
        // Only the DSC errors, each at the line marked for it: no CS8795 for a rejected partial method, no CS1061 or
        // CS1729 for the members of a rejected metric, which would stop the compiler from reporting the DSC rule at all.
        string[] expected = MistakesConsumerSource.Program.Split('\n')
            .Select((line, index) => (Line: index + 1, Marker: line.IndexOf("// expect: ", StringComparison.Ordinal) is int at and >= 0 ? line[(at + 11)..].Trim() : null))
            .Where(e => e.Marker is not null)
            .Select(e => $"Program.cs({e.Line}): error {e.Marker}")
            .ToArray();
        Assert.Equal(11, expected.Length);
        Assert.True(expected.SequenceEqual(ConsumerProject.DiagnosticPositions(build)), build.Describe());
        // Each one links to its section of docs/diagnostics.md.
        Assert.Equal(
            expected.Select(e => e[(e.LastIndexOf(' ') + 1)..]).Distinct().Order(StringComparer.Ordinal)
                .Select(id => $"{id} https://github.com/distric-generated/distric-generated/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}"),
            ConsumerProject.HelpLinks(build));
    }

    [Fact]
    public async Task An_AspNetCore_app_on_the_hosting_package_alone_serves_metrics_health_and_writes_each_ILogger_call_once()
    {
        ConsumerProject consumer = ConsumerProject.Create(_package, "web", WebConsumerSource.Program, kind: ConsumerKind.Web10);

        await RestoreAndBuildWithoutWarningsAsync(consumer);

        await using RunningCommand app = consumer.Start();
        string started = await app.WaitForStandardErrorAsync(text => text.Contains('\n', StringComparison.Ordinal), AppTimeout);
        Assert.StartsWith("listening http://127.0.0.1:", started, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(started["listening ".Length..].Trim()), Timeout = AppTimeout };

        Assert.Equal("order 7", await http.GetStringAsync("/orders/7"));
        using HttpResponseMessage live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        string metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("shop_orders_total{outcome=\"served\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("shop_orders_total{outcome=\"rejected\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE distric_health_status gauge\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE distric_internal_http_requests_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Equal("stopping", await http.GetStringAsync("/stop"));
        CliResult run = await app.WaitForExitAsync(AppTimeout);

        Assert.True(run.ExitCode == 0, run.Describe());
        // Standard output is the JSON log alone: the console provider's text lines are gone (AddLoggerProvider replaced it),
        // so the ILogger call appears once, as JSON, next to the [LogEvent] line.
        string[] lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(line.StartsWith("{\"timestamp\":", StringComparison.Ordinal), run.Describe()));
        List<JsonElement> entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        JsonElement served = Assert.Single(entries, e => e.GetProperty("message").GetString() == "Served order 7");
        Assert.Equal("INFO", served.GetProperty("level").GetString());
        Assert.Equal(7, served.GetProperty("OrderId").GetInt32());
        JsonElement declared = Assert.Single(entries, e => e.GetProperty("message").GetString() == "Order served");
        Assert.Equal("shop", declared.GetProperty("component").GetString());
        Assert.Equal(7, declared.GetProperty("orderId").GetInt32());
    }

    private static readonly TimeSpan AppTimeout = TimeSpan.FromSeconds(60);

    // A strict consumer must build, and without a single warning (warnings are errors there, but a warning of the
    // restore or of MSBuild itself would not be).
    private async Task RestoreAndBuildWithoutWarningsAsync(ConsumerProject consumer)
    {
        CliResult build = await RestoreAndBuildAsync(consumer);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(ConsumerProject.Diagnostics(build, "warning").Count == 0, build.Describe());
    }

    private async Task<CliResult> RestoreAndBuildAsync(ConsumerProject consumer)
    {
        CliResult restore = await consumer.RestoreAsync();
        Log(restore);
        Assert.True(restore.ExitCode == 0 && ConsumerProject.Diagnostics(restore, "warning").Count == 0, restore.Describe());
        // Our packages come from the test feed and nowhere else (the version is unique to this run).
        string feed = Path.TrimEndingDirectorySeparator(_package.FeedDirectory);
        IReadOnlyDictionary<string, string> sources = consumer.DistricPackageSources();
        Assert.Contains(consumer.Kind.PackageId.ToLowerInvariant(), sources.Keys);
        Assert.All(sources.Values, source => Assert.Equal(feed, Path.TrimEndingDirectorySeparator(source)));
        if (consumer.Kind.FeedIsTheOnlySource)
        {
            // A fresh package folder holds nothing but our packages: a net10.0 app on the repository's SDK needs no other
            // package, which is why its nuget.config can clear every other source.
            Assert.Equal(
                sources.Keys.Order(StringComparer.Ordinal),
                Directory.GetDirectories(consumer.PackagesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        CliResult build = await consumer.BuildAsync();
        Log(build);
        return build;
    }

    private void Log(CliResult result) => _output.WriteLine($"{result.Elapsed.TotalSeconds,5:0.0} s  {result.CommandLine}");
}
