using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests.Logging;

public sealed class AspNetCoreLoggingTests
{
    [Fact]
    public async Task Application_and_framework_ILogger_calls_become_json_lines_and_the_logger_is_monitored()
    {
        var output = new MemoryStream();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(output)).AddLoggerProvider();
        WebApplication app = builder.Build();
        app.MapGet("/orders/{id:int}", (int id, ILogger<AspNetCoreLoggingTests> logger) =>
        {
            OrderLog.Served(logger, id, "EUR");
            return "ok";
        });
        app.MapDistric();
        await app.StartAsync();
        string scrape;
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            Assert.Equal("ok", await client.GetStringAsync("/orders/7"));
            scrape = await client.GetStringAsync("/metrics");
            await app.StopAsync();
        }

        IReadOnlyList<JsonElement> lines = JsonLines.Parse(output.ToArray());
        JsonElement served = Assert.Single(lines, l => JsonLines.Text(l, "message") == "Served order 7 in EUR");
        // Written inside the request, so the server span's ids follow the fixed fields.
        Assert.Equal(["timestamp", "level", "component", "message", "trace_id", "span_id", "event_id", "event_name", "OrderId", "Currency"], JsonLines.Names(served));
        Assert.Equal("INFO", JsonLines.Text(served, "level"));
        Assert.Equal(typeof(AspNetCoreLoggingTests).FullName, JsonLines.Text(served, "component"));
        Assert.Equal(3, served.GetProperty("event_id").GetInt32());
        Assert.Equal("Served", JsonLines.Text(served, "event_name"));
        Assert.Equal(7, served.GetProperty("OrderId").GetInt32());
        // The host's own lifetime messages arrive through the same provider.
        Assert.Contains(lines, l => JsonLines.Text(l, "component") == "Microsoft.Hosting.Lifetime");
        Assert.Contains("\ndistric_internal_log_writer_healthy 1\n", scrape, StringComparison.Ordinal);
    }
}

/// <summary>A source-generated ILogger message, the form application code is encouraged to use.</summary>
internal static partial class OrderLog
{
    [LoggerMessage(EventId = 3, EventName = "Served", Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Served order {OrderId} in {Currency}")]
    public static partial void Served(ILogger logger, int orderId, string currency);
}
