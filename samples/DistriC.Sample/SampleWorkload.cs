using System;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Sample;

/// <summary>
/// A simulated request handler instrumented with DistriC. Each request moves the generated metrics (labelled request counter,
/// latency histogram, queue-depth gauge), is traced (a request span with a child span for the queue work), logs a warning
/// when it fails, and flips the health component to DEGRADED while the simulated queue is backed up.
/// </summary>
internal sealed class SampleWorkload
{
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
#pragma warning disable CA5394 // Simulated traffic, not security: a seeded generator keeps runs reproducible.
    private readonly Random _random = new(42);
    private long _handled;
    private bool _backedUp;

    public SampleWorkload(MetricRegistry metrics, HealthRegistry health, JsonLogger log, Tracer tracer)
    {
        _requests = new SampleRequests(metrics);
        _latency = new SampleRequestDuration(metrics);
        _queueDepth = new SampleQueueDepth(metrics);
        _ = new SampleBuildInfo(metrics);
        _health = health.Register("workload");
        _health.Update(HealthStatus.Up, "processing");
        _log = log;
        _tracer = tracer;
    }

    /// <summary>Requests handled so far.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Handles one simulated request.</summary>
    public void Step()
    {
        SampleRequests.Method method = _random.Next(10) < 7 ? SampleRequests.Method.GET : SampleRequests.Method.POST;
        using TraceSpan request = _tracer.StartSpan(method == SampleRequests.Method.GET ? "GET /work" : "POST /work", SpanKind.Server);
        int depth;
        StatusClass status;
        int code;
        double seconds;
        using (request.Activate())
        {
            using (TraceSpan work = _tracer.StartSpan("queue.process")) // a child: the request span is active
            {
                depth = NextQueueDepth();
            }

            int roll = _random.Next(100);
            (status, code) = roll < 90 ? (StatusClass.Success, 200) : roll < 97 ? (StatusClass.ClientError, 404) : (StatusClass.ServerError, 503);
            seconds = 0.002 + (_random.NextDouble() * _random.NextDouble() * 0.8);
            // Counted while the request span is active: a sampled span becomes the exemplar of the series and bucket.
            _requests.Inc(method, status);
            _latency.Observe(method == SampleRequests.Method.GET ? SampleRequestDuration.Method.GET : SampleRequestDuration.Method.POST, status, seconds);
        }

        string methodText = method == SampleRequests.Method.GET ? "GET" : "POST";
        request.SetTag("http.method", methodText);
        request.SetTag("http.status_code", code == 200 ? "200" : code == 404 ? "404" : "503");
        request.SetStatus(code >= 500 ? SpanStatus.Error : SpanStatus.Ok);
        if (code >= 500)
        {
            using (request.Activate())
            {
                _log.RequestFailed(method, code, seconds * 1000);
            }
        }

        UpdateHealth(depth);
        Interlocked.Increment(ref _handled);
    }

    /// <summary>Handles a simulated request every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Step();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    // A slow wave (period 300 requests) plus noise: between about 2 and 46 items, so the gauge always moves, never sticks
    // at zero, and crosses the backed-up threshold near each crest (and the recovered one after it).
    private int NextQueueDepth()
    {
        double wave = 24 + (18 * Math.Sin(2 * Math.PI * Handled / 300.0));
        int depth = Math.Max(0, (int)Math.Round(wave) + _random.Next(-4, 5));
        _queueDepth.Set(depth);
        return depth;
    }
#pragma warning restore CA5394

    private void UpdateHealth(int depth)
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
