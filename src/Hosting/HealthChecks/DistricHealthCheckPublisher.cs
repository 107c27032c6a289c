using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using AspNetHealthStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace DistriC.Hosting;

/// <summary>
/// Publishes ASP.NET Core health-check results into a <see cref="HealthRegistry"/>: each check becomes a component named
/// after the check (Healthy → UP, Degraded → DEGRADED, Unhealthy → DOWN), so <c>/health/ready</c> reflects them.
/// </summary>
/// <remarks>
/// A check whose name the registry rejects (longer than <see cref="HealthRegistry.MaxNameLength"/>, or the registry is full)
/// is skipped and counted in <see cref="Skipped"/>, never thrown: a publisher that throws would stop the others.
/// </remarks>
public sealed class DistricHealthCheckPublisher : IHealthCheckPublisher
{
    private readonly HealthRegistry _registry;
    private long _skipped;

    /// <summary>Creates a publisher writing into <paramref name="registry"/>.</summary>
    /// <param name="registry">The health registry (the DI singleton when registered by <c>AddDistric</c>).</param>
    public DistricHealthCheckPublisher(HealthRegistry registry) =>
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>Check results not published because the registry rejected the name.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <inheritdoc />
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (KeyValuePair<string, HealthReportEntry> entry in report.Entries)
        {
            if (_registry.TryRegister(entry.Key, out HealthComponent? component) != DistricStatus.Ok)
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }

            HealthReportEntry result = entry.Value;
            component!.Update(Map(result.Status), result.Description ?? result.Exception?.Message ?? result.Status.ToString());
        }

        return Task.CompletedTask;
    }

    /// <summary>Maps an ASP.NET Core health status onto the DistriC one.</summary>
    /// <param name="status">The health-check status.</param>
    /// <returns>The DistriC status.</returns>
    public static DistriC.HealthStatus Map(AspNetHealthStatus status) => status switch
    {
        AspNetHealthStatus.Healthy => DistriC.HealthStatus.Up,
        AspNetHealthStatus.Degraded => DistriC.HealthStatus.Degraded,
        _ => DistriC.HealthStatus.Down,
    };
}
