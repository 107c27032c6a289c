using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// A failure inside DistriC's own request tracing (the HttpClient listener's callbacks, the server-span middleware) is
/// caught and counted and never reaches the application: its request and its HttpClient call succeed. Faults are made
/// through the tests' hook, only for requests whose path carries this test's marker, so other tests are not affected.
/// </summary>
public sealed class TracingFaultTests
{
    [Theory]
    [InlineData(1)] // the start event: no client span, the call still succeeds
    [InlineData(2)] // the stop event: the client span is still finished and exported
    public async Task A_throwing_client_span_callback_is_counted_and_the_HttpClient_call_succeeds(int failingProbe)
    {
        string marker = "client-fault-" + Guid.NewGuid().ToString("N");
        await using TracingApp app = await TracingApp.StartAsync(MapChain);
        long before = RequestTracingFaults.Count;
        int probes = 0;
        RequestTracingFaults.Inject = request =>
        {
            if (request is HttpRequestMessage message && message.RequestUri!.AbsolutePath.Contains(marker, StringComparison.Ordinal)
                && Interlocked.Increment(ref probes) == failingProbe)
            {
                throw new InvalidOperationException("injected client-span fault");
            }
        };
        try
        {
            Assert.Equal("stock of " + marker, await app.Client.GetStringAsync("/orders/" + marker));
        }
        finally
        {
            RequestTracingFaults.Inject = null;
        }

        Assert.Equal(before + 1, RequestTracingFaults.Count);
        string metrics = await app.Client.GetStringAsync("/metrics");
        Assert.Contains("\n" + RequestTracingFaults.MetricName + " ", metrics, StringComparison.Ordinal);

        CollectedSpan[] spans = await app.StopAsync();
        Assert.Single(spans, s => s.Name == "GET /orders/{id}");
        Assert.Single(spans, s => s.Name == "GET /stock/{id}");
        CollectedSpan[] clients = spans.Where(s => s.Kind == SpanKind.Client).ToArray();
        if (failingProbe == 1)
        {
            Assert.Empty(clients);
        }
        else
        {
            CollectedSpan client = Assert.Single(clients);
            Assert.False(client.HasTag("http.response.status_code")); // the outcome was not tagged, the span still ended
        }
    }

    [Theory]
    [InlineData(1)] // starting the span: the request runs untraced
    [InlineData(2)] // completing it: the span ends without its outcome tags
    public async Task A_throwing_server_span_step_is_counted_and_the_request_succeeds(int failingProbe)
    {
        string marker = "server-fault-" + Guid.NewGuid().ToString("N");
        await using TracingApp app = await TracingApp.StartAsync(a => a.MapGet("/plain/{id}", (string id) => "plain " + id));
        long before = RequestTracingFaults.Count;
        int probes = 0;
        RequestTracingFaults.Inject = request =>
        {
            if (request is HttpContext context && context.Request.Path.Value!.Contains(marker, StringComparison.Ordinal)
                && Interlocked.Increment(ref probes) == failingProbe)
            {
                throw new InvalidOperationException("injected server-span fault");
            }
        };
        try
        {
            using HttpResponseMessage response = await app.Client.GetAsync("/plain/" + marker);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("plain " + marker, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            RequestTracingFaults.Inject = null;
        }

        Assert.Equal(before + 1, RequestTracingFaults.Count);
        CollectedSpan[] spans = await app.StopAsync();
        if (failingProbe == 1)
        {
            Assert.Empty(spans);
        }
        else
        {
            CollectedSpan server = Assert.Single(spans);
            Assert.Equal(SpanKind.Server, server.Kind);
            Assert.Equal("GET", server.Name); // not renamed after routing: completing it failed before that
        }
    }

    private static void MapChain(WebApplication app)
    {
        app.MapGet("/stock/{id}", (string id) => "stock of " + id);
        app.MapGet("/orders/{id}", async (string id, HttpContext context) =>
        {
            using var client = new HttpClient();
            return await client.GetStringAsync(new Uri($"{context.Request.Scheme}://{context.Request.Host}/stock/{id}"));
        });
        app.MapDistric();
    }
}
