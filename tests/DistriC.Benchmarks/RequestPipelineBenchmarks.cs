using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DistriC.Benchmarks.RequestCost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Benchmarks;

/// <summary>
/// One <c>GET /hello</c> through the real ASP.NET Core host without sockets: the apps of <see cref="RequestCostApps"/>
/// (bare, AddDistric and its parts, OpenTelemetry) with Kestrel replaced by <see cref="InProcessServer"/>, which calls the
/// host's <c>IHttpApplication</c> (hosting diagnostics, request Activity, hosting metrics, middleware, endpoint) on the
/// benchmark's thread with a reused connection context. Without the socket and HTTP parsing noise, the difference to
/// <c>bare</c> is each configuration's own per-request time and, with the memory diagnoser, its bytes per request.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("RequestPipeline")]
public class RequestPipelineBenchmarks
{
    // OpenTelemetry's in-memory exporter keeps every span: the list is emptied this often (its capacity stays).
    private const int ClearEvery = 4096;

    private readonly List<Activity> _otelSpans = new();
    private WebApplication _app = null!;
    private InProcessServer _server = null!;
    private int _sinceClear;

    [Params(RequestCostApps.Bare, RequestCostApps.Distric, RequestCostApps.DistricSpansOnly, RequestCostApps.OpenTelemetry)]
    public string Configuration { get; set; } = RequestCostApps.Bare;

    [GlobalSetup]
    public void Setup()
    {
        _server = new InProcessServer();
        _app = RequestCostApps.Build(Configuration, _otelSpans, services => services.AddSingleton<IServer>(_server));
        _app.StartAsync().GetAwaiter().GetResult();
        // A warm pipeline: endpoint and route caches built, DistriC's span pool filled once the first spans are exported.
        for (int i = 0; i < 20_000; i++)
        {
            Request().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _app.StopAsync().GetAwaiter().GetResult();

    [Benchmark]
    public Task Request()
    {
        if (++_sinceClear == ClearEvery)
        {
            _sinceClear = 0;
            _otelSpans.Clear();
        }

        return _server.InvokeAsync();
    }
}
