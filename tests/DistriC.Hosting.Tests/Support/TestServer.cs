using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace DistriC.Hosting.Tests.Support;

/// <summary>An <see cref="ObservabilityServer"/> on a free loopback port with its registries and a client pointed at it.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private TestServer(ObservabilityServer server, MetricRegistry metrics, HealthRegistry health)
    {
        Server = server;
        Metrics = metrics;
        Health = health;
        Client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public ObservabilityServer Server { get; }

    public MetricRegistry Metrics { get; }

    public HealthRegistry Health { get; }

    public HttpClient Client { get; }

    public int Port => Server.Port;

    public static async Task<TestServer> StartAsync(Action<ObservabilityServerOptions>? configure = null, MetricRegistry? metrics = null)
    {
        metrics ??= new MetricRegistry();
        var health = new HealthRegistry();
        var options = new ObservabilityServerOptions { Metrics = metrics, Health = health };
        configure?.Invoke(options);
        return new TestServer(await ObservabilityServer.StartAsync(options), metrics, health);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
