using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Port_zero_picks_a_free_port_on_loopback()
    {
        await using TestServer server = await TestServer.StartAsync();

        Assert.InRange(server.Port, 1, 65535);
        Assert.Equal(IPAddress.Loopback, server.Server.Address);
        Assert.Equal(new Uri($"http://127.0.0.1:{server.Port}/"), server.Server.BaseAddress);
    }

    [Fact]
    public async Task Dispose_gives_a_half_sent_request_the_grace_period_then_aborts_it_refuses_new_connections_and_frees_the_port()
    {
        // The mechanism, not a duration on a shared machine: the header timeout is far away, so only the grace period can
        // end the half-sent request; dispose must take at least that period, close both connections without answering,
        // and leave the port refusing connections.
        TimeSpan grace = TimeSpan.FromMilliseconds(300);
        TestServer server = await TestServer.StartAsync(o =>
        {
            o.ShutdownTimeout = grace;
            o.HeaderTimeout = TimeSpan.FromMinutes(10);
            o.KeepAliveTimeout = TimeSpan.FromMinutes(10);
        });
        int port = server.Port;
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, port);
        using var halfSent = new TcpClient();
        await halfSent.ConnectAsync(IPAddress.Loopback, port);
        await halfSent.GetStream().WriteAsync("GET /metrics HTTP/1.1\r\nHo"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);

        Stopwatch stopping = Stopwatch.StartNew();
        // A hang guard, not a speed requirement: without the grace period the half-sent request would hold dispose for minutes.
        await server.DisposeAsync().AsTask().WaitAsync(HangGuard);
        stopping.Stop();

        // The server's grace timer counts whole milliseconds on the runtime's timer queue, so measured on a Stopwatch it can
        // fire a fraction of a millisecond early (seen: 299.8 ms for 300 ms); an abort without the grace period takes a few ms.
        Assert.True(stopping.Elapsed >= grace - TimerSlack, $"DisposeAsync returned after {stopping.Elapsed}, before the {grace} grace period");
        Assert.Equal(0, await BytesUntilClosed(halfSent));
        Assert.Equal(0, await BytesUntilClosed(idle));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
        await server.Server.DisposeAsync(); // twice is harmless
    }

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    /// <summary>Reads until the server closes or resets the connection; returns how many bytes it sent first.</summary>
    private static async Task<int> BytesUntilClosed(TcpClient client)
    {
        var buffer = new byte[1024];
        int total = 0;
        try
        {
            int read;
            while ((read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(HangGuard)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed just the same.
        }

        return total;
    }

    [Fact]
    public async Task The_embedded_host_leaves_ctrl_c_and_sigterm_to_the_application()
    {
        // The default console lifetime would swallow the host application's Ctrl+C to stop only this server.
        await using TestServer server = await TestServer.StartAsync();
        Assert.IsType<EmbeddedHostLifetime>(server.Server.Services.GetRequiredService<IHostLifetime>());
    }

    [Fact]
    public async Task A_taken_port_fails_start_with_an_io_error()
    {
        await using TestServer first = await TestServer.StartAsync();
        await Assert.ThrowsAnyAsync<IOException>(() => ObservabilityServer.StartAsync(new ObservabilityServerOptions { Port = first.Port }));
    }

    [Fact]
    public async Task Two_servers_may_share_one_registry_and_share_its_self_monitoring()
    {
        var metrics = new MetricRegistry();
        await using TestServer a = await TestServer.StartAsync(metrics: metrics);
        await using TestServer b = await TestServer.StartAsync(metrics: metrics);
        await a.Client.GetAsync("/health/live");
        await b.Client.GetAsync("/health/live");

        Assert.Contains("distric_internal_http_requests_total{path=\"/health/live\",code=\"200\"} 2\n", metrics.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frozen_registry_without_http_metrics_is_rejected_at_start()
    {
        var metrics = new MetricRegistry();
        metrics.Freeze();
        MetricRegistrationException error = await Assert.ThrowsAsync<MetricRegistrationException>(
            () => ObservabilityServer.StartAsync(new ObservabilityServerOptions { Metrics = metrics }));
        Assert.Equal(DistricStatus.RegistryFrozen, error.Status);
    }

    [Fact]
    public async Task Defaults_serve_empty_registries()
    {
        await using ObservabilityServer server = await ObservabilityServer.StartAsync(new ObservabilityServerOptions());
        RawResponse ready = await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", "/health/ready"));
        Assert.Equal(200, ready.StatusCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task Out_of_range_port_is_rejected(int port)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ObservabilityServer.StartAsync(new ObservabilityServerOptions { Port = port }));
    }

    [Fact]
    public async Task Non_positive_timeouts_and_tiny_limits_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ObservabilityServer.StartAsync(new ObservabilityServerOptions { HeaderTimeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ObservabilityServer.StartAsync(new ObservabilityServerOptions { MaxRequestLineBytes = 10 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ObservabilityServer.StartAsync(new ObservabilityServerOptions { MaxConnections = 0 }));
    }
}
