using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// A real Kestrel app on 127.0.0.1 with <c>AddDistric</c> and a collecting exporter. <see cref="StopAsync"/> drains the
/// in-flight requests and disposes the container, whose tracer then exports every finished span: no waiting on timers.
/// </summary>
internal sealed class TracingApp : IAsyncDisposable
{
    private bool _stopped;

    private TracingApp(WebApplication app, SpanCollector spans, MemoryStream log)
    {
        App = app;
        Collector = spans;
        Log = log;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
    }

    public WebApplication App { get; }

    public SpanCollector Collector { get; }

    public MemoryStream Log { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<TracingApp> StartAsync(
        Action<WebApplication> map, Action<DistricOptions>? configure = null, Action<WebApplicationBuilder>? build = null)
    {
        var spans = new SpanCollector();
        var log = new MemoryStream();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDistric(o =>
        {
            o.LogOutput = DistricLogOutput.Stream(log);
            o.Logging = new JsonLoggerOptions { Mode = LogMode.Sync };
            o.Tracing = new TracerOptions { Exporter = spans };
            configure?.Invoke(o);
        }).AddLoggerProvider(ConsoleLoggerReplacement.Never);
        builder.Services.AddHttpClient();
        build?.Invoke(builder);
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TracingApp(app, spans, log);
    }

    /// <summary>The JSON lines written so far (complete once <see cref="StopAsync"/> returned), parsed.</summary>
    public System.Collections.Generic.List<System.Text.Json.JsonElement> LogLines()
    {
        string text = System.Text.Encoding.UTF8.GetString(Log.ToArray());
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)];
    }

    /// <summary>Stops the app (in-flight requests complete) and disposes its services (the tracer's final export); returns the spans.</summary>
    public async Task<CollectedSpan[]> StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }

        return Collector.Spans;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
