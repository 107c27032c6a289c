namespace DistriC.Package.Tests;

/// <summary>
/// Program.cs of the ASP.NET Core consumer, which references only the hosting package: AddDistric, AddLoggerProvider and
/// MapDistric as the README shows them, a declared counter and a [LogEvent] method (the generator must arrive through the
/// hosting package's dependency), Kestrel on a free loopback port. It writes its address to standard error, serves until
/// <c>/stop</c> is requested, then stops the host (final flush of the JSON log on standard output).
/// </summary>
internal static class WebConsumerSource
{
    public const string Program = """
        using DistriC;
        using DistriC.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDistric(o => o.Logging.MinimumLevel = DistriC.LogLevel.Info).AddLoggerProvider();
        await using WebApplication app = builder.Build();
        app.MapDistric();
        var orders = new Orders(app.Services.GetRequiredService<MetricRegistry>());
        app.MapGet("/orders/{id}", (int id, ILogger<Program> log, JsonLogger json) =>
        {
            orders.Inc(Orders.Outcome.Served);
            log.LogInformation("Served order {OrderId}", id);
            json.OrderServed(id);
            return Results.Text($"order {id}");
        });
        app.MapGet("/stop", (IHostApplicationLifetime lifetime) =>
        {
            lifetime.StopApplication();
            return Results.Text("stopping");
        });
        await app.StartAsync();
        await Console.Error.WriteLineAsync("listening " + app.Urls.Single());
        await app.WaitForShutdownAsync();

        [Metric(MetricKind.Counter, "shop_orders_total", Help = "Orders handled")]
        [Label("outcome", "served", "rejected")]
        public sealed partial class Orders;

        public static partial class ShopLog
        {
            [LogEvent(DistriC.LogLevel.Info, "shop", "Order served")]
            public static partial void OrderServed(this JsonLogger logger, int orderId);
        }
        """;
}
