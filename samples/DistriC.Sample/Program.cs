using System;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DistriC;
using DistriC.Hosting;
using DistriC.Sample;

// The sample service: a simulated workload instrumented with DistriC, served at /metrics, /health/live and /health/ready.
SampleArguments? arguments = SampleArguments.Parse(args, Environment.GetEnvironmentVariable(SampleArguments.PortVariable));
if (arguments is null)
{
    return 2;
}

var metrics = new MetricRegistry();
var health = new HealthRegistry();
health.RegisterMetrics(metrics);
var workload = new SampleWorkload(metrics, health);

await using ObservabilityServer server = await ObservabilityServer.StartAsync(new ObservabilityServerOptions
{
    Port = arguments.Port,
    Metrics = metrics,
    Health = health,
});
var metricsUrl = new Uri(server.BaseAddress, "metrics");

if (arguments.Once)
{
    // Smoke-test mode: move every metric, scrape ourselves over HTTP, print the exposition, exit.
    for (int i = 0; i < 100; i++)
    {
        workload.Step();
    }

    using var client = new HttpClient();
    using HttpResponseMessage response = await client.GetAsync(metricsUrl);
    Console.Write(await response.Content.ReadAsStringAsync());
    Console.Error.WriteLine($"GET {metricsUrl} -> {(int)response.StatusCode}");
    return response.IsSuccessStatusCode ? 0 : 1;
}

using var stop = new CancellationTokenSource();
using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

Console.WriteLine($"DistriC sample serving {metricsUrl} (also /health/live, /health/ready). Press Ctrl+C to stop.");
await workload.RunAsync(TimeSpan.FromMilliseconds(20), stop.Token);
Console.WriteLine("Stopping.");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true; // Shut down cleanly (dispose the server) instead of being killed.
    stop.Cancel();
}
