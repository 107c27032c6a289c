using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DistriC.Hosting;

/// <summary>Registers the <see cref="MeterBridge"/>, the process metrics and the Meter publisher that <c>AddDistric</c> turns on.</summary>
internal static class DistricFrameworkMetrics
{
    public static void Add(IServiceCollection services, DistricFrameworkMetricsOptions options)
    {
        bool bridge = options.AspNetCore || options.HttpClient || options.Runtime || options.Configure is not null;
        if (!bridge && !options.Process && !options.PublishAsMeter)
        {
            return;
        }

        services.AddMetrics();
        services.TryAddSingleton(sp => new FrameworkMetricsHandle(sp.GetRequiredService<MetricRegistry>(), sp.GetService<IMeterFactory>(), options));
        // Lifecycle "starting" runs before every hosted service's StartAsync, the web server's included: no request goes unseen.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FrameworkMetricsStarter>());
    }

    /// <summary>The started bridge and publisher; disposed with the container.</summary>
    internal sealed class FrameworkMetricsHandle : IDisposable
    {
        public FrameworkMetricsHandle(MetricRegistry registry, IMeterFactory? meterFactory, DistricFrameworkMetricsOptions options)
        {
            if (options.Process)
            {
                try
                {
                    ProcessMetrics.Register(registry);
                }
                catch (MetricRegistrationException e) when (e.Status == DistricStatus.AlreadyExists)
                {
                    // A supplied registry that has them already keeps its own.
                }
            }

            if (options.AspNetCore || options.HttpClient || options.Runtime || options.Configure is not null)
            {
                var bridgeOptions = new MeterBridgeOptions { MeterScope = meterFactory };
                if (options.AspNetCore)
                {
                    bridgeOptions.AddAspNetCore();
                }

                if (options.HttpClient)
                {
                    bridgeOptions.AddHttpClient();
                }

                if (options.Runtime)
                {
                    bridgeOptions.AddRuntime();
                }

                options.Configure?.Invoke(bridgeOptions);
                Bridge = new MeterBridge(registry, bridgeOptions);
                Bridge.Start();
            }

            if (options.PublishAsMeter)
            {
                Publisher = new MetricMeterPublisher(registry);
            }
        }

        public MeterBridge? Bridge { get; }

        public MetricMeterPublisher? Publisher { get; }

        public void Dispose()
        {
            Bridge?.Dispose();
            Publisher?.Dispose();
        }
    }

    private sealed class FrameworkMetricsStarter : IHostedLifecycleService
    {
        private readonly IServiceProvider _services;

        public FrameworkMetricsStarter(IServiceProvider services) => _services = services;

        public Task StartingAsync(CancellationToken cancellationToken)
        {
            _services.GetRequiredService<FrameworkMetricsHandle>();
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
