using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests;

/// <summary>
/// Requests that match no route share one documented <c>http_route</c> value (<see cref="MeterBridgePresets.UnmatchedRoute"/>)
/// in the request-duration family, over real sockets on 127.0.0.1: raw paths never become series.
/// </summary>
public sealed class UnmatchedRouteMetricsTests
{
    private const string Count = "http_server_request_duration_seconds_count{";
    private const int RawPaths = 10_000;

    [Fact]
    public async Task Ten_thousand_distinct_unmatched_paths_add_no_series_and_count_under_the_unmatched_route()
    {
        await using WebApplication app = await StartAppAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal("order 1", await client.GetStringAsync("/orders/1"));
        using (HttpResponseMessage first = await client.GetAsync("/first/miss"))
        {
            Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        }

        // The scrapes are requests too, of the route /metrics: wait until theirs is in as well.
        string before = await WaitForAsync(client, t => Unmatched(t) == 1 && Routed(t) == 1 && Series(t).Any(s => s.Contains("http_route=\"/metrics\"", StringComparison.Ordinal)));
        int seriesBefore = Series(before).Length;
        Assert.Equal(3, seriesBefore); // GET over HTTP/1.1: /orders/{id} 200, /metrics 200, unmatched 404

        // Four connections' worth of concurrent requests, each path distinct.
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < RawPaths; i = Interlocked.Increment(ref next))
            {
                using HttpResponseMessage response = await client.GetAsync($"/raw/{i}/path-{i * 7919}?q={i}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        })));

        string after = await WaitForAsync(client, t => Unmatched(t) == RawPaths + 1);
        Assert.Equal(seriesBefore, Series(after).Length);
        Assert.Equal(RawPaths + 1, Unmatched(after));
        Assert.Equal(1, Routed(after));
        Assert.DoesNotContain("/raw/", after, StringComparison.Ordinal);
        Assert.All(Series(after), s => Assert.Contains("http_route=\"", s, StringComparison.Ordinal));
    }

    private static string[] Series(string text) => text.Split('\n').Where(l => l.StartsWith(Count, StringComparison.Ordinal)).ToArray();

    private static long Unmatched(string text) => Sum(text, $"http_route=\"{MeterBridgePresets.UnmatchedRoute}\"", "http_response_status_code=\"404\"");

    private static long Routed(string text) => Sum(text, "http_route=\"/orders/{id}\"", "http_response_status_code=\"200\"");

    private static long Sum(string text, params string[] labels) => Series(text)
        .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
        .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>ASP.NET Core records a request's duration after its response is sent: scrape until the counts are in (bounded).</summary>
    private static Task<string> WaitForAsync(HttpClient client, Func<string, bool> done) => FrameworkMetricsTests.WaitForAsync(client, done);

    private static async Task<WebApplication> StartAppAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(System.IO.Stream.Null));
        WebApplication app = builder.Build();
        app.MapGet("/orders/{id}", (string id) => "order " + id);
        app.MapDistric();
        await app.StartAsync();
        return app;
    }
}
