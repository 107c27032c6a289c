using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using AspNetHealthStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace DistriC.Hosting.Tests;

public sealed class AspNetCoreIntegrationTests
{
    [Fact]
    public async Task MapDistric_serves_the_same_endpoints_inside_an_existing_app()
    {
        await using WebApplication app = await StartAppAsync(services => services.AddDistric(), app =>
        {
            app.MapGet("/hello", () => "world");
            app.MapDistric();
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var metrics = app.Services.GetRequiredService<MetricRegistry>();
        metrics.CreateCounter("app_orders_total", "Orders").Add(5);

        using HttpResponseMessage scrape = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scrape.Content.Headers.ContentType!.ToString());
        Assert.Contains("\napp_orders_total 5\n", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("world", await client.GetStringAsync("/hello"));
        Assert.Equal("{\"status\":\"UP\"}", await client.GetStringAsync("/health/live"));

        using HttpResponseMessage post = await client.PostAsync("/metrics", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order(StringComparer.Ordinal));

        RawResponse traversal = await RawHttp.SendAsync(new Uri(app.Urls.First()).Port, RawHttp.Request("GET", "/hello/../metrics"));
        Assert.Equal(400, traversal.StatusCode);

        string after = metrics.ExportText();
        Assert.Contains("distric_internal_http_requests_total{path=\"/metrics\",code=\"200\"} 1\n", after, StringComparison.Ordinal);
        Assert.Contains("distric_internal_http_requests_total{path=\"/metrics\",code=\"405\"} 1\n", after, StringComparison.Ordinal);
        Assert.Contains("distric_internal_http_requests_total{path=\"other\",code=\"400\"} 1\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDistric_honours_a_prefix_and_an_existing_registry_instance()
    {
        var metrics = new MetricRegistry();
        var health = new HealthRegistry();
        health.Register("db").Update(HealthStatus.Degraded, "slow");
        await using WebApplication app = await StartAppAsync(
            services => services.AddDistric(o => { o.Metrics = metrics; o.Health = health; o.PublishHealthChecks = false; }),
            app => app.MapDistric("/ops"));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Assert.Same(metrics, app.Services.GetRequiredService<MetricRegistry>());
        Assert.Same(health, app.Services.GetRequiredService<HealthRegistry>());
        using HttpResponseMessage ready = await client.GetAsync("/ops/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Contains("distric_internal_http_requests_total{path=\"/health/ready\",code=\"503\"} 1\n", metrics.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void MapDistric_without_AddDistric_explains_what_is_missing()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        using WebApplication app = builder.Build();
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => app.MapDistric());
        Assert.Contains("AddDistric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDistric_registers_singletons_once()
    {
        var services = new ServiceCollection();
        services.AddDistric();
        services.AddDistric();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<MetricRegistry>(), provider.GetRequiredService<MetricRegistry>());
        Assert.Same(provider.GetRequiredService<HealthRegistry>(), provider.GetRequiredService<HealthRegistry>());
        Assert.Single(provider.GetServices<IHealthCheckPublisher>().OfType<DistricHealthCheckPublisher>());
        Assert.Contains("distric_internal_http_active_connections", provider.GetRequiredService<MetricRegistry>().ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_results_become_components_through_the_publisher()
    {
        var health = new HealthRegistry();
        var publisher = new DistricHealthCheckPublisher(health);
        var entries = new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(AspNetHealthStatus.Healthy, "connected", TimeSpan.Zero, null, null),
            ["cache"] = new(AspNetHealthStatus.Degraded, null, TimeSpan.Zero, null, null),
            ["queue"] = new(AspNetHealthStatus.Unhealthy, null, TimeSpan.Zero, new TimeoutException("broker timed out"), null),
            [new string('n', 65)] = new(AspNetHealthStatus.Unhealthy, "name too long", TimeSpan.Zero, null, null),
        };

        await publisher.PublishAsync(new HealthReport(entries, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(["database", "cache", "queue"], health.Components.Select(c => c.Name));
        Assert.Equal(new[] { HealthStatus.Up, HealthStatus.Degraded, HealthStatus.Down }, health.Components.Select(c => c.Status));
        Assert.Equal(new[] { "connected", "Degraded", "broker timed out" }, health.Components.Select(c => c.Message));
        Assert.Equal(1, publisher.Skipped);
        Assert.Equal(HealthStatus.Down, health.Overall);

        // A later report updates the same components.
        entries["queue"] = new(AspNetHealthStatus.Healthy, "recovered", TimeSpan.Zero, null, null);
        entries["cache"] = new(AspNetHealthStatus.Healthy, null, TimeSpan.Zero, null, null);
        await publisher.PublishAsync(new HealthReport(entries, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(3, health.Count);
        Assert.Equal(HealthStatus.Up, health.Overall);
    }

    [Fact]
    public async Task Registered_health_checks_drive_ready_end_to_end()
    {
        var failing = new FlagCheck();
        await using WebApplication app = await StartAppAsync(
            services =>
            {
                services.AddDistric();
                services.AddHealthChecks().AddCheck("flag", failing);
                services.Configure<HealthCheckPublisherOptions>(o => { o.Delay = TimeSpan.Zero; o.Period = TimeSpan.FromSeconds(1); });
            },
            app => app.MapDistric());
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await WaitForReadyAsync(client, HttpStatusCode.ServiceUnavailable);
        failing.Healthy = true;
        string body = await WaitForReadyAsync(client, HttpStatusCode.OK);
        using JsonDocument json = JsonDocument.Parse(body);
        Assert.Equal("flag", json.RootElement.GetProperty("components")[0].GetProperty("name").GetString());
    }

    private static async Task<string> WaitForReadyAsync(HttpClient client, HttpStatusCode expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            using HttpResponseMessage response = await client.GetAsync("/health/ready", deadline.Token);
            string body = await response.Content.ReadAsStringAsync(deadline.Token);
            if (response.StatusCode == expected && body.Contains("\"flag\"", StringComparison.Ordinal))
            {
                return body;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static async Task<WebApplication> StartAppAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services(builder.Services);
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private sealed class FlagCheck : IHealthCheck
    {
        public volatile bool Healthy;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Healthy ? HealthCheckResult.Healthy("ok") : HealthCheckResult.Unhealthy("flag is down"));
    }
}
