
namespace DistriC.Benchmarks;

/// <summary>The status label of the generated benchmark metrics (3 values, contiguous).</summary>
public enum BenchStatus
{
    [LabelValue("2xx")] Success,
    [LabelValue("4xx")] ClientError,
    [LabelValue("5xx")] ServerError,
}

/// <summary>Generated labelled counter: 4 methods x 3 statuses = 12 series.</summary>
[Metric(MetricKind.Counter, "bench_generated_requests_total", Help = "Generated labelled counter")]
[Label("method", "GET", "POST", "PUT", "DELETE")]
[Label<BenchStatus>("status")]
public sealed partial class GeneratedRequests;

/// <summary>Generated labelled histogram: the same 12 label combinations.</summary>
[Metric(MetricKind.Histogram, "bench_generated_duration_seconds", Help = "Generated labelled histogram",
        Buckets = new[] { 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5 })]
[Label("method", "GET", "POST", "PUT", "DELETE")]
[Label<BenchStatus>("status")]
public sealed partial class GeneratedDuration;

/// <summary>The 12 label combinations, as enums and as strings, visited in rotation by every peer.</summary>
internal static class LabelRotation
{
    public const int Length = 12;

    public static readonly GeneratedRequests.Method[] Methods = new GeneratedRequests.Method[Length];
    public static readonly GeneratedDuration.Method[] DurationMethods = new GeneratedDuration.Method[Length];
    public static readonly BenchStatus[] Statuses = new BenchStatus[Length];
    public static readonly string[] MethodTexts = new string[Length];
    public static readonly string[] StatusTexts = new string[Length];
    public static readonly double[] Observations = new double[Length];

    static LabelRotation()
    {
        string[] methods = { "GET", "POST", "PUT", "DELETE" };
        string[] statuses = { "2xx", "4xx", "5xx" };
        for (int i = 0; i < Length; i++)
        {
            Methods[i] = (GeneratedRequests.Method)(i / 3);
            DurationMethods[i] = (GeneratedDuration.Method)(i / 3);
            Statuses[i] = (BenchStatus)(i % 3);
            MethodTexts[i] = methods[i / 3];
            StatusTexts[i] = statuses[i % 3];
            Observations[i] = 0.003 * (i + 1) * (i + 1);
        }
    }
}

/// <summary>Generated unlabelled counter: the one hot series (<c>requests_total</c>) many threads share.</summary>
[Metric(MetricKind.Counter, "bench_generated_ticks_total", Help = "Generated unlabelled counter")]
public sealed partial class GeneratedTicks;

/// <summary>Generated unlabelled histogram: one hot latency series many threads share.</summary>
[Metric(MetricKind.Histogram, "bench_generated_tick_latency_seconds", Help = "Generated unlabelled histogram", Buckets = new[] { 0.001, 0.01, 0.1, 1 })]
public sealed partial class GeneratedTickLatency;
