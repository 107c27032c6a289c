using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests.DependencyInjection;

/// <summary><c>AddDistric</c> turns on span export when an OTLP traces endpoint is configured, and only then.</summary>
public sealed class AddDistricOtlpTests
{
    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_spans_go_to_v1_traces_and_metrics_to_v1_metrics_flushed_on_dispose()
    {
        var bodies = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using WebApplication receiver = await StartReceiverAsync(bodies);
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{Port(receiver)}",
            ["OTEL_SERVICE_NAME"] = "di-test",
        };
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()))
            .AddOtlpExport(o => o.EnvironmentReader = environment.GetValueOrDefault);
        MetricRegistry registry;
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            registry = provider.GetRequiredService<MetricRegistry>();
            Tracer tracer = provider.GetRequiredService<Tracer>();
            var exporter = Assert.IsType<OtlpSpanExporter>(tracer.Options.Exporter);
            Assert.Equal("di-test", exporter.Resource.ServiceName);
            tracer.StartSpan("shipped", SpanKind.Server).Finish();
            tracer.StartSpan("shipped too").Finish();
        }

        // The base endpoint turns on every signal: spans to /v1/traces, the registry to /v1/metrics (its final export).
        Assert.Equal(["/v1/metrics", "/v1/traces"], bodies.Select(b => b.Path).Order(StringComparer.Ordinal));
        byte[] body = bodies.Single(b => b.Path == "/v1/traces").Body;
        Assert.True(body.AsSpan().IndexOf("shipped too"u8) >= 0, "the second span's name is in the request");
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"traces\",result=\"success\"} 2\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_metrics_endpoint_the_registry_is_sent_to_v1_metrics_and_once_more_on_dispose()
    {
        var bodies = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using WebApplication receiver = await StartReceiverAsync(bodies);
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = $"http://127.0.0.1:{Port(receiver)}/custom/metrics",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "3600000",
        };
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()))
            .AddOtlpExport(o => o.EnvironmentReader = environment.GetValueOrDefault);
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            MetricRegistry registry = provider.GetRequiredService<MetricRegistry>();
            registry.CreateCounter("di_jobs_total", "Jobs").Add(9);
            Assert.IsNotType<OtlpSpanExporter>(provider.GetRequiredService<Tracer>().Options.Exporter); // no traces endpoint
            Assert.Contains("distric_internal_otlp_healthy{signal=\"metrics\"} 1\n", registry.ExportText(), StringComparison.Ordinal);
        }

        (string path, byte[] body) = Assert.Single(bodies); // the hour-long interval never elapsed: this is the final export
        Assert.Equal("/custom/metrics", path);
        Assert.True(body.AsSpan().IndexOf("di_jobs_total"u8) >= 0, "the counter is in the request");
    }

    [Fact]
    public async Task With_a_logs_endpoint_the_logger_ships_its_lines_there_besides_its_stream_and_the_last_ones_on_dispose()
    {
        var bodies = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using WebApplication receiver = await StartReceiverAsync(bodies);
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = $"http://127.0.0.1:{Port(receiver)}/custom/logs",
            ["OTEL_SERVICE_NAME"] = "di-logs",
        };
        using var stream = new MemoryStream();
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(stream))
            .AddOtlpExport(o =>
            {
                o.EnvironmentReader = environment.GetValueOrDefault;
                o.LogBatching = new OtlpLogBatchOptions { ScheduleDelay = TimeSpan.FromHours(1) }; // only the final flush sends
            });
        MetricRegistry registry;
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            registry = provider.GetRequiredService<MetricRegistry>();
            JsonLogger logger = provider.GetRequiredService<JsonLogger>();
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "di", "shipped over OTLP"));
            Assert.IsNotType<OtlpSpanExporter>(provider.GetRequiredService<Tracer>().Options.Exporter); // no traces endpoint
            Assert.Contains("distric_internal_otlp_healthy{signal=\"logs\"} 1\n", registry.ExportText(), StringComparison.Ordinal);
        }

        (string path, byte[] body) = Assert.Single(bodies);
        Assert.Equal("/custom/logs", path);
        Assert.True(body.AsSpan().IndexOf("shipped over OTLP"u8) >= 0, "the line's message is in the request");
        Assert.True(body.AsSpan().IndexOf("di-logs"u8) >= 0, "the resource names the service");
        Assert.Contains("\"message\":\"shipped over OTLP\"", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"logs\",result=\"success\"} 1\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_logger_options_copied_for_the_log_exporter_are_every_settable_option()
    {
        // AddDistric adds the exporter to a copy of DistricOptions.Logging (the application's object stays as it was). A new
        // option must be copied there too (DistricServiceCollectionExtensions.WithSink); this fails until it is.
        string[] settable = typeof(JsonLoggerOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["FullMode", "FullWaitTimeout", "MaxEntryBytes", "MinimumLevel", "Mode", "RingCapacity", "TimeProvider", "WriterStallThreshold"],
            settable);
        var options = new JsonLoggerOptions { MinimumLevel = LogLevel.Warn, MaxEntryBytes = 512, RingCapacity = 1 << 16 };
        var services = new ServiceCollection();
        services.AddDistric(o =>
        {
            o.LogOutput = DistricLogOutput.Stream(new MemoryStream());
            o.Logging = options;
        }).AddOtlpExport(o => o.EnvironmentReader = name => name == "OTEL_EXPORTER_OTLP_ENDPOINT" ? "http://127.0.0.1:9" : null);
        using ServiceProvider provider = services.BuildServiceProvider();

        JsonLogger logger = provider.GetRequiredService<JsonLogger>();
        Assert.Equal((LogLevel.Warn, 512, 1 << 16), (logger.MinimumLevel, logger.MaxEntryBytes, logger.RingCapacity));
        Assert.Empty(options.Sinks);
    }

    [Fact]
    public void Without_an_endpoint_spans_are_not_exported_and_no_otlp_series_appear()
    {
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()))
            .AddOtlpExport(o => o.EnvironmentReader = _ => null);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsNotType<OtlpSpanExporter>(provider.GetRequiredService<Tracer>().Options.Exporter);
        Assert.DoesNotContain("distric_internal_otlp_", provider.GetRequiredService<MetricRegistry>().ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_span_exporter_wins_over_the_environment()
    {
        var mine = new NullExporter();
        var services = new ServiceCollection();
        services.AddSingleton<ISpanExporter>(mine);
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()))
            .AddOtlpExport(o => o.EnvironmentReader = name => name == "OTEL_EXPORTER_OTLP_ENDPOINT" ? "http://127.0.0.1:9" : null);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<Tracer>().Options.Exporter);
    }

    [Fact]
    public void Options_in_code_export_even_when_the_environment_is_ignored()
    {
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()))
            .AddOtlpExport(o =>
            {
                o.ReadEnvironment = false;
                o.Traces = new OtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:9/v1/traces"), Resource = OtlpResource.Create("in-code") };
            });
        using ServiceProvider provider = services.BuildServiceProvider();

        var exporter = Assert.IsType<OtlpSpanExporter>(provider.GetRequiredService<Tracer>().Options.Exporter);
        Assert.Equal("in-code", exporter.Resource.ServiceName);
    }

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<(string, byte[])> bodies)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            bodies.Enqueue((context.Request.Path.Value ?? string.Empty, body.ToArray()));
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        return app;
    }

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

    private sealed class NullExporter : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
    }
}
