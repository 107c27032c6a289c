using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting;

/// <summary>
/// Host lifetime of the embedded <see cref="ObservabilityServer"/>: it does nothing. The default console lifetime would
/// subscribe to Ctrl+C and SIGTERM and swallow them to stop only our server, leaving the application that embeds it
/// unable to exit the way it expects; the application owns its signals, and the server stops when it is disposed.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
