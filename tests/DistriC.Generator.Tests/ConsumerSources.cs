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

    /// <summary>[MeterInstrument] bindings: inline values with a catch-all, numbers, booleans, an enum tag, none at all.</summary>
    public const string Bindings = """
        using DistriC;

        namespace Demo.Bindings
        {
            /// <summary>Payment outcomes.</summary>
            public enum Outcome
            {
                /// <summary>Paid.</summary>
                [LabelValue("ok")] Ok,

                /// <summary>Refused.</summary>
                [LabelValue("failed")] Failed,
            }

            /// <summary>Payments by method and outcome.</summary>
            [MeterInstrument("Contoso.Payments", "payments.processed", MetricKind.Counter, Unit = "{payment}")]
            [MeterTag("payment.method", "card", "sepa", CatchAll = "_OTHER")]
            [MeterTag<Outcome>("outcome")]
            public sealed partial class PaymentsProcessed;

            /// <summary>Request duration by status code and whether it was retried.</summary>
            [MeterInstrument("Microsoft.AspNetCore.Hosting", "http.server.request.duration", MetricKind.Histogram, Unit = "s", Buckets = new[] { 0.1, 1.0 })]
            [MeterTag("http.response.status_code", "200", "404", CatchAll = "_OTHER")]
            [MeterTag("retried", "true", "false")]
            public sealed partial class RequestDuration;

            /// <summary>Queue length, no tag kept.</summary>
            [MeterInstrument("Contoso.Queues", "queue.length", MetricKind.Gauge)]
            internal sealed partial class QueueLength;
        }
        """;
}
