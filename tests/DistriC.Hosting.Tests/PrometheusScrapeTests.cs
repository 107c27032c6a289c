using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests;

/// <summary>
/// A real Prometheus server scrapes our endpoint: proof that the exposition, content negotiation (Prometheus asks for
/// OpenMetrics) and HTTP behaviour work with the consumer that matters, so users can scale out on Prometheus.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [ToolFact("prometheus")]
    public async Task Prometheus_scrapes_our_endpoint_and_stores_the_labelled_series_with_their_values()
    {
        string binary = ExternalTool.Require("prometheus");
        await using TestServer server = await TestServer.StartAsync();
        Counter requests = server.Metrics.CreateCounter("scrape_test_requests_total", "Requests seen by the scrape test",
            new LabelDefinition("method", "GET", "POST"), new LabelDefinition("status", "2xx", "5xx"));
        requests.Add(5, "GET", "2xx");
        requests.Add(2, "POST", "5xx");
        server.Metrics.CreateGauge("scrape_test_queue_depth", "Queue depth").Set(12.5);

        using var prometheus = await PrometheusProcess.StartAsync(binary, server.Port);
        using var api = new HttpClient { BaseAddress = prometheus.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(Deadline);

        // Wait (bounded) until the target is up and our series have been ingested.
        Dictionary<string, double> up = await PollAsync(api, "up{job=\"distric\"}", r => r.Count == 1 && r.Values.Single() == 1, prometheus, deadline.Token);
        Assert.Equal(1, up.Values.Single());

        Dictionary<string, double> series = await PollAsync(api, "scrape_test_requests_total", r => r.Count == 4, prometheus, deadline.Token);
        Assert.Equal(5, series["method=GET,status=2xx"]);
        Assert.Equal(2, series["method=POST,status=5xx"]);
        Assert.Equal(0, series["method=GET,status=5xx"]);
        Assert.Equal(0, series["method=POST,status=2xx"]);

        Dictionary<string, double> gauge = await PollAsync(api, "scrape_test_queue_depth", r => r.Count == 1, prometheus, deadline.Token);
        Assert.Equal(12.5, gauge.Values.Single());

        // Our self-monitoring counted Prometheus's scrapes as successful /metrics requests.
        Dictionary<string, double> scrapes = await PollAsync(api, "distric_internal_http_requests_total{path=\"/metrics\",code=\"200\"}",
            r => r.Count == 1 && r.Values.Single() >= 1, prometheus, deadline.Token);
        Assert.InRange(scrapes.Values.Single(), 1, server.Server.Self.GetRequests(Endpoints.DistricEndpoint.Metrics, 200));
    }

    [ToolFact("prometheus")]
    public async Task Prometheus_with_exemplar_storage_links_counter_and_histogram_samples_to_the_spans_they_were_updated_in()
    {
        string binary = ExternalTool.Require("prometheus");
        // Interval zero: each span's update replaces the exemplar, so both spans reach Prometheus one after the other.
        var registry = new MetricRegistry(new MetricRegistryOptions { ExemplarInterval = TimeSpan.Zero });
        await using TestServer server = await TestServer.StartAsync(metrics: registry);
        Counter orders = registry.CreateCounterWithExemplars("scrape_test_orders_total", "Orders placed");
        Histogram checkout = registry.CreateHistogramWithExemplars("scrape_test_checkout_seconds", "Checkout time", new[] { 0.1, 1.0 });
        registry.CreateInfo("scrape_test_build_info", "Build", new KeyValuePair<string, string>("version", "1.4.2"));
        using var tracer = new Tracer(new TracerOptions { Exporter = DistriC.Hosting.Tracing.DiscardingSpanExporter.Instance });

        using var prometheus = await PrometheusProcess.StartAsync(binary, server.Port, "--enable-feature=exemplar-storage");
        using var api = new HttpClient { BaseAddress = prometheus.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(Deadline);

        var traces = new List<string>();
        for (int request = 0; request < 2; request++)
        {
            TraceSpan span = tracer.StartSpan("checkout");
            using (span.Activate())
            {
                orders.Inc();
                checkout.Observe(0.05 + request);
            }

            span.Finish();
            traces.Add(span.TraceId.ToString());
            // Wait until Prometheus has scraped this span's exemplars before the next span replaces them.
            await PollExemplarsAsync(api, "scrape_test_orders_total", e => e.Contains(traces[^1]), prometheus, deadline.Token);
        }

        HashSet<string> counterTraces = await PollExemplarsAsync(api, "scrape_test_orders_total", e => e.SetEquals(traces), prometheus, deadline.Token);
        Assert.Equal(traces.ToHashSet(), counterTraces);
        HashSet<string> bucketTraces = await PollExemplarsAsync(api, "scrape_test_checkout_seconds_bucket", e => e.SetEquals(traces), prometheus, deadline.Token);
        Assert.Equal(traces.ToHashSet(), bucketTraces);

        string metadata = await api.GetStringAsync("/api/v1/targets/metadata?match_target=" + Uri.EscapeDataString("{job=\"distric\"}"), deadline.Token);
        using JsonDocument document = JsonDocument.Parse(metadata);
        JsonElement info = document.RootElement.GetProperty("data").EnumerateArray()
            .Single(m => m.GetProperty("metric").GetString()!.StartsWith("scrape_test_build", StringComparison.Ordinal));
        Assert.Equal("info", info.GetProperty("type").GetString());
        Assert.Equal("Build", info.GetProperty("help").GetString());
    }

    /// <summary>Queries <c>/api/v1/query_exemplars</c> until <paramref name="done"/> holds for the trace ids it returns.</summary>
    private static async Task<HashSet<string>> PollExemplarsAsync(
        HttpClient api, string query, Func<HashSet<string>, bool> done, PrometheusProcess prometheus, CancellationToken deadline)
    {
        var last = new HashSet<string>(StringComparer.Ordinal);
        string window = "&start=" + DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds() + "&end=" + DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                string json = await api.GetStringAsync("/api/v1/query_exemplars?query=" + Uri.EscapeDataString(query) + window, deadline);
                using JsonDocument document = JsonDocument.Parse(json);
                last = document.RootElement.GetProperty("data").EnumerateArray()
                    .SelectMany(series => series.GetProperty("exemplars").EnumerateArray())
                    .Select(e => e.GetProperty("labels").GetProperty("trace_id").GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(200, deadline);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"Prometheus returned no expected exemplars for '{query}' within {Deadline}; last: {string.Join(", ", last)}\nPrometheus output:\n" + prometheus.Output);
    }

    /// <summary>Runs an instant query until <paramref name="done"/> holds; returns labels (without __name__, job, instance) → value.</summary>
    internal static async Task<Dictionary<string, double>> PollAsync(
        HttpClient api, string query, Func<Dictionary<string, double>, bool> done, PrometheusProcess prometheus, CancellationToken deadline)
    {
        Dictionary<string, double> last = [];
        while (true)
        {
            try
            {
                string json = await api.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query), deadline);
                last = ParseVector(json);
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(200, deadline);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"Prometheus did not return the expected result for '{query}' within {Deadline}; last: " +
            string.Join("; ", last.Select(kv => kv.Key + "=" + kv.Value)) + "\nPrometheus output:\n" + prometheus.Output);
    }

    private static Dictionary<string, double> ParseVector(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (JsonElement sample in document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            string labels = string.Join(",", sample.GetProperty("metric").EnumerateObject()
                .Where(l => l.Name is not ("__name__" or "job" or "instance"))
                .OrderBy(l => l.Name, StringComparer.Ordinal)
                .Select(l => l.Name + "=" + l.Value.GetString()));
            result[labels] = double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>A Prometheus server on a free loopback port with a temporary config and storage; killed on dispose.</summary>
    internal sealed class PrometheusProcess : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;
        private readonly StringBuilder _output = new();

        private PrometheusProcess(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        }

        public Uri BaseAddress { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static Task<PrometheusProcess> StartAsync(string binary, int targetPort, params string[] extraArguments) =>
            Task.FromResult(Launch(binary, "distric", targetPort, rulesFile: null, extraArguments));

        /// <summary>
        /// Starts Prometheus scraping <paramref name="targetPort"/> as job <paramref name="job"/> every second and, when
        /// <paramref name="rulesFile"/> is given, evaluating that rules file every second.
        /// </summary>
        public static PrometheusProcess Launch(string binary, string job, int targetPort, string? rulesFile, params string[] extraArguments)
        {
            string directory = Directory.CreateTempSubdirectory("distric-prometheus-").FullName;
            string config = Path.Combine(directory, "prometheus.yml");
            string rules = rulesFile is null ? string.Empty : $"""
                  evaluation_interval: 1s
                rule_files:
                  - '{rulesFile}'

                """;
            File.WriteAllText(config, $"""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                {rules}scrape_configs:
                  - job_name: {job}
                    static_configs:
                      - targets: ['127.0.0.1:{targetPort}']
                """);
            int port = FreePort();
            var start = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = directory,
            };
            start.ArgumentList.Add("--config.file=" + config);
            start.ArgumentList.Add("--storage.tsdb.path=" + Path.Combine(directory, "data"));
            start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
            foreach (string argument in extraArguments)
            {
                start.ArgumentList.Add(argument);
            }

            var process = new Process { StartInfo = start };
            var running = new PrometheusProcess(process, directory, port);
            process.OutputDataReceived += (_, e) => running.Append(e.Data);
            process.ErrorDataReceived += (_, e) => running.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return running;
        }

        /// <summary>A loopback port that was free a moment ago.</summary>
        public static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            ChildProcess.Stop(_process, _directory);
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
