using System;
using System.IO;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DistriC;
using DistriC.Hosting;
using DistriC.Sample;
using Microsoft.AspNetCore.Connections;

// The sample service: a simulated workload instrumented with DistriC (generated metrics, generated JSON log events, spans),
// served at /metrics, /health/live and /health/ready.
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

var metrics = new MetricRegistry();
var health = new HealthRegistry();
health.RegisterMetrics(metrics);

// With OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, spans go to that OTLP receiver; otherwise
// the sample logs each exported batch's size. Log lines (..._LOGS_ENDPOINT) and metrics go there too.
OtlpExporterOptions? otlp;
OtlpExporterOptions? otlpMetricOptions;
OtlpExporterOptions? otlpLogOptions;
try
{
    otlp = OtlpExporterOptions.FromEnvironment(OtlpSignal.Traces);
    otlpMetricOptions = OtlpExporterOptions.FromEnvironment(OtlpSignal.Metrics);
    otlpLogOptions = OtlpExporterOptions.FromEnvironment(OtlpSignal.Logs);
}
catch (FormatException e)
{
    Console.Error.WriteLine(SampleArguments.ErrorPrefix + e.Message);
    return 2;
}

// JSON log lines go to standard output, where the user sees them. The sample owns this stream object (on Unix it wraps a
// duplicate of the stdout handle) and closes it last; the logger flushes into it but never closes it.
await using Stream stdout = Console.OpenStandardOutput();
// Declared before the logger, so it is disposed after the logger's final flush and sends the last lines.
using OtlpLogExporter? otlpLogs = otlpLogOptions is null ? null : new OtlpLogExporter(otlpLogOptions);
var logOptions = new JsonLoggerOptions { MinimumLevel = LogLevel.Info };
if (otlpLogs is not null)
{
    logOptions.Sinks.Add(otlpLogs);                 // the same lines to stdout and to the OTLP receiver
    otlpLogs.RegisterMetrics(metrics);
}

await using var log = new JsonLogger(stdout, logOptions);
log.RegisterMetrics(metrics);

// Declared before the tracer, so it is disposed after the tracer's final export.
using OtlpSpanExporter? otlpSpans = otlp is null ? null : new OtlpSpanExporter(otlp);
using var tracer = new Tracer(new TracerOptions { Exporter = (ISpanExporter?)otlpSpans ?? new SpanLogExporter(log) });
tracer.RegisterMetrics(metrics);
otlpSpans?.RegisterMetrics(metrics);
// Metrics too: every OTEL_METRIC_EXPORT_INTERVAL (60 s by default), and a last collection when the sample exits.
using OtlpMetricExporter? otlpMetrics = otlpMetricOptions is null ? null : new OtlpMetricExporter(metrics, otlpMetricOptions);
otlpMetrics?.RegisterMetrics(metrics);
var workload = new SampleWorkload(metrics, health, log, tracer);

await using ObservabilityServer? server = await TryStartServerAsync(
    new ObservabilityServerOptions { Port = arguments.Port, Metrics = metrics, Health = health });
if (server is null)
{
    return 2;
}

var metricsUrl = new Uri(server.BaseAddress, "metrics");
log.ServiceStarted(metricsUrl.ToString());

if (arguments.Once)
{
    // Smoke-test mode: move every metric, scrape ourselves over HTTP, then print the log lines (flushed on shutdown) followed
    // by the exposition, so the two never interleave on stdout.
    for (int i = 0; i < SampleArguments.OnceRequests; i++)
    {
        workload.Step();
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
await workload.RunAsync(TimeSpan.FromMilliseconds(20), stop.Token);
await ShutDownAsync();
Console.WriteLine("Stopped.");
return 0;

// The order matters: the tracer's final export (to the OTLP receiver, or logged) comes first, and the logger's final flush
// must reach stdout.
async Task ShutDownAsync()
{
    tracer.Dispose();
    log.ServiceStopped(workload.Handled);
    await log.DisposeAsync();
    otlpLogs?.Dispose(); // sends the lines the logger handed over last, before the process exits
}

// Null (after one line on stderr) when the port is taken: a user error to fix, not a crash to debug.
static async Task<ObservabilityServer?> TryStartServerAsync(ObservabilityServerOptions options)
{
    try
    {
        return await ObservabilityServer.StartAsync(options);
    }
    catch (IOException e) when (e.InnerException is AddressInUseException)
    {
        Console.Error.WriteLine(SampleArguments.PortInUse(options.Port, options.BindAddress));
        return null;
    }
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true; // Shut down cleanly (dispose the server, flush the log) instead of being killed.
    stop.Cancel();
}
