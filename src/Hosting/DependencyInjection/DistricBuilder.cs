using System;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Hosting;

/// <summary>
/// Returned by <see cref="DistricServiceCollectionExtensions.AddDistric"/> so further DistriC parts can be chained
/// (<c>services.AddDistric().AddSomething()</c>) as extension methods on this type.
/// </summary>
public sealed class DistricBuilder
{
    internal DistricBuilder(IServiceCollection services, DistricLogOutput logOutput)
    {
        Services = services ?? throw new ArgumentNullException(nameof(services));
        LogOutput = logOutput;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Where the <see cref="JsonLogger"/> that <c>AddDistric</c> registered writes (what later parts decide by).</summary>
    internal DistricLogOutput LogOutput { get; }
}
