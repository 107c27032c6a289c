using System;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Hosting;

/// <summary>
/// Returned by <see cref="DistricServiceCollectionExtensions.AddDistric"/> so further DistriC parts can be chained
/// (<c>services.AddDistric().AddSomething()</c>) as extension methods on this type.
/// </summary>
public sealed class DistricBuilder
{
    internal DistricBuilder(IServiceCollection services) => Services = services ?? throw new ArgumentNullException(nameof(services));

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }
}
