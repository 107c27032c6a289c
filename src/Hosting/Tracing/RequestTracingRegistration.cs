using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting.Tracing;

/// <summary>What <c>AddDistric</c> registers for <see cref="DistricRequestTracingOptions"/>.</summary>
internal static class RequestTracingRegistration
{
    public static void Register(IServiceCollection services, DistricRequestTracingOptions options)
    {
        if (options.ServerSpans)
        {
            // TryAddEnumerable: calling AddDistric twice still gives one server span per request.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ServerSpanStartupFilter>());
        }

        if (options.ActivityPropagation)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PropagatorInstallService>());
        }

        if (options.ClientSpans)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HttpClientSpanService>());
        }
    }
}
