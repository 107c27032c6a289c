using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests;

/// <summary>Runs the built sample service (<c>samples/DistriC.Sample</c>) in <c>--once</c> mode, as a user would.</summary>
public sealed partial class SampleServiceTests
{
    private const int OnceRequests = 100;     // SampleArguments.OnceRequests
    // Per simulated request: the server span of /orders/{id}, its queue.process child, the client span of its HttpClient call
    // and the server span of /inventory/{id} that call reached.
    private const int SpansPerRequest = 4;
    private const int ScrapeSpans = 1;        // the self-scrape's GET /metrics is a request (a root server span) too
    private static readonly TimeSpan ExitBound = TimeSpan.FromMinutes(2);

    [GeneratedRegex("^http://127\\.0\\.0\\.1:(?<port>[0-9]+)/metrics$")]
    private static partial Regex MetricsUrl();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceIdHex();

    [Fact]
    public async Task Once_mode_prints_valid_json_log_lines_then_an_exposition_in_which_every_sample_metric_moved()
    {
        SampleRun run = await RunSampleAsync("--once", "--port", "0");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\nstderr:\n{run.Stderr}\nstdout:\n{run.Stdout}");
        (IReadOnlyList<JsonElement> log, string exposition) = Split(run.Stdout);
        AssertLog(log, run.Stderr);
        AssertExposition(WithoutExemplars(exposition));
        AssertExemplarsLinkToExportedRequestSpans(log, exposition);
    }

    [OpenMetricsParserFact]
    public async Task Once_mode_exposition_passes_the_strict_OpenMetrics_parser()
    {
        SampleRun run = await RunSampleAsync("--once", "--port", "0");
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\nstderr:\n{run.Stderr}");
        (_, string exposition) = Split(run.Stdout);
        (int exit, string parsed) = await OpenMetricsParser.ParseAsync(exposition);
        Assert.True(exit == 0, parsed);
        Assert.Contains("info sample_build sample_build_info{flavor=sample,version=1.0.0} 1", parsed, StringComparison.Ordinal);
        Assert.Contains("counter sample_requests sample_requests_total{method=GET,status=2xx} ", parsed, StringComparison.Ordinal);
    }

