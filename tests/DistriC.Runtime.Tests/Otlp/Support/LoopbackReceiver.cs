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
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>One request a <see cref="LoopbackReceiver"/> received: its path, headers and raw body.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing an OTLP receiver whose answers the test scripts: the faults a real
/// receiver cannot be made to show on demand (503 with Retry-After, answering after the client's timeout, gzip checks).
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private LoopbackReceiver(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public Uri TracesUri => new($"http://127.0.0.1:{Port}/v1/traces");

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a receiver; <paramref name="answer"/> gets the request's number (from 1) and writes the response.</summary>
    public static async Task<LoopbackReceiver> StartAsync(Func<int, HttpContext, Task> answer, int port = 0)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        WebApplication app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        int count = 0;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver._requests.Enqueue(new ReceivedRequest(
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await answer(System.Threading.Interlocked.Increment(ref count), context);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Port = new Uri(address).Port;
        return receiver;
    }

    /// <summary>Answers 200 with an empty protobuf body.</summary>
    public static Task Ok(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
