using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting;

/// <summary>
/// A standalone HTTP endpoint on Kestrel serving <c>/metrics</c>, <c>/health/live</c> and <c>/health/ready</c>, for
/// applications that are not ASP.NET Core apps themselves (those use <c>app.MapDistric()</c>).
/// </summary>
/// <remarks>
/// Connections are served concurrently and asynchronously, so a slow client never
/// delays a scrape; slow clients are cut off by the header timeout. The server is built on an empty host: no configuration
/// files, environment variables or logging providers are read, so it cannot be reconfigured from outside by accident.
/// </remarks>
public sealed class ObservabilityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _shutdownTimeout;
    private int _disposed;

    private ObservabilityServer(WebApplication app, IPAddress address, int port, TimeSpan shutdownTimeout, HttpEndpointMetrics self)
    {
        _app = app;
        Address = address;
        Port = port;
        _shutdownTimeout = shutdownTimeout;
        Self = self;
    }

    /// <summary>The port the server listens on (the one chosen by the system when <see cref="ObservabilityServerOptions.Port"/> was 0).</summary>
    public int Port { get; }

    /// <summary>The bound address.</summary>
    public IPAddress Address { get; }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:9464/</c>.</summary>
    public Uri BaseAddress => new UriBuilder(Uri.UriSchemeHttp, Address.ToString(), Port).Uri;

    internal HttpEndpointMetrics Self { get; }

    /// <summary>The embedded host's services (for tests).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>Binds and starts the server; returns once it accepts connections.</summary>
    /// <param name="options">Port, address, registries, limits.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="MetricRegistrationException">The metrics registry is frozen and has no HTTP self-monitoring metrics yet.</exception>
    /// <exception cref="System.IO.IOException">The port is in use.</exception>
    public static async Task<ObservabilityServer> StartAsync(ObservabilityServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var handler = new DistricEndpointHandler(options.Metrics ?? new MetricRegistry(), options.Health ?? new HealthRegistry());

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ObservabilityServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => Configure(kestrel, options, handler.Self));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        WebApplication app = builder.Build();
        app.Run(handler.DispatchAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        int port = new Uri(app.Urls.First()).Port;
        return new ObservabilityServer(app, options.BindAddress, port, options.ShutdownTimeout, handler.Self);
    }

    /// <summary>Stops accepting, gives requests in flight <see cref="ObservabilityServerOptions.ShutdownTimeout"/> to finish,
    /// aborts the rest and releases the port. Safe to call twice.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var grace = new CancellationTokenSource(_shutdownTimeout))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Validate(ObservabilityServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.BindAddress, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HeaderTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.KeepAliveTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestLineBytes, 64, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestHeaderBytes, 256, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShutdownTimeout, TimeSpan.Zero, nameof(options));
    }

    private static void Configure(KestrelServerOptions kestrel, ObservabilityServerOptions options, HttpEndpointMetrics self)
    {
        kestrel.AddServerHeader = false;
        KestrelServerLimits limits = kestrel.Limits;
        limits.MaxRequestLineSize = options.MaxRequestLineBytes;
        limits.MaxRequestHeadersTotalSize = options.MaxRequestHeaderBytes;
        limits.RequestHeadersTimeout = options.HeaderTimeout;
        limits.KeepAliveTimeout = options.KeepAliveTimeout;
        limits.MaxConcurrentConnections = options.MaxConnections;
        // The endpoints take no request body: cap what a client may push at us.
        limits.MaxRequestBodySize = 1024;
        kestrel.Listen(options.BindAddress, options.Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.Use(next => connection => CountConnectionAsync(next, connection, self));
        });
    }

    private static async Task CountConnectionAsync(ConnectionDelegate next, ConnectionContext connection, HttpEndpointMetrics self)
    {
        self.ConnectionOpened();
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            self.ConnectionClosed();
        }
    }
}
