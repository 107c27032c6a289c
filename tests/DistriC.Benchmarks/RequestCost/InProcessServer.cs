using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace DistriC.Benchmarks.RequestCost;

/// <summary>
/// An <see cref="IServer"/> without sockets: it keeps the host's <see cref="IHttpApplication{TContext}"/> (ASP.NET Core's
/// HostingApplication: hosting diagnostics, the request Activity, the hosting metrics, the whole middleware pipeline) and
/// runs requests through it on the caller's thread, as Kestrel does after parsing a request.
/// </summary>
internal sealed class InProcessServer : IServer
{
    private Func<Task>? _invoke;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    /// <summary>Runs one <c>GET /hello</c> through the application, reusing the connection's context as Kestrel does.</summary>
    public Task InvokeAsync() => (_invoke ?? throw new InvalidOperationException("The host has not started.")).Invoke();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var connection = new InProcessConnection<TContext>(application);
        _invoke = connection.InvokeAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
