namespace DistriC.Sample;

/// <summary>The status class of a simulated response: the enum allowlist of the <c>status</c> label.</summary>
public enum StatusClass
{
    [LabelValue("2xx")] Success,
    [LabelValue("4xx")] ClientError,
    [LabelValue("5xx")] ServerError,
}

/// <summary>
/// Requests handled, by method (inline allowlist → generated <c>SampleRequests.Method</c>) and status class: 2 × 3 series.
/// With <see cref="SampleRequestDuration"/> a service-level pair: the rules file records their rate, error ratio (5xx) and latency.
/// Each series keeps an exemplar: the request span active when it was counted.
/// </summary>
[Metric(MetricKind.Counter, "sample_requests_total", Help = "Requests handled by the sample workload",
        ServiceLevel = "sample", ErrorLabel = "status", ErrorValues = new[] { "5xx" }, Exemplars = true)]
[Label("method", "GET", "POST")]
[Label<StatusClass>("status")]
public sealed partial class SampleRequests;

/// <summary>
/// Latency of the simulated requests by method and status class (the same labels as <see cref="SampleRequests"/>);
/// each bucket links to a request span that fell in it.
/// </summary>
[Metric(MetricKind.Histogram, "sample_request_duration_seconds", Help = "Latency of the sample workload's requests", Unit = "seconds",
        Buckets = new[] { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1 }, ServiceLevel = "sample", Exemplars = true)]
[Label("method", "GET", "POST")]
[Label<StatusClass>("status")]
public sealed partial class SampleRequestDuration;

/// <summary>Items waiting in the simulated work queue.</summary>
[Metric(MetricKind.Gauge, "sample_queue_depth", Help = "Items waiting in the sample work queue")]
public sealed partial class SampleQueueDepth;

/// <summary>The build of the sample: one series of fixed facts, always 1 (OpenMetrics <c>info</c>).</summary>
[Metric(MetricKind.Info, "sample_build_info", Help = "Build of the sample service")]
[Label("version", "1.0.0")]
[Label("flavor", "sample")]
public sealed partial class SampleBuildInfo;
