namespace DistriC.Generator.Tests;

/// <summary>Declarations shared by the compile-and-run, snapshot and incrementality tests.</summary>
internal static class ConsumerSources
{
    /// <summary>The DESIGN.md example, file-scoped namespace.</summary>
    public const string Design = """
        using DistriC;

        namespace Demo;

        public enum StatusClass { [LabelValue("2xx")] Success, [LabelValue("4xx")] ClientError, [LabelValue("5xx")] ServerError }

        [Metric(MetricKind.Counter, "http_requests_total", Help = "HTTP requests served")]
        [Label("method", "GET", "POST", "PUT", "DELETE")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;

        [Metric(MetricKind.Histogram, "http_request_duration_seconds", Help = "Request latency",
                Buckets = new[] { 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5 })]
        [Label<StatusClass>("status")]
        public sealed partial class RequestDuration;

        [Metric(MetricKind.Gauge, "worker_queue_depth", Help = "Items waiting")]
        public sealed partial class QueueDepth;
        """;

    /// <summary>Exemplars on a counter and a histogram, and an info metric (the build-info pattern).</summary>
    public const string Exemplars = """
        using DistriC;

        namespace Linked;

        [Metric(MetricKind.Counter, "orders_total", Help = "Orders placed", Exemplars = true)]
        [Label("channel", "web", "app")]
        public sealed partial class Orders;

        [Metric(MetricKind.Histogram, "checkout_seconds", Help = "Checkout time", Buckets = new[] { 0.1, 1.0 }, Exemplars = true)]
        public sealed partial class CheckoutTime;

        [Metric(MetricKind.Info, "app_build_info", Help = "Build of the running service")]
        [Label("version", "1.4.2")]
        [Label("commit", "abc123")]
        public sealed partial class BuildInfo;
        """;

    /// <summary>Block namespace, nesting, global namespace, internal, records and awkward enums.</summary>
    public const string Shapes = """
        using DistriC;

        namespace Shapes.Inner
        {
            public enum Sparse { High = 10, Low = -5, Mid = 3 }

            public enum Wide : long { Zero = 0, One = 1 }

            internal enum Hidden : byte { A, B }

            public static partial class Container
            {
                public partial struct Holder
                {
                    [Metric(MetricKind.Counter, "sparse_events_total", Help = "Sparse \"quoted\" \\ help\nline two")]
                    [Label<Sparse>("level")]
                    [Label<Wide>("width")]
                    public sealed partial class SparseEvents;
                }
            }

            [Metric(MetricKind.Gauge, "hidden_state")]
            [Label<Hidden>("class")]
            [Label("value", "us-east-1", "eu_west", "2nd")]
            public partial record HiddenState;
        }
        """;

    public const string Global = """
        using DistriC;

        [Metric(MetricKind.Histogram, "global_latency_seconds", Unit = "seconds")]
        internal partial class GlobalLatency;
        """;
}
