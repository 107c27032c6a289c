using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>Server spans that AddDistric records for every request, on a real Kestrel over 127.0.0.1.</summary>
public sealed class ServerSpanTests
{
    private const string IncomingTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string IncomingSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task A_request_with_a_traceparent_is_a_server_span_continuing_it_with_a_child_started_after_await()
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders);
        int port = app.BaseAddress.Port;

        string active = await SendAsync(app, "/orders/42", $"00-{IncomingTraceId}-{IncomingSpanId}-01");

        CollectedSpan[] spans = await app.StopAsync();
        Assert.Equal(2, spans.Length);
        CollectedSpan server = Assert.Single(spans, s => s.Kind == SpanKind.Server);
        CollectedSpan child = Assert.Single(spans, s => s.Kind == SpanKind.Internal);
        Assert.Equal("GET /orders/{id}", server.Name);
        Assert.Equal(IncomingTraceId, server.TraceId.ToString());
        Assert.Equal(IncomingSpanId, server.ParentSpanId.ToString());
        Assert.Equal(SpanStatus.Unset, server.Status);
        Assert.Equal(
            [
                new("http.request.method", "GET"), new("url.path", "/orders/42"), new("url.scheme", "http"),
                new("server.address", "127.0.0.1"), new("server.port", port),
                new("network.protocol.version", "1.1"), new("http.route", "/orders/{id}"), new("http.response.status_code", 200),
            ],
            server.Tags);
        Assert.Equal("load order", child.Name);
        Assert.Equal(server.TraceId, child.TraceId);
        Assert.Equal(server.SpanId, child.ParentSpanId);
        Assert.Equal(server.Context.ToString(), active); // Tracer.ActiveSpan inside the handler is the server span
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0")] // one flag digit short
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")] // upper case
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")] // all-zero trace id
    public async Task No_header_or_a_malformed_one_starts_a_new_trace(string? traceParent)
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders);

        await SendAsync(app, "/orders/7", traceParent);

        CollectedSpan server = Assert.Single(await app.StopAsync(), s => s.Kind == SpanKind.Server);
        Assert.False(server.ParentSpanId.IsValid);
        Assert.True(server.TraceId.IsValid);
        Assert.NotEqual(IncomingTraceId, server.TraceId.ToString());
        Assert.True(server.Context.IsTraceIdRandom);
    }

    [Fact]
    public async Task Two_traceparent_headers_are_no_parent()
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/1");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{IncomingTraceId}-{IncomingSpanId}-01");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{IncomingTraceId}-00f067aa0ba902b8-01");
        using HttpResponseMessage response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        CollectedSpan server = Assert.Single(await app.StopAsync(), s => s.Kind == SpanKind.Server);
        Assert.False(server.ParentSpanId.IsValid);
        Assert.NotEqual(IncomingTraceId, server.TraceId.ToString());
    }

    [Fact]
    public async Task A_sampled_out_request_records_nothing_but_still_propagates_its_trace()
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders);

        string active = await SendAsync(app, "/orders/42", $"00-{IncomingTraceId}-{IncomingSpanId}-00");

        Assert.Empty(await app.StopAsync());
        Assert.True(TraceContext.Extract(active, out TraceContext context) == DistricStatus.Ok, active);
        Assert.Equal(IncomingTraceId, context.TraceId.ToString());
        Assert.NotEqual(IncomingSpanId, context.SpanId.ToString());
        Assert.False(context.IsSampled);
    }

    [Fact]
    public async Task An_unmatched_route_is_named_by_the_method_alone_and_has_no_route_tag()
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders);

        using HttpResponseMessage response = await app.Client.DeleteAsync("/no/such/path/123");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        CollectedSpan server = Assert.Single(await app.StopAsync());
        Assert.Equal("DELETE", server.Name);
        Assert.False(server.HasTag("http.route"));
        Assert.Equal("404", server.Tag("http.response.status_code"));
        Assert.Equal("/no/such/path/123", server.Tag("url.path"));
        Assert.Equal(SpanStatus.Unset, server.Status);
    }

    [Fact]
    public async Task A_method_outside_the_standard_set_is_OTHER_and_named_HTTP()
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders);

        using HttpResponseMessage response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod("PURGE"), "/orders/1"));

        CollectedSpan server = Assert.Single(await app.StopAsync());
        Assert.Equal("HTTP", server.Name);
        Assert.Equal("_OTHER", server.Tag("http.request.method"));
        Assert.Equal("PURGE", server.Tag("http.request.method_original"));
    }

    [Fact]
    public async Task A_5xx_response_and_an_unhandled_exception_are_errors()
    {
        await using TracingApp app = await TracingApp.StartAsync(a =>
        {
            a.MapGet("/busy", () => Results.StatusCode(503));
            a.MapGet("/fail/{reason}", string (string reason) => throw new InvalidOperationException(reason));
        });

        using HttpResponseMessage busy = await app.Client.GetAsync("/busy");
        using HttpResponseMessage fail = await app.Client.GetAsync("/fail/boom");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, fail.StatusCode);

        Dictionary<string, CollectedSpan> spans = (await app.StopAsync()).ToDictionary(s => s.Name);
        Assert.Equal(2, spans.Count);
        Assert.Equal(SpanStatus.Error, spans["GET /busy"].Status);
        Assert.Equal("503", spans["GET /busy"].Tag("error.type"));
        Assert.Equal("503", spans["GET /busy"].Tag("http.response.status_code"));
        Assert.Equal(SpanStatus.Error, spans["GET /fail/{reason}"].Status);
        Assert.Equal("System.InvalidOperationException", spans["GET /fail/{reason}"].Tag("error.type"));
        Assert.Equal("500", spans["GET /fail/{reason}"].Tag("http.response.status_code"));
    }

    [Fact]
    public async Task Server_spans_can_be_switched_off()
    {
        await using TracingApp app = await TracingApp.StartAsync(MapOrders, o => o.RequestTracing.ServerSpans = false);

        string active = await SendAsync(app, "/orders/42", $"00-{IncomingTraceId}-{IncomingSpanId}-01");

        CollectedSpan child = Assert.Single(await app.StopAsync());
        Assert.Equal("load order", child.Name);
        Assert.Equal(string.Empty, active); // no active DistriC span in the handler
    }

    internal static void MapOrders(WebApplication app) => app.MapGet("/orders/{id}", async (string id, Tracer tracer) =>
    {
        string active = Tracer.ActiveSpan.Context.ToString();
        await Task.Yield();
        using TraceSpan span = tracer.StartSpan("load order");
        span.SetTag("order.id", id);
        return active;
    });

    private static async Task<string> SendAsync(TracingApp app, string path, string? traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }

        using HttpResponseMessage response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
