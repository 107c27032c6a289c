using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using DistriC.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests;

/// <summary>
/// A real Kestrel app on 127.0.0.1 whose own ASP.NET Core instruments reach its /metrics through AddDistric's presets,
/// checked by promtool and scraped by a real Prometheus.
/// </summary>
public sealed class FrameworkMetricsTests
{
    private const string Requests = "http_server_request_duration_seconds_count";
    private static readonly string[] RouteSeries = { "http_route=\"/orders/{id}\"", "http_response_status_code=\"200\"", "http_request_method=\"GET\"" };
    private static readonly string[] FailSeries = { "http_route=\"/fail\"", "http_response_status_code=\"500\"" };
    private static readonly string[] NotFoundSeries = { "http_response_status_code=\"404\"" };

    [Fact]
    public async Task The_apps_own_request_duration_reaches_metrics_with_the_route_template_and_counts_per_status_code()
    {
        await using WebApplication app = await StartAppAsync(_ => { });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await SendRequestsAsync(client);

        string text = await WaitForAsync(client, t => Count(t, RouteSeries) == 5 && Count(t, FailSeries) == 1 && Count(t, NotFoundSeries) == 2);
        Assert.Equal(5, Count(text, RouteSeries));
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        // The advised buckets of ASP.NET Core's instrument.
        Assert.Contains("le=\"0.005\"", text, StringComparison.Ordinal);
        Assert.Contains("le=\"7.5\"", text, StringComparison.Ordinal);
        Assert.Contains("\nkestrel_active_connections{", text, StringComparison.Ordinal);
        Assert.Contains("\nprocess_cpu_seconds_total ", text, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_gc_collections_total{gc_heap_generation=\"gen0\"} ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("server_address", text, StringComparison.Ordinal);
    }

    [ToolFact("promtool")]
    public async Task Every_preset_output_passes_promtool_check_metrics()
    {
        await using WebApplication app = await StartAppAsync(_ => { });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await SendRequestsAsync(client);
        using var outbound = new HttpClient();
        (await outbound.GetAsync(new Uri(app.Urls.First() + "/orders/9"))).Dispose(); // System.Net.Http's own instruments
        string text = await WaitForAsync(client, t => Count(t, RouteSeries) >= 5 && t.Contains("\nhttp_client_request_duration_seconds_count{", StringComparison.Ordinal));

        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(text));
        Assert.True(exit == 0, $"promtool exit {exit}: {output}\n{text}");

        // The same families in OpenMetrics, read by the independent validator (units, _total, # EOF).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        using HttpResponseMessage response = await client.SendAsync(request);
        string openMetrics = await response.Content.ReadAsStringAsync();
        Assert.Empty(ExpositionValidator.Problems(openMetrics, ExpositionFormat.OpenMetrics));
        Assert.Contains("# UNIT http_server_request_duration_seconds seconds\n", openMetrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hosts_in_one_process_count_only_their_own_requests()
    {
        await using WebApplication first = await StartAppAsync(_ => { });
        await using WebApplication second = await StartAppAsync(_ => { });
        using var firstClient = new HttpClient { BaseAddress = new Uri(first.Urls.First()) };
        using var secondClient = new HttpClient { BaseAddress = new Uri(second.Urls.First()) };
        await SendRequestsAsync(firstClient);
        Assert.Equal("order 7", await secondClient.GetStringAsync("/orders/7"));

        await WaitForAsync(firstClient, t => Count(t, RouteSeries) == 5);
        string text = await WaitForAsync(secondClient, t => Count(t, RouteSeries) == 1);
        Assert.Equal(0, Count(text, FailSeries)); // the first host's failure is not in the second host's registry
    }

    [Fact]
    public async Task Each_preset_can_be_switched_off()
    {
        await using WebApplication app = await StartAppAsync(o =>
        {
            o.AspNetCore = false;
            o.Runtime = false;
            o.Process = false;
            o.HttpClient = false;
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await SendRequestsAsync(client);

        string text = await client.GetStringAsync("/metrics");
        Assert.DoesNotContain("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("process_", text, StringComparison.Ordinal);
        Assert.DoesNotContain(MeterBridge.OverflowMetricName, text, StringComparison.Ordinal);
    }

    [ToolFact("prometheus")]
    public async Task Prometheus_scrapes_the_request_durations_per_route_and_status_code()
    {
        string binary = ExternalTool.Require("prometheus");
        await using WebApplication app = await StartAppAsync(_ => { });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await SendRequestsAsync(client);
        await WaitForAsync(client, t => Count(t, RouteSeries) == 5 && Count(t, FailSeries) == 1);

        using var prometheus = await PrometheusScrapeTests.PrometheusProcess.StartAsync(binary, new Uri(app.Urls.First()).Port);
        using var api = new HttpClient { BaseAddress = prometheus.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        Dictionary<string, double> series = await PrometheusScrapeTests.PollAsync(
            api, "sum by (http_route, http_response_status_code) (http_server_request_duration_seconds_count)",
            r => r.ContainsKey("http_response_status_code=200,http_route=/orders/{id}") && r.ContainsKey("http_response_status_code=500,http_route=/fail"),
            prometheus, deadline.Token);

        Assert.Equal(5, series["http_response_status_code=200,http_route=/orders/{id}"]);
        Assert.Equal(1, series["http_response_status_code=500,http_route=/fail"]);
    }

    private static async Task SendRequestsAsync(HttpClient client)
    {
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal("order " + (i % 2), await client.GetStringAsync("/orders/" + (i % 2)));
        }

        using HttpResponseMessage fail = await client.GetAsync("/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, fail.StatusCode);
        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage missing = await client.GetAsync("/nowhere/" + i);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    /// <summary>ASP.NET Core records a request's duration after its response is sent: scrape until the counts are in (bounded).</summary>
    internal static async Task<string> WaitForAsync(HttpClient client, Func<string, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string text = string.Empty;
        try
        {
            while (true)
            {
                text = await client.GetStringAsync("/metrics", deadline.Token);
                if (done(text))
                {
                    return text;
                }

                await Task.Delay(50, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }

        throw new Xunit.Sdk.XunitException("The expected series did not appear; last scrape:\n" + text);
    }

    /// <summary>The sum of the request counts of the series carrying all of <paramref name="labels"/> (whatever their order).</summary>
    private static double Count(string text, string[] labels) => text.Split('\n')
        .Where(l => l.StartsWith(Requests + "{", StringComparison.Ordinal))
        .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<WebApplication> StartAppAsync(Action<DistricFrameworkMetricsOptions> configure)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDistric(o =>
        {
            o.LogOutput = DistricLogOutput.Stream(System.IO.Stream.Null);
            configure(o.FrameworkMetrics);
        });
        WebApplication app = builder.Build();
        app.MapGet("/orders/{id}", (string id) => "order " + id);
        app.MapGet("/fail", () => Results.StatusCode(500));
        app.MapDistric();
        await app.StartAsync();
        return app;
    }
}
