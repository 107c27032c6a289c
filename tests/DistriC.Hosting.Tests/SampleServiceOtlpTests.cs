using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DistriC.Runtime.Tests.Otlp.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests;

/// <summary>The sample ships its spans, log lines and metrics to the OTLP endpoint of the environment, also in <c>--once</c> mode, before it exits.</summary>
public sealed partial class SampleServiceTests
{
    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_once_mode_ships_every_span_and_its_metrics_before_exiting()
    {
        var bodies = new ConcurrentQueue<(string Path, byte[] Body)>();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using WebApplication receiver = builder.Build();
        receiver.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            bodies.Enqueue((context.Request.Path.Value ?? string.Empty, body.ToArray()));
        });
        await receiver.StartAsync();
        int port = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        SampleRun run = await RunSampleWithEnvironmentAsync(null, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_SERVICE_NAME"] = "distric-sample",
        }, "--once", "--port", "0");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["/v1/logs", "/v1/metrics", "/v1/traces"], bodies.Select(b => b.Path).Distinct().Order(StringComparer.Ordinal));
        byte[] metricsBody = Assert.Single(bodies, b => b.Path == "/v1/metrics").Body; // the collection made at exit
        Assert.True(metricsBody.AsSpan().IndexOf("sample_requests_total"u8) >= 0, "the sample's counter is in the metrics request");
        List<ProtoMessage> spans = bodies
            .Where(b => b.Path == "/v1/traces")
            .Select(b => ProtoMessage.Parse(b.Body).One(1).Message)
            .SelectMany(r => r.One(2).Message.All(2).Select(f => f.Message))
            .ToList();
        Assert.Equal((OnceRequests * SpansPerRequest) + ScrapeSpans, spans.Count);
        Assert.Equal((2 * OnceRequests) + ScrapeSpans, spans.Count(s => s.One(6).Scalar == 2)); // /orders, /inventory, /metrics: SPAN_KIND_SERVER
        Assert.Equal(OnceRequests, spans.Count(s => s.One(6).Scalar == 3)); // the HttpClient calls to /inventory: SPAN_KIND_CLIENT
        // Its log lines too, the last one (written at shutdown) included; those written inside a request's span carry its IDs.
        List<ProtoMessage> records = LogRecords.Of(bodies.Where(b => b.Path == "/v1/logs").Select(b => b.Body));
        List<string?> messages = records.Select(r => (string?)LogRecords.BodyOf(r).Value).ToList();
        Assert.Equal("Sample service started", messages[0]);
        Assert.Equal("Sample service stopped", messages[^1]);
        HashSet<string> spanIds = spans.Select(s => Convert.ToHexString(s.One(2).Bytes).ToLowerInvariant()).ToHashSet();
        List<ProtoMessage> inRequests = records.Where(r => r.Optional(LogRecords.SpanId) is not null).ToList();
        Assert.All(inRequests, r => Assert.Contains(LogRecords.Hex(r, LogRecords.SpanId)!, spanIds));
        ProtoMessage resource = ProtoMessage.Parse(bodies.First(b => b.Path == "/v1/traces").Body).One(1).Message.One(1).Message;
        Assert.Contains(resource.All(1).Select(f => f.Message),
            kv => kv.One(1).Text == "service.name" && kv.One(2).Message.One(1).Text == "distric-sample");
    }
}
