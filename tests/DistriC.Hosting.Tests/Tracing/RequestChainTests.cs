using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// A traced request that calls a second endpoint of the same app through HttpClient, on real sockets: one trace, a
/// whole parent chain, and exactly one traceparent on the inner request, naming the client span.
/// </summary>
public sealed class RequestChainTests
{
    private const string IncomingTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string IncomingSpanId = "00f067aa0ba902b7";
    private const string IncomingTraceState = "congo=t61rcWkgMzE, rojo=00f067aa0ba902b7";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_inner_request_continues_the_trace_through_a_client_span(bool useFactory)
    {
        await using TracingApp app = await TracingApp.StartAsync(a => MapChain(a, useFactory), build: b => b.Services.AddHttpClient("stock"));

        string seen = await SendAsync(app, "/orders/42", $"00-{IncomingTraceId}-{IncomingSpanId}-01", IncomingTraceState);

        CollectedSpan[] spans = await app.StopAsync();
        Assert.Equal(4, spans.Length);
        CollectedSpan outer = Assert.Single(spans, s => s.Name == "GET /orders/{id}");
        CollectedSpan load = Assert.Single(spans, s => s.Name == "load order");
        CollectedSpan client = Assert.Single(spans, s => s.Kind == SpanKind.Client);
        CollectedSpan inner = Assert.Single(spans, s => s.Name == "GET /stock/{id}");
        Assert.All(spans, s => Assert.Equal(IncomingTraceId, s.TraceId.ToString()));
        Assert.Equal(IncomingSpanId, outer.ParentSpanId.ToString());
        Assert.Equal(outer.SpanId, load.ParentSpanId);
        Assert.Equal(load.SpanId, client.ParentSpanId);
        Assert.Equal(client.SpanId, inner.ParentSpanId);
        Assert.Equal((SpanKind.Server, SpanKind.Internal, SpanKind.Server), (outer.Kind, load.Kind, inner.Kind));
        Assert.All(spans, s => Assert.Equal("congo=t61rcWkgMzE, rojo=00f067aa0ba902b7", s.Context.TraceState));

        Assert.Equal("GET", client.Name);
        Assert.Equal("GET", client.Tag("http.request.method"));
        Assert.Equal("127.0.0.1", client.Tag("server.address"));
        Assert.Equal($"http://127.0.0.1:{app.BaseAddress.Port}/stock/42", client.Tag("url.full"));
        Assert.Equal("200", client.Tag("http.response.status_code"));
        Assert.Equal(SpanTagType.Long, client.TagType("http.response.status_code"));
        Assert.Equal(SpanTagType.Long, client.TagType("server.port"));
        Assert.Equal("1.1", client.Tag("network.protocol.version"));
        Assert.Equal(SpanStatus.Unset, client.Status);

        // What the inner request received: one traceparent naming the client span, and the incoming tracestate.
        Assert.Equal($"1|00-{IncomingTraceId}-{client.SpanId}-01|congo=t61rcWkgMzE, rojo=00f067aa0ba902b7", seen);

        // The log lines of both requests carry the trace, and the span active when each was written, after the fixed fields.
        var lines = app.LogLines().Where(l => l.GetProperty("component").GetString() is "orders" or "Stock").ToArray();
        Assert.Equal(2, lines.Length);
        JsonElement ordersLine = Assert.Single(lines, l => l.GetProperty("component").GetString() == "orders");
        JsonElement stockLine = Assert.Single(lines, l => l.GetProperty("component").GetString() == "Stock");
        Assert.Equal(
            ["timestamp", "level", "component", "message", "trace_id", "span_id", "order"],
            ordersLine.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((IncomingTraceId, load.SpanId.ToString()), (ordersLine.GetProperty("trace_id").GetString(), ordersLine.GetProperty("span_id").GetString()));
        Assert.Equal(
            ["timestamp", "level", "component", "message", "trace_id", "span_id", "Id"],
            stockLine.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((IncomingTraceId, inner.SpanId.ToString()), (stockLine.GetProperty("trace_id").GetString(), stockLine.GetProperty("span_id").GetString()));
    }

    [Fact]
    public async Task A_sampled_out_request_still_propagates_through_HttpClient_and_records_nothing()
    {
        await using TracingApp app = await TracingApp.StartAsync(a => MapChain(a, useFactory: false));

        string seen = await SendAsync(app, "/orders/42", $"00-{IncomingTraceId}-{IncomingSpanId}-00", traceState: null);

        Assert.Empty(await app.StopAsync());
        string[] parts = seen.Split('|');
        Assert.Equal("1", parts[0]);
        Assert.True(TraceContext.Extract(parts[1], out TraceContext sent) == DistricStatus.Ok, seen);
        Assert.Equal(IncomingTraceId, sent.TraceId.ToString());
        Assert.False(sent.IsSampled);
        Assert.Equal(string.Empty, parts[2]);
    }

    [Fact]
    public async Task A_failing_inner_call_is_a_client_span_with_error_status()
    {
        await using TracingApp app = await TracingApp.StartAsync(a =>
        {
            a.MapGet("/broken", () => Results.StatusCode(502));
            a.MapGet("/call", async (HttpContext context) =>
            {
                using var client = new HttpClient();
                using HttpResponseMessage response = await client.GetAsync(new Uri(BaseOf(context), "/broken"));
                return (int)response.StatusCode;
            });
        });

        Assert.Equal("502", await app.Client.GetStringAsync("/call"));

        CollectedSpan client = Assert.Single(await app.StopAsync(), s => s.Kind == SpanKind.Client);
        Assert.Equal(SpanStatus.Error, client.Status);
        Assert.Equal("502", client.Tag("error.type"));
    }

    private static readonly Action<ILogger, string, Exception?> StockOf =
        LoggerMessage.Define<string>(Microsoft.Extensions.Logging.LogLevel.Information, default, "Stock of {Id}");

    internal static void MapChain(WebApplication app, bool useFactory)
    {
        app.MapGet("/stock/{id}", (string id, HttpRequest request, ILoggerFactory loggers) =>
        {
            StockOf(loggers.CreateLogger("Stock"), id, null);
            return $"{request.Headers.TraceParent.Count}|{request.Headers.TraceParent}|{request.Headers.TraceState}";
        });
        app.MapGet("/orders/{id}", async (string id, Tracer tracer, JsonLogger logger, HttpContext context, IHttpClientFactory factory) =>
        {
            using TraceSpan load = tracer.StartSpan("load order");
            using ActiveSpanScope scope = load.Activate();
            logger.Write(DistriC.LogLevel.Info, "orders", "loading", [new("order", id)]);
            using HttpClient client = useFactory ? factory.CreateClient("stock") : new HttpClient();
            return await client.GetStringAsync(new Uri(BaseOf(context), "/stock/" + id));
        });
    }

    private static Uri BaseOf(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}");

    internal static async Task<string> SendAsync(TracingApp app, string path, string traceParent, string? traceState)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        if (traceState is not null)
        {
            request.Headers.TryAddWithoutValidation("tracestate", traceState);
        }

        using HttpResponseMessage response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
