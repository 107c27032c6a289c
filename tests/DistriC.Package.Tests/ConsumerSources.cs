namespace DistriC.Package.Tests;

/// <summary>Program.cs files of the consumer projects.</summary>
internal static class ConsumerSources
{
    /// <summary>
    /// A labelled counter (inline allowlist and enum label), a histogram and a [LogEvent] method; prints the
    /// Prometheus text, the catalog's series total and one JSON log line (fixed clock, synchronous mode) to stdout.
    /// A counter labelled by a gapped enum with obsolete members is declared only: its generated switch names
    /// those members, and the build must stay warning-free (CS0612, CS0618).
    /// </summary>
    public const string Valid = """
        using DistriC;
        using DistriC.Generated;

        namespace Consumer;

        public enum StatusClass { [LabelValue("2xx")] Success, [LabelValue("4xx")] ClientError, [LabelValue("5xx")] ServerError }

        [Metric(MetricKind.Counter, "http_requests_total", Help = "HTTP requests served")]
        [Label("method", "GET", "POST")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;

        public enum Tier { Free = 1, [Obsolete] Legacy = 5, [Obsolete("Use Pro.")] Gold = 7, Pro = 10 }

        [Metric(MetricKind.Counter, "plan_signups_total", Help = "Sign-ups by plan tier")]
        [Label<Tier>("tier")]
        public sealed partial class PlanSignups;

        [Metric(MetricKind.Histogram, "job_duration_seconds", Help = "Job latency", Buckets = new[] { 0.1, 1 })]
        public sealed partial class JobDuration;

        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "http", "Request received")]
            public static partial void RequestReceived(this JsonLogger logger, string method, StatusClass status, int elapsedMs);
        }

        internal sealed class FixedClock : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(1704067200000);
        }

        public static class Program
        {
            public static int Main()
            {
                var registry = new MetricRegistry();
                var requests = new HttpRequests(registry);
                var duration = new JobDuration(registry);
                DistricStatus[] statuses =
                [
                    requests.Inc(HttpRequests.Method.GET, StatusClass.Success),
                    requests.Add(HttpRequests.Method.POST, StatusClass.ServerError, 3),
                    requests.Inc((HttpRequests.Method)7, StatusClass.Success),
                    duration.Observe(0.5),
                    duration.Observe(0.05),
                ];
                Console.Out.Write(registry.ExportText());
                Console.Out.Write($"statuses={string.Join(',', statuses)} series={DistricMetricsCatalog.TotalSeries}\n");
                using Stream stdout = Console.OpenStandardOutput();
                using (var logger = new JsonLogger(stdout, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock() }))
                {
                    logger.RequestReceived("GET", StatusClass.ClientError, 12);
                }

                return 0;
            }
        }
        """;

    /// <summary>Two unbounded labels: a [Flags] enum and an inline label without values.</summary>
    public const string Unbounded = """
        using DistriC;

        namespace Consumer;

        [Flags]
        public enum Features { None = 0, Search = 1, Export = 2 }

        [Metric(MetricKind.Counter, "feature_uses_total")]
        [Label<Features>("feature")]
        public sealed partial class FeatureUses;

        [Metric(MetricKind.Gauge, "region_load")]
        [Label("region")]
        public sealed partial class RegionLoad;

        public static class Program
        {
            public static void Main() => Console.WriteLine(typeof(FeatureUses).Name + typeof(RegionLoad).Name);
        }
        """;
}
