using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests;

public sealed class ConcurrentScrapeTests
{
    private const int Scrapes = 100;

    [Fact]
    public async Task Hundred_concurrent_scrapes_during_updates_all_succeed_with_valid_exposition()
    {
        await using TestServer server = await TestServer.StartAsync();
        Counter requests = server.Metrics.CreateCounter("load_requests_total", "Requests",
            new LabelDefinition("method", "GET", "POST"), new LabelDefinition("status", "2xx", "5xx"));
        Histogram latency = server.Metrics.CreateHistogram("load_latency_seconds", "Latency", [0.01, 0.1, 1], new LabelDefinition("method", "GET", "POST"));
        Gauge depth = server.Metrics.CreateGauge("load_queue_depth", "Depth");

        // Two dedicated writer threads (not pool tasks, which 100 scrapes could starve), confirmed running before the scrapes start.
        using var stop = new CancellationTokenSource();
        using var writing = new CountdownEvent(2);
        long counted = 0;
        var counterWriter = new Thread(() =>
        {
            requests.Inc("GET", "2xx");
            counted++;
            writing.Signal();
            while (!stop.IsCancellationRequested)
            {
                requests.Inc("GET", "2xx");
                counted++;
            }
        });
        var otherWriter = new Thread(() =>
        {
            writing.Signal();
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                latency.Observe((i % 100) / 50.0, "POST");
                depth.Set(i % 17);
            }
        });
        counterWriter.Start();
        otherWriter.Start();
        Assert.True(writing.Wait(TimeSpan.FromSeconds(10)), "writer threads did not start");

        using var client = new HttpClient { BaseAddress = server.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<(HttpStatusCode Status, string Body)>[] scrapes = Enumerable.Range(0, Scrapes).Select(async _ =>
        {
            await go.Task;
            using HttpResponseMessage response = await client.GetAsync("/metrics");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToArray();
        go.SetResult();
        (HttpStatusCode Status, string Body)[] results = await Task.WhenAll(scrapes);

        await stop.CancelAsync();
        counterWriter.Join();
        otherWriter.Join();

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        double previousMax = 0;
        foreach ((_, string body) in results)
        {
            Assert.Empty(ExpositionValidator.Problems(body, ExpositionFormat.Prometheus));
            double seen = ExpositionValidator.Samples(body)["load_requests_total{method=\"GET\",status=\"2xx\"}"];
            Assert.InRange(seen, 0, counted);
            previousMax = Math.Max(previousMax, seen);
        }

        // After the writers stopped, a scrape shows exactly what was written, and every scrape was counted.
        string final = await client.GetStringAsync("/metrics");
        var samples = ExpositionValidator.Samples(final);
        Assert.Equal(counted, samples["load_requests_total{method=\"GET\",status=\"2xx\"}"]);
        Assert.Equal(Scrapes, samples["distric_internal_http_requests_total{path=\"/metrics\",code=\"200\"}"]);
        Assert.True(previousMax > 0, "the writers never ran during the scrapes");

        (int ExitCode, string Output)? promtool = await Promtool.CheckMetricsAsync(results[Scrapes / 2].Body);
        if (promtool is { } check)
        {
            Assert.True(check.ExitCode == 0, "promtool check metrics: " + check.Output);
        }
    }
}
