using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting.Tracing;

/// <summary>Installs <see cref="DistricContextPropagator"/> when the host starts (inert while no DistriC span is active).</summary>
internal sealed class PropagatorInstallService : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        DistricContextPropagator.Install();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
