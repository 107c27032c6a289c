using System;
using System.IO;
using System.Linq;
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

        CliResult build = await RestoreAndBuildAsync(consumer);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(ConsumerProject.Diagnostics(build, "warning").Count == 0, build.Describe());
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
            statuses=Ok,Ok,InvalidLabel,Ok,Ok series=11
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
        // The program of the valid consumer (6 label combinations, 11 series): it builds under the default
        // budgets; only these two properties make it fail.
        ConsumerProject consumer = ConsumerProject.Create(_package, "budgets", ConsumerSources.Valid,
            "<DistricMaxCardinality>5</DistricMaxCardinality><DistricMaxSeries>3</DistricMaxSeries>");

        CliResult build = await RestoreAndBuildAsync(consumer);

        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.True(
            ConsumerProject.Diagnostics(build, "error").SequenceEqual(
            [
                "DSC002: Metric 'http_requests_total' has method(2) × status(3) = 6 > 5 label combinations: drop or coarsen a label, split the metric, or raise the cap (MSBuild property DistricMaxCardinality)",
                "DSC011: The assembly declares 11 series > 3 (largest: http_requests_total (6 series)); reduce the labels or buckets of the largest metrics, or raise the budget (MSBuild property DistricMaxSeries)",
            ]),
            build.Describe());
    }

    private async Task<CliResult> RestoreAndBuildAsync(ConsumerProject consumer)
    {
        CliResult restore = await consumer.RestoreAsync();
        Log(restore);
        Assert.True(restore.ExitCode == 0 && ConsumerProject.Diagnostics(restore, "warning").Count == 0, restore.Describe());
        // A fresh package folder holds nothing but our package: a net10.0 console app on the repository's
        // SDK needs no other package, which is why the consumers' nuget.config can clear every other source.
        Assert.Equal(
            [PackedPackage.PackageId.ToLowerInvariant()],
            Directory.GetDirectories(_package.PackagesDirectory).Select(Path.GetFileName));
        CliResult build = await consumer.BuildAsync();
        Log(build);
        return build;
    }

    private void Log(CliResult result) => _output.WriteLine($"{result.Elapsed.TotalSeconds,5:0.0} s  {result.CommandLine}");
}
