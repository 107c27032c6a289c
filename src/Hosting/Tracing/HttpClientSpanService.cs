using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting.Tracing;

/// <summary>Holds the process's <see cref="HttpClientSpanListener"/> while the host runs.</summary>
internal sealed class HttpClientSpanService : IHostedService, IDisposable
{
    private IDisposable? _lease;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lease ??= HttpClientSpanListener.Acquire();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _lease, null)?.Dispose();
    }
}
