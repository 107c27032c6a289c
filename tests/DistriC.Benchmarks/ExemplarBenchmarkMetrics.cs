namespace DistriC.Benchmarks;

/// <summary>The generated labelled counter of <see cref="GeneratedRequests"/>, with exemplars on.</summary>
[Metric(MetricKind.Counter, "bench_linked_requests_total", Help = "Generated labelled counter with exemplars", Exemplars = true)]
[Label("method", "GET", "POST", "PUT", "DELETE")]
[Label<BenchStatus>("status")]
public sealed partial class LinkedRequests;

/// <summary>The generated labelled histogram of <see cref="GeneratedDuration"/>, with exemplars on.</summary>
[Metric(MetricKind.Histogram, "bench_linked_duration_seconds", Help = "Generated labelled histogram with exemplars",
        Buckets = new[] { 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5 }, Exemplars = true)]
[Label("method", "GET", "POST", "PUT", "DELETE")]
[Label<BenchStatus>("status")]
public sealed partial class LinkedDuration;
