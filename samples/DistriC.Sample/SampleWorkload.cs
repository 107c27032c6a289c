using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistriC.Sample;

/// <summary>
/// The sample's request handler, instrumented with DistriC, behind the real endpoint <c>/orders/{id}</c> (GET and POST).
/// Each request runs inside its server span (AddDistric): a child span for the queue work, an HttpClient call to the
/// app's own <c>/inventory/{id}</c> (a client span, and a second server span continuing the trace), the generated metrics
/// (labelled request counter and latency histogram with exemplars, queue-depth gauge), a warning logged when it fails,
/// and the health component DEGRADED while the simulated queue is backed up.
/// </summary>
internal sealed class SampleWorkload
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client for the inventory call.</summary>
    public const string InventoryClient = "inventory";

    // Hysteresis: backed up above 40 items, recovered only below 30, so noise around one threshold does not flap the
    // health status (and the log) on every request.
    private const int BackedUpDepth = 40;
    private const int RecoveredDepth = 30;

    private readonly SampleRequests _requests;
    private readonly SampleRequestDuration _latency;
    private readonly SampleQueueDepth _queueDepth;
    private readonly HealthComponent _health;
    private readonly JsonLogger _log;
    private readonly Tracer _tracer;
    private readonly IHttpClientFactory _clients;
    private readonly object _gate = new();
#pragma warning disable CA5394 // Simulated traffic, not security: a seeded generator keeps runs reproducible.
    private readonly Random _random = new(42);
    private long _handled;
    private bool _backedUp;

    public SampleWorkload(MetricRegistry metrics, HealthRegistry health, JsonLogger log, Tracer tracer, IHttpClientFactory clients)
    {
        _requests = new SampleRequests(metrics);
        _latency = new SampleRequestDuration(metrics);
        _queueDepth = new SampleQueueDepth(metrics);
        _ = new SampleBuildInfo(metrics);
        _health = health.Register("workload");
        _health.Update(HealthStatus.Up, "processing");
        _log = log;
        _tracer = tracer;
        _clients = clients;
    }

    /// <summary>Requests to <c>/orders/{id}</c> handled so far.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Maps the sample's endpoints.</summary>
    public static void Map(WebApplication app)
    {
        app.MapMethods("/orders/{id}", [HttpMethods.Get, HttpMethods.Post], (int id, HttpRequest request, SampleWorkload workload) => workload.HandleOrderAsync(id, request));
        app.MapGet("/inventory/{id}", (int id) => "in stock: " + (id * 3 % 17).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Handles one order request; runs while its server span is <see cref="Tracer.ActiveSpan"/>.</summary>
    public async Task<IResult> HandleOrderAsync(int id, HttpRequest request)
    {
        SampleRequests.Method method = HttpMethods.IsPost(request.Method) ? SampleRequests.Method.POST : SampleRequests.Method.GET;
        int depth;
        using (TraceSpan work = _tracer.StartSpan("queue.process")) // a child of the request's server span
        {
            depth = NextQueueDepth();
        }

        // A client span, child of the server span; the inventory request's own server span continues the trace.
        HttpClient client = _clients.CreateClient(InventoryClient);
        string stock = await client.GetStringAsync(new Uri($"{request.Scheme}://{request.Host}/inventory/{id}")).ConfigureAwait(false);

        (StatusClass status, int code, double seconds) = NextOutcome();
        // Counted while the server span is active: a sampled span becomes the exemplar of the series and bucket.
        _requests.Inc(method, status);
        _latency.Observe(method == SampleRequests.Method.GET ? SampleRequestDuration.Method.GET : SampleRequestDuration.Method.POST, status, seconds);
        if (code >= 500)
        {
            _log.RequestFailed(method, code, seconds * 1000); // carries the request's trace_id and span_id
        }

        UpdateHealth(depth);
        Interlocked.Increment(ref _handled);
        return code == 200 ? Results.Text(stock) : Results.StatusCode(code);
    }

    private (StatusClass Status, int Code, double Seconds) NextOutcome()
    {
        lock (_gate)
        {
            int roll = _random.Next(100);
            (StatusClass status, int code) = roll < 90 ? (StatusClass.Success, 200) : roll < 97 ? (StatusClass.ClientError, 404) : (StatusClass.ServerError, 503);
            return (status, code, 0.002 + (_random.NextDouble() * _random.NextDouble() * 0.8));
        }
    }

    // A slow wave (period 300 requests) plus noise: between about 2 and 46 items, so the gauge always moves, never sticks
    // at zero, and crosses the backed-up threshold near each crest (and the recovered one after it).
    private int NextQueueDepth()
    {
        int noise;
        lock (_gate)
        {
            noise = _random.Next(-4, 5);
        }

        double wave = 24 + (18 * Math.Sin(2 * Math.PI * Handled / 300.0));
        int depth = Math.Max(0, (int)Math.Round(wave) + noise);
        _queueDepth.Set(depth);
        return depth;
    }
#pragma warning restore CA5394

    private void UpdateHealth(int depth)
    {
        lock (_gate)
        {
            bool backedUp = _backedUp ? depth >= RecoveredDepth : depth > BackedUpDepth;
            if (backedUp == _backedUp)
            {
                return;
            }

            _backedUp = backedUp;
            _health.Update(backedUp ? HealthStatus.Degraded : HealthStatus.Up, backedUp ? "queue backed up" : "processing");
            if (backedUp)
            {
                _log.QueueBackedUp(depth);
            }
            else
            {
                _log.QueueRecovered(depth);
            }
        }
    }
}
