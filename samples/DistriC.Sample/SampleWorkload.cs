using System;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Sample;

/// <summary>
/// A simulated request handler that moves every sample metric: a labelled request counter, a latency histogram and a
/// queue-depth gauge, and flips its health component to DEGRADED while the simulated queue is backed up.
/// </summary>
internal sealed class SampleWorkload
{
    // Declared with the dynamic API; these become [Metric] classes once the source generator lands.
    private static readonly string[] Methods = ["GET", "POST"];
    private static readonly string[] Statuses = ["2xx", "4xx", "5xx"];

    private readonly Counter _requests;
    private readonly Histogram _latency;
    private readonly Gauge _queueDepth;
    private readonly HealthComponent _health;
#pragma warning disable CA5394 // Simulated traffic, not security: a seeded generator keeps runs reproducible.
    private readonly Random _random = new(42);

    public SampleWorkload(MetricRegistry metrics, HealthRegistry health)
    {
        _requests = metrics.CreateCounter(
            "sample_requests_total",
            "Requests handled by the sample workload",
            new LabelDefinition("method", Methods),
            new LabelDefinition("status", Statuses));
        _latency = metrics.CreateHistogram(
            "sample_request_duration_seconds",
            "Latency of the sample workload's requests",
            [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
            new LabelDefinition("method", Methods));
        _queueDepth = metrics.CreateGauge("sample_queue_depth", "Items waiting in the sample work queue");
        _health = health.Register("workload");
    }

    /// <summary>Handles one simulated request.</summary>
    public void Step()
    {
        string method = Methods[_random.Next(10) < 7 ? 0 : 1];
        int roll = _random.Next(100);
        string status = roll < 90 ? Statuses[0] : roll < 97 ? Statuses[1] : Statuses[2];
        _requests.Inc(method, status);
        _latency.Observe(0.002 + (_random.NextDouble() * _random.NextDouble() * 0.8), method);

        double depth = Math.Max(0, _queueDepth.Get() + _random.Next(-3, 4));
        _queueDepth.Set(depth);
        _health.Update(depth > 40 ? HealthStatus.Degraded : HealthStatus.Up, depth > 40 ? $"queue backed up: {depth} items" : "processing");
    }
#pragma warning restore CA5394

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
}
