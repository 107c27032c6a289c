using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DistriC;
using DistriC.Hosting;
using DistriC.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LogLevel = DistriC.LogLevel;

// The sample service: an ASP.NET Core app with AddDistric whose simulated workload is real HTTP traffic to its own
// endpoints (server spans, client spans, ASP.NET Core's and HttpClient's request metrics), next to the generated metrics
// and JSON log events, served at /metrics, /health/live and /health/ready.
// Mistakes the user can fix (bad arguments, a port in use) get one line on stderr and exit code 2, never a stack trace.
SampleArguments? arguments = SampleArguments.Parse(args, Environment.GetEnvironmentVariable(SampleArguments.PortVariable), out string? error);
if (arguments is null)
{
    Console.Error.WriteLine(SampleArguments.ErrorPrefix + error);
    Console.Error.WriteLine(SampleArguments.UsageLine);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(SampleArguments.Usage);
    return 0;
}

// With OTEL_EXPORTER_OTLP_ENDPOINT (or the per-signal variables) set, AddDistric sends spans, log lines and metrics to
// that OTLP receiver; otherwise the sample logs each exported span batch. Read here once so a bad value is a user error, not a crash.
bool otlpTraces;
try
{
    otlpTraces = OtlpExporterOptions.FromEnvironment(OtlpSignal.Traces) is not null;
    _ = OtlpExporterOptions.FromEnvironment(OtlpSignal.Metrics);
    _ = OtlpExporterOptions.FromEnvironment(OtlpSignal.Logs);
}
catch (FormatException e)
{
    Console.Error.WriteLine(SampleArguments.ErrorPrefix + e.Message);
    return 2;
}

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
// ASP.NET Core's console text would interleave with the JSON lines on stdout; the sample's lines are its own events.
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, arguments.Port));
// JSON log lines go to standard output; the container owns the logger and the tracer (final export, then final flush).
builder.Services.AddDistric(o =>
{
    o.Logging = new JsonLoggerOptions { MinimumLevel = LogLevel.Info };
    o.PublishHealthChecks = false;
});
if (!otlpTraces)
{
    builder.Services.AddSingleton<ISpanExporter>(services => new SpanLogExporter(services.GetRequiredService<JsonLogger>()));
}

builder.Services.AddSingleton<SampleWorkload>();
builder.Services.AddHttpClient(SampleWorkload.InventoryClient);
await using WebApplication app = builder.Build();
SampleWorkload.Map(app);
app.MapDistric();

if (!await TryStartAsync(app, arguments.Port))
{
    return 2;
}

var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
var metricsUrl = new Uri(baseAddress, "metrics");
JsonLogger log = app.Services.GetRequiredService<JsonLogger>();
SampleWorkload workload = app.Services.GetRequiredService<SampleWorkload>();
log.ServiceStarted(metricsUrl.ToString());
using var traffic = new SampleTraffic(baseAddress);

if (arguments.Once)
{
    // Smoke-test mode: send the requests one by one, scrape ourselves over HTTP, then print the log lines (flushed on
    // shutdown) followed by the exposition, so the two never interleave on stdout.
    for (int i = 0; i < SampleArguments.OnceRequests; i++)
    {
        await traffic.SendAsync();
    }

    string exposition;
    bool scraped;
    using (var client = new HttpClient())
    using (var request = new HttpRequestMessage(HttpMethod.Get, metricsUrl))
    {
        // Ask for OpenMetrics, as Prometheus does: the format that carries exemplars and _created samples.
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        using HttpResponseMessage response = await client.SendAsync(request);
        exposition = await response.Content.ReadAsStringAsync();
        scraped = response.IsSuccessStatusCode;
        Console.Error.WriteLine($"GET {metricsUrl} -> {(int)response.StatusCode}");
    }

    await ShutDownAsync();
    Console.Write(exposition);
    return scraped ? 0 : 1;
}

using var stop = new CancellationTokenSource();
using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

Console.WriteLine($"DistriC sample serving {metricsUrl} (also /health/live, /health/ready). Press Ctrl+C to stop.");
await traffic.RunAsync(TimeSpan.FromMilliseconds(20), stop.Token);
await ShutDownAsync();
Console.WriteLine("Stopped.");
return 0;

// The order matters: in-flight requests finish (their server spans end), the tracer's final export (to the OTLP receiver,
// or logged) comes next, then the last line, and disposing the container flushes the logger to stdout.
async Task ShutDownAsync()
{
    await app.StopAsync();
    app.Services.GetRequiredService<Tracer>().Dispose();
    log.ServiceStopped(workload.Handled);
    await app.DisposeAsync();
}

// False (after one line on stderr) when the port is taken: a user error to fix, not a crash to debug.
static async Task<bool> TryStartAsync(WebApplication app, int port)
{
    try
    {
        await app.StartAsync();
        return true;
    }
    catch (IOException e) when (e.InnerException is AddressInUseException)
    {
        Console.Error.WriteLine(SampleArguments.PortInUse(port, IPAddress.Loopback));
        return false;
    }
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true; // Shut down cleanly (stop the server, flush the log) instead of being killed.
    stop.Cancel();
}
