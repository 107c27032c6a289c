using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// Runs alone: OpenTelemetry's listener on the Microsoft.AspNetCore ActivitySource sees the requests of every app in the
/// process, so other tests' requests must not run at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenTelemetryAlone
{
    public const string Name = "OpenTelemetry side by side";
}

/// <summary>What README.md says happens with OpenTelemetry's ASP.NET Core instrumentation installed next to DistriC.</summary>
[Collection(OpenTelemetryAlone.Name)]
public sealed class OpenTelemetrySideBySideTests
{
    private const string IncomingTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string IncomingSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task The_DistriC_server_span_is_a_child_of_OpenTelemetrys_and_the_trace_stays_whole()
    {
        var exported = new List<Activity>();
        await using TracingApp app = await TracingApp.StartAsync(ServerSpanTests.MapOrders);
        int port = app.BaseAddress.Port;
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder()
            .AddAspNetCoreInstrumentation(o => o.Filter = context => context.Request.Host.Port == port)
            .AddInMemoryExporter(exported)
            .Build())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/42");
            request.Headers.TryAddWithoutValidation("traceparent", $"00-{IncomingTraceId}-{IncomingSpanId}-01");
            using HttpResponseMessage response = await app.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            CollectedSpan[] spans = await app.StopAsync(); // requests drained, so OpenTelemetry's activity has stopped too
            provider.ForceFlush();

            Activity otel = Assert.Single(exported);
            Assert.Equal(ActivityKind.Server, otel.Kind);
            Assert.Equal(IncomingTraceId, otel.TraceId.ToHexString());
            Assert.Equal(IncomingSpanId, otel.ParentSpanId.ToHexString());

            Assert.Equal(2, spans.Length);
            CollectedSpan server = Assert.Single(spans, s => s.Kind == SpanKind.Server);
            CollectedSpan load = Assert.Single(spans, s => s.Name == "load order");
            Assert.Equal("GET /orders/{id}", server.Name);
            Assert.Equal(IncomingTraceId, server.TraceId.ToString());
            Assert.Equal(otel.SpanId.ToHexString(), server.ParentSpanId.ToString());
            Assert.Equal(server.SpanId, load.ParentSpanId);
        }
    }

    [Fact]
    public async Task With_DistriC_server_spans_off_spans_of_the_app_are_children_of_OpenTelemetrys_server_span()
    {
        var exported = new List<Activity>();
        await using TracingApp app = await TracingApp.StartAsync(ServerSpanTests.MapOrders, o => o.RequestTracing.ServerSpans = false);
        int port = app.BaseAddress.Port;
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder()
            .AddAspNetCoreInstrumentation(o => o.Filter = context => context.Request.Host.Port == port)
            .AddInMemoryExporter(exported)
            .Build())
        {
            await app.Client.GetStringAsync("/orders/42");
            CollectedSpan[] spans = await app.StopAsync();
            provider.ForceFlush();

            Activity otel = Assert.Single(exported);
            CollectedSpan load = Assert.Single(spans);
            Assert.Equal("load order", load.Name);
            Assert.Equal(otel.TraceId.ToHexString(), load.TraceId.ToString());
            Assert.Equal(otel.SpanId.ToHexString(), load.ParentSpanId.ToString());
        }
    }
}
