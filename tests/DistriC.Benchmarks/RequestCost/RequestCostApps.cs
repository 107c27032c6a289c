using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using DistriC.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DistriC.Benchmarks.RequestCost;

/// <summary>
/// The apps compared by the request-cost run: one minimal endpoint <c>GET /hello</c> on Kestrel over 127.0.0.1, bare or
/// instrumented. Each runs in a process of its own (process-wide listeners and propagators never mix).
/// </summary>
internal static class RequestCostApps
{
    public const string Bare = "bare";
    public const string Distric = "distric";
    public const string DistricNoMetrics = "distric-no-metrics";
    public const string DistricSpansOnly = "distric-spans-only";
    public const string DistricLogOnly = "distric-log-only";
    public const string OpenTelemetry = "opentelemetry";

    /// <summary>
    /// The full DistriC configuration, then the same without request metrics, then its two own parts alone (server spans;
    /// the log line, with no span active), so the cost above bare splits into ASP.NET Core's instrument, spans and logging.
    /// </summary>
    public static readonly string[] All = [Bare, Distric, DistricNoMetrics, DistricSpansOnly, DistricLogOnly, OpenTelemetry];

    private static bool IsDistric(string configuration) =>
        configuration is Distric or DistricNoMetrics or DistricSpansOnly or DistricLogOnly;

    /// <summary>Spans the DistriC configurations' exporter received (a counting exporter: the cost is recording, not shipping).</summary>
    public static long DistricSpansExported => Interlocked.Read(ref CountingExporter.Count);

    /// <summary>Builds the app of <paramref name="configuration"/>; <paramref name="services"/> may replace services (the server).</summary>
    public static WebApplication Build(string configuration, List<Activity> otelSpans, Action<IServiceCollection>? services = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        switch (configuration)
        {
            case Distric:
            case DistricNoMetrics:
            case DistricSpansOnly:
            case DistricLogOnly:
                builder.Services.AddDistric(o =>
                {
                    o.LogOutput = DistricLogOutput.Stream(Stream.Null);
                    // A queue that holds a few export intervals' worth, so no span is dropped and backpressure never samples.
                    o.Tracing = new TracerOptions { Exporter = new CountingExporter(), BufferCapacity = 16384, ExportInterval = TimeSpan.FromMilliseconds(100) };
                    o.PublishHealthChecks = false;
                    // Request metrics only, as in the OpenTelemetry configuration: the HttpClient preset would also measure
                    // the load generator's own client (same process), and the runtime and process metrics cost nothing
                    // per request (read at scrape time).
                    o.FrameworkMetrics.AspNetCore = configuration == Distric;
                    o.FrameworkMetrics.HttpClient = false;
                    o.FrameworkMetrics.Runtime = false;
                    o.FrameworkMetrics.Process = false;
                    o.FrameworkMetrics.PublishAsMeter = false;
                    o.RequestTracing.ServerSpans = configuration != DistricLogOnly;
                    o.RequestTracing.ClientSpans = configuration != DistricLogOnly;
                    o.RequestTracing.ActivityPropagation = configuration != DistricLogOnly;
                });
                break;
            case OpenTelemetry:
                builder.Services.AddOpenTelemetry()
                    .WithTracing(t => t.AddAspNetCoreInstrumentation().AddInMemoryExporter(otelSpans))
                    .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddPrometheusExporter());
                break;
        }

        services?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        if (IsDistric(configuration))
        {
            // A log line per request, written inside the server span: it carries trace_id and span_id. The logger is
            // captured, not a handler parameter: a parameter from DI would create a request scope the bare app does not.
            JsonLogger log = app.Services.GetRequiredService<JsonLogger>();
            bool writeLog = configuration != DistricSpansOnly;
            app.MapGet("/hello", () =>
            {
                if (writeLog)
                {
                    log.Write(DistriC.LogLevel.Info, "bench", "hello", new KeyValuePair<string, string?>("route", "/hello"));
                }

                return "hello";
            });
            app.MapDistric();
        }
        else
        {
            app.MapGet("/hello", () => "hello");
            if (configuration == OpenTelemetry)
            {
                app.MapPrometheusScrapingEndpoint();
            }
        }

        return app;
    }

    private sealed class CountingExporter : ISpanExporter
    {
        public static long Count;

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            Interlocked.Add(ref Count, batch.Length);
            return true;
        }
    }
}