    /// <summary>
    /// The scrape asked for OpenMetrics: every request series counted and every histogram bucket that received an
    /// observation carries an exemplar, and each links to a request span the exporter sent (its trace id).
    /// </summary>
    private static void AssertExemplarsLinkToExportedRequestSpans(IReadOnlyList<JsonElement> log, string exposition)
    {
        HashSet<string> exported = log.Where(l => JsonLines.Text(l, "message") == "Spans exported")
            .SelectMany(l => JsonLines.Text(l, "request_trace_ids")!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(OnceRequests + ScrapeSpans, exported.Count);

        string[] linked = exposition.Split('\n').Where(l => l.Contains(" # {trace_id=", StringComparison.Ordinal)).ToArray();
        Dictionary<string, double> samples = ExpositionValidator.Samples(WithoutExemplars(exposition));
        int countedSeries = samples.Count(kv => kv.Key.StartsWith("sample_requests_total{", StringComparison.Ordinal) && kv.Value > 0);
        Assert.Equal(countedSeries, linked.Count(l => l.StartsWith("sample_requests_total{", StringComparison.Ordinal)));
        Assert.Contains(linked, l => l.StartsWith("sample_request_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.All(linked, l => Assert.Contains(ExemplarTraceId().Match(l).Groups["trace"].Value, exported));
    }

    /// <summary>The exposition without its OpenMetrics exemplars (<c> # {...} value timestamp</c> after a sample's value).</summary>
    private static string WithoutExemplars(string exposition) => ExemplarSuffix().Replace(exposition, string.Empty);

    [GeneratedRegex(" # \\{[^}\n]*\\}[^\n]*")]
    private static partial Regex ExemplarSuffix();

    [GeneratedRegex("trace_id=\"(?<trace>[0-9a-f]{32})\"")]
    private static partial Regex ExemplarTraceId();

    private static void AssertLog(IReadOnlyList<JsonElement> log, string stderr)
    {
        string[] levels = ["DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
        Assert.All(log, line =>
        {
            Assert.Equal(["timestamp", "level", "component", "message"], JsonLines.Names(line).Take(4));
            Assert.True(line.GetProperty("timestamp").GetInt64() > 1_600_000_000_000);
            Assert.Contains(JsonLines.Text(line, "level"), levels);
        });

        JsonElement started = log[0];
        Assert.Equal("Sample service started", JsonLines.Text(started, "message"));
        string url = JsonLines.Text(started, "url")!;
        Assert.Matches(MetricsUrl(), url);
        Assert.NotEqual("0", MetricsUrl().Match(url).Groups["port"].Value); // --port 0 picked a real port
        Assert.Contains($"GET {url} -> 200", stderr, StringComparison.Ordinal);

        // Every span reached the exporter (the tracer's final export runs before the logger's final flush).
        int exported = log.Where(l => JsonLines.Text(l, "message") == "Spans exported").Sum(l => l.GetProperty("spans").GetInt32());
        Assert.Equal((OnceRequests * SpansPerRequest) + ScrapeSpans, exported);
        Assert.Equal((2 * OnceRequests) + ScrapeSpans, log.Where(l => JsonLines.Text(l, "message") == "Spans exported").Sum(l => l.GetProperty("server_spans").GetInt32()));
        Assert.Equal(OnceRequests, log.Where(l => JsonLines.Text(l, "message") == "Spans exported").Sum(l => l.GetProperty("client_spans").GetInt32()));
        // The workload's random source is seeded, so a --once run always has failed requests (3 % of them are 503s).
        JsonElement[] failed = log.Where(l => JsonLines.Text(l, "message") == "Request failed").ToArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, l =>
        {
            Assert.Equal("WARN", JsonLines.Text(l, "level"));
            Assert.Contains(JsonLines.Text(l, "method"), new[] { "GET", "POST" }); // the generated label enum, by name
            Assert.Equal(503, l.GetProperty("status").GetInt32());
            Assert.Matches(TraceIdHex(), JsonLines.Text(l, "trace_id"));
        });

        JsonElement stopped = log[^1];
        Assert.Equal("Sample service stopped", JsonLines.Text(stopped, "message"));
        Assert.Equal(OnceRequests, stopped.GetProperty("requests").GetInt64());
    }

    private static void AssertExposition(string exposition)
    {
        Assert.Empty(ExpositionValidator.Problems(exposition, ExpositionFormat.OpenMetrics));
        Dictionary<string, double> samples = ExpositionValidator.Samples(exposition);

        string[] requestSeries = samples.Keys.Where(k => k.StartsWith("sample_requests_total{", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, requestSeries.Length); // method {GET,POST} x status {2xx,4xx,5xx}
        Assert.Equal(OnceRequests, requestSeries.Sum(k => samples[k]));
        Assert.True(samples["sample_requests_total{method=\"GET\",status=\"2xx\"}"] > 0);

        string[] counts = samples.Keys.Where(k => k.StartsWith("sample_request_duration_seconds_count{", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, counts.Length); // the same labels as the counter: a service-level pair
        Assert.Equal(OnceRequests, counts.Sum(k => samples[k]));
        Assert.True(samples["sample_request_duration_seconds_sum{method=\"GET\",status=\"2xx\"}"] > 0);
        Assert.True(samples["sample_queue_depth"] > 0);

        Assert.Equal((OnceRequests * SpansPerRequest) + ScrapeSpans, samples["distric_internal_tracer_spans_created_total"]);

        // The workload is real HTTP: ASP.NET Core's and HttpClient's request metrics, by route template. ASP.NET Core records a
        // request after its response is sent, so the last request of each route may still be on its way at the scrape.
        Assert.InRange(RequestCount(samples, "http_server_request_duration_seconds_count{", "http_route=\"/orders/{id}\""), OnceRequests - 1, OnceRequests);
        Assert.InRange(RequestCount(samples, "http_server_request_duration_seconds_count{", "http_route=\"/inventory/{id}\""), OnceRequests - 1, OnceRequests);
        Assert.Equal(2 * OnceRequests, RequestCount(samples, "http_client_request_duration_seconds_count{", "http_request_method="));
        Assert.Equal(1, samples["distric_internal_log_writer_healthy"]);
        Assert.Equal(1, samples["sample_build_info{version=\"1.0.0\",flavor=\"sample\"}"]);
        Assert.Equal(0, samples["distric_internal_log_entries_dropped_total"]);
    }

    private static double RequestCount(Dictionary<string, double> samples, string prefix, string label) => samples
        .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Key.Contains(label, StringComparison.Ordinal))
        .Sum(kv => kv.Value);

    /// <summary>Stdout is the JSON log (flushed at shutdown) followed by the exposition; nothing interleaves.</summary>
    private static (IReadOnlyList<JsonElement> Log, string Exposition) Split(string stdout)
    {
        string[] lines = stdout.Split('\n');
        int first = Array.FindIndex(lines, l => !l.StartsWith('{'));
        Assert.True(first > 0, "no JSON log lines before the exposition:\n" + stdout);
        Assert.StartsWith("# TYPE ", lines[first], StringComparison.Ordinal);
        Assert.DoesNotContain(lines[first..], l => l.StartsWith('{'));
        return (lines[..first].Select(JsonLines.ParseLine).ToList(), string.Join('\n', lines[first..]));
    }

    private static Task<SampleRun> RunSampleAsync(params string[] arguments) => RunSampleWithPortVariableAsync(null, arguments);

    /// <summary>Runs the sample with <paramref name="portVariable"/> as <c>DISTRIC_SAMPLE_PORT</c> (unset when null).</summary>
    private static Task<SampleRun> RunSampleWithPortVariableAsync(string? portVariable, params string[] arguments) =>
        RunSampleWithEnvironmentAsync(portVariable, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the sample with <paramref name="environment"/> added (and no OTEL_* variables of the test process's own).</summary>
    private static async Task<SampleRun> RunSampleWithEnvironmentAsync(string? portVariable, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        string assembly = typeof(SampleServiceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "DistricSampleAssembly").Value!;
        Assert.True(File.Exists(assembly), $"The sample was not built at {assembly}.");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DISTRIC_SAMPLE_PORT");
        if (portVariable is not null)
        {
            start.Environment["DISTRIC_SAMPLE_PORT"] = portVariable;
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(ExitBound);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The sample did not exit within {ExitBound}.\nstderr:\n{await stderr}\nstdout:\n{await stdout}");
        }

        return new SampleRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record SampleRun(int ExitCode, string Stdout, string Stderr);
}
