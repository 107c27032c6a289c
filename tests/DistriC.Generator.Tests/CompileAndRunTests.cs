using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace DistriC.Generator.Tests;

/// <summary>
/// Generated code compiled into a strict consumer (nullable, warnings as errors, checked arithmetic,
/// documentation checked), loaded and run: exact values under concurrency and byte-exact exposition.
/// </summary>
public sealed class CompileAndRunTests
{
    private const string Scenario = """
        using System.Threading;
        using DistriC;
        using Demo;

        public static class Scenario
        {
            public const int Threads = 4;
            public const int Iterations = 10_000;

            public static DistricStatus[] Run(MetricRegistry registry)
            {
                var requests = new HttpRequests(registry);
                var duration = new RequestDuration(registry);
                var depth = new QueueDepth(registry);
                using var start = new Barrier(Threads);
                var workers = new Thread[Threads];
                for (int t = 0; t < Threads; t++)
                {
                    int id = t;
                    workers[t] = new Thread(() =>
                    {
                        start.SignalAndWait();
                        for (int i = 0; i < Iterations; i++)
                        {
                            requests.Inc(HttpRequests.Method.GET, StatusClass.Success);
                            requests.Add(HttpRequests.Method.DELETE, StatusClass.ServerError, 2);
                            duration.Observe(StatusClass.ClientError, (i % 2) == 0 ? 0.25 : 3);
                            depth.Inc();
                        }

                        depth.Dec();
                    });
                    workers[t].Start();
                }

                foreach (Thread worker in workers)
                {
                    worker.Join();
                }

                return new[]
                {
                    requests.Inc((HttpRequests.Method)4, StatusClass.Success),
                    requests.Inc(HttpRequests.Method.PUT, (StatusClass)(-1)),
                    requests.Add(HttpRequests.Method.PUT, StatusClass.Success, -1),
                    duration.Observe(StatusClass.Success, double.NaN),
                    depth.Add(0.5),
                    requests.Inc(HttpRequests.Method.POST, StatusClass.ClientError),
                };
            }

            public static object[] Reads(MetricRegistry registry)
            {
                var requests = new HttpRequests(registry);
                var duration = new RequestDuration(registry);
                requests.Add(HttpRequests.Method.PUT, StatusClass.ServerError, 5);
                duration.Observe(StatusClass.ServerError, 0.5);
                duration.Observe(StatusClass.ServerError, 0.25);
                return new object[]
                {
                    requests.Get(HttpRequests.Method.PUT, StatusClass.ServerError),
                    requests.Get((HttpRequests.Method)99, StatusClass.ServerError),
                    duration.GetCount(StatusClass.ServerError),
                    duration.GetSum(StatusClass.ServerError),
                    HttpRequests.Cardinality,
                    RequestDuration.Cardinality,
                    QueueDepth.Cardinality,
                };
            }
        }
        """;

    private const string ShapesScenario = """
        using DistriC;
        using Shapes.Inner;

        public static class ShapesScenario
        {
            public static DistricStatus[] Run(MetricRegistry registry)
            {
                var sparse = new Container.Holder.SparseEvents(registry);
                var hidden = new HiddenState(registry);
                var latency = new GlobalLatency(registry);
                return new[]
                {
                    sparse.Inc(Sparse.Low, Wide.One),
                    sparse.Add(Sparse.High, Wide.Zero, 7),
                    sparse.Inc((Sparse)4, Wide.Zero),
                    sparse.Inc(Sparse.Mid, (Wide)(1L << 33)),
                    hidden.Set(Hidden.B, HiddenState.Value._2nd, -2.5),
                    hidden.Inc((Hidden)2, HiddenState.Value.UsEast1),
                    hidden.Add(Hidden.A, HiddenState.Value.EuWest, 1.25),
                    latency.Observe(12),
                };
            }
        }
        """;

    [Fact]
    public void Design_example_counts_exactly_from_several_threads_and_exports_byte_exact_text()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Design, Scenario);
        var registry = new MetricRegistry();

        var statuses = (DistricStatus[])GeneratorHarness.Call(consumer, "Scenario", "Run", registry)!;

        Assert.Equal(
            new[] { DistricStatus.InvalidLabel, DistricStatus.InvalidLabel, DistricStatus.InvalidValue, DistricStatus.InvalidValue, DistricStatus.Ok, DistricStatus.Ok },
            statuses);
        // 4 threads x 10 000: GET/2xx +1 each, DELETE/5xx +2 each; 4xx latency alternates 0.25 and 3
        // (20 000 each: 0.25 falls in le=0.5, 3 in le=5); the gauge gains 40 000, loses 4, then +0.5.
        const string expected = """
            # HELP distric_internal_metric_updates_dropped_total Metric updates dropped instead of applied, by reason
            # TYPE distric_internal_metric_updates_dropped_total counter
            distric_internal_metric_updates_dropped_total{reason="invalid_label"} 2
            distric_internal_metric_updates_dropped_total{reason="invalid_value"} 2
            # HELP http_requests_total HTTP requests served
            # TYPE http_requests_total counter
            http_requests_total{method="GET",status="2xx"} 40000
            http_requests_total{method="GET",status="4xx"} 0
            http_requests_total{method="GET",status="5xx"} 0
            http_requests_total{method="POST",status="2xx"} 0
            http_requests_total{method="POST",status="4xx"} 1
            http_requests_total{method="POST",status="5xx"} 0
            http_requests_total{method="PUT",status="2xx"} 0
            http_requests_total{method="PUT",status="4xx"} 0
            http_requests_total{method="PUT",status="5xx"} 0
            http_requests_total{method="DELETE",status="2xx"} 0
            http_requests_total{method="DELETE",status="4xx"} 0
            http_requests_total{method="DELETE",status="5xx"} 80000
            # HELP http_request_duration_seconds Request latency
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{status="2xx",le="0.005"} 0
            http_request_duration_seconds_bucket{status="2xx",le="0.01"} 0
            http_request_duration_seconds_bucket{status="2xx",le="0.05"} 0
            http_request_duration_seconds_bucket{status="2xx",le="0.1"} 0
            http_request_duration_seconds_bucket{status="2xx",le="0.5"} 0
            http_request_duration_seconds_bucket{status="2xx",le="1"} 0
            http_request_duration_seconds_bucket{status="2xx",le="5"} 0
            http_request_duration_seconds_bucket{status="2xx",le="+Inf"} 0
            http_request_duration_seconds_count{status="2xx"} 0
            http_request_duration_seconds_sum{status="2xx"} 0
            http_request_duration_seconds_bucket{status="4xx",le="0.005"} 0
            http_request_duration_seconds_bucket{status="4xx",le="0.01"} 0
            http_request_duration_seconds_bucket{status="4xx",le="0.05"} 0
            http_request_duration_seconds_bucket{status="4xx",le="0.1"} 0
            http_request_duration_seconds_bucket{status="4xx",le="0.5"} 20000
            http_request_duration_seconds_bucket{status="4xx",le="1"} 20000
            http_request_duration_seconds_bucket{status="4xx",le="5"} 40000
            http_request_duration_seconds_bucket{status="4xx",le="+Inf"} 40000
            http_request_duration_seconds_count{status="4xx"} 40000
            http_request_duration_seconds_sum{status="4xx"} 65000
            http_request_duration_seconds_bucket{status="5xx",le="0.005"} 0
            http_request_duration_seconds_bucket{status="5xx",le="0.01"} 0
            http_request_duration_seconds_bucket{status="5xx",le="0.05"} 0
            http_request_duration_seconds_bucket{status="5xx",le="0.1"} 0
            http_request_duration_seconds_bucket{status="5xx",le="0.5"} 0
            http_request_duration_seconds_bucket{status="5xx",le="1"} 0
            http_request_duration_seconds_bucket{status="5xx",le="5"} 0
            http_request_duration_seconds_bucket{status="5xx",le="+Inf"} 0
            http_request_duration_seconds_count{status="5xx"} 0
            http_request_duration_seconds_sum{status="5xx"} 0
            # HELP worker_queue_depth Items waiting
            # TYPE worker_queue_depth gauge
            worker_queue_depth 39996.5

            """;
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), registry.ExportText());
    }

    private const string ExemplarScenario = """
        namespace Linked
        {
            public static class ExemplarScenario
            {
                public static void Run(DistriC.MetricRegistry registry, DistriC.TraceSpan span, DistriC.TraceContext explicitContext)
                {
                    var orders = new Orders(registry);
                    var checkout = new CheckoutTime(registry);
                    _ = new BuildInfo(registry);
                    orders.Inc(Orders.Channel.App);                         // outside the span: no exemplar
                    using (span.Activate())
                    {
                        orders.Add(Orders.Channel.Web, 3);
                        checkout.Observe(0.05);
                    }

                    checkout.Observe(0.5, explicitContext);
                }
            }
        }
        """;

    [Fact]
    public void Generated_exemplar_methods_link_the_active_span_or_the_given_context_and_info_registers_its_series()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Exemplars, ExemplarScenario);
        var registry = new MetricRegistry(new MetricRegistryOptions { ExemplarInterval = TimeSpan.Zero });
        using var tracer = new Tracer(new TracerOptions { Exporter = new NullExporter() });
        TraceSpan span = tracer.StartSpan("request");
        var other = new TraceContext(new TraceId(1, 2), new SpanId(3), IsSampled: true);

        GeneratorHarness.Call(consumer, "Linked.ExemplarScenario", "Run", registry, span, other);
        span.Finish();

        string text = registry.ExportText(ExpositionFormat.OpenMetrics);
        string ids = $"# {{trace_id=\"{span.TraceId}\",span_id=\"{span.SpanId}\"}}";
        Assert.Contains($"orders_total{{channel=\"web\"}} 3 {ids} 3 ", text, StringComparison.Ordinal);
        Assert.Contains("orders_total{channel=\"app\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"checkout_seconds_bucket{{le=\"0.1\"}} 1 {ids} 0.05 ", text, StringComparison.Ordinal);
        Assert.Contains("checkout_seconds_bucket{le=\"1\"} 2 # {trace_id=\"00000000000000010000000000000002\",span_id=\"0000000000000003\"} 0.5 ", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE app_build info\n# HELP app_build Build of the running service\napp_build_info{version=\"1.4.2\",commit=\"abc123\"} 1\n", text, StringComparison.Ordinal);
    }

    private sealed class NullExporter : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
    }

    [Fact]
    public void Reads_return_the_stored_values_and_zero_for_an_out_of_range_label()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Design, Scenario);

        object[] reads = (object[])GeneratorHarness.Call(consumer, "Scenario", "Reads", new MetricRegistry())!;

        Assert.Equal(new object[] { 5L, 0L, 2L, 0.75, 12, 3, 1 }, reads);
    }

    [Fact]
    public void Constructing_a_metric_twice_in_one_registry_is_rejected_as_a_duplicate()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Design, Scenario);
        var registry = new MetricRegistry();
        GeneratorHarness.Call(consumer, "Scenario", "Reads", registry);

        var error = Assert.Throws<TargetInvocationException>(() => GeneratorHarness.Call(consumer, "Scenario", "Reads", registry));

        Assert.Equal(DistricStatus.AlreadyExists, Assert.IsType<MetricRegistrationException>(error.InnerException).Status);
    }

    [Fact]
    public void Nested_global_internal_record_and_sparse_or_wide_enum_metrics_index_the_right_series()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Shapes, ConsumerSources.Global, ShapesScenario);
        var registry = new MetricRegistry();

        var statuses = (DistricStatus[])GeneratorHarness.Call(consumer, "ShapesScenario", "Run", registry)!;

        Assert.Equal(
            new[]
            {
                DistricStatus.Ok, DistricStatus.Ok, DistricStatus.InvalidLabel, DistricStatus.InvalidLabel,
                DistricStatus.Ok, DistricStatus.InvalidLabel, DistricStatus.Ok, DistricStatus.Ok,
            },
            statuses);
        string text = registry.ExportText();
        // Sparse members are ordered by value (Low=-5, Mid=3, High=10), whatever their declaration order.
        Assert.Contains(
            """
            # HELP sparse_events_total Sparse "quoted" \\ help\nline two
            # TYPE sparse_events_total counter
            sparse_events_total{level="Low",width="Zero"} 0
            sparse_events_total{level="Low",width="One"} 1
            sparse_events_total{level="Mid",width="Zero"} 0
            sparse_events_total{level="Mid",width="One"} 0
            sparse_events_total{level="High",width="Zero"} 7
            sparse_events_total{level="High",width="One"} 0
            # TYPE hidden_state gauge
            hidden_state{class="A",value="us-east-1"} 0
            hidden_state{class="A",value="eu_west"} 1.25
            hidden_state{class="A",value="2nd"} 0
            hidden_state{class="B",value="us-east-1"} 0
            hidden_state{class="B",value="eu_west"} 0
            hidden_state{class="B",value="2nd"} -2.5
            # TYPE global_latency_seconds histogram
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text,
            StringComparison.Ordinal);
        Assert.EndsWith("global_latency_seconds_bucket{le=\"10\"} 0\nglobal_latency_seconds_bucket{le=\"+Inf\"} 1\nglobal_latency_seconds_count 1\nglobal_latency_seconds_sum 12\n", text, StringComparison.Ordinal);
        Assert.Contains("# UNIT global_latency_seconds seconds\n", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_class_with_an_internal_label_enum_gets_internal_update_methods()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Shapes, ConsumerSources.Global, ShapesScenario);

        MethodInfo set = consumer.GetType("Shapes.Inner.HiddenState", throwOnError: true)!.GetMethod("Set", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!;

        Assert.True(set.IsAssembly);
    }

    [Fact]
    public void The_catalog_lists_every_metric_with_its_labels_cardinality_and_series()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Design, Scenario);
        Type catalog = consumer.GetType("DistriC.Generated.DistricMetricsCatalog", throwOnError: true)!;

        var metrics = (IReadOnlyList<MetricCatalogEntry>)catalog.GetProperty("Metrics")!.GetValue(null)!;
        int total = (int)catalog.GetField("TotalSeries")!.GetRawConstantValue()!;

        // Histogram: 3 statuses x (7 buckets + +Inf + _sum + _count) = 30; counter 4 x 3 = 12; gauge 1.
        Assert.Equal(43, total);
        Assert.Equal(new[] { "http_request_duration_seconds", "http_requests_total", "worker_queue_depth" }, metrics.Select(m => m.Name));
        Assert.Equal(new[] { 30, 12, 1 }, metrics.Select(m => m.Series));
        Assert.Equal(new[] { 3, 12, 1 }, metrics.Select(m => m.Cardinality));
        MetricCatalogEntry requests = metrics[1];
        Assert.Equal("Demo.HttpRequests", requests.TypeName);
        Assert.Equal(MetricKind.Counter, requests.Kind);
        Assert.Equal("HTTP requests served", requests.Help);
        Assert.Equal(new[] { "method", "status" }, requests.LabelNames);
        Assert.Equal(new[] { "GET", "POST", "PUT", "DELETE" }, requests.LabelValues[0]);
        Assert.Equal(new[] { "2xx", "4xx", "5xx" }, requests.LabelValues[1]);
        Assert.Equal(new[] { 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5 }, metrics[0].Buckets);
    }

    [Fact]
    public void The_catalog_carries_the_service_level_pair_and_compiles_as_CSharp_11()
    {
        const string source = """
            using DistriC;

            namespace Demo;

            public enum Outcome { [LabelValue("2xx")] Success, [LabelValue("5xx")] ServerError }

            [Metric(MetricKind.Counter, "api_requests_total", ServiceLevel = "api", ErrorLabel = "status", ErrorValues = new[] { "5xx" })]
            [Label<Outcome>("status")]
            public sealed partial class ApiRequests { }

            [Metric(MetricKind.Histogram, "api_request_duration_seconds", ServiceLevel = "api")]
            [Label<Outcome>("status")]
            public sealed partial class ApiDuration { }

            [Metric(MetricKind.Gauge, "api_queue_depth")]
            public sealed partial class ApiQueueDepth { }
            """;
        Assembly consumer = GeneratorHarness.Metrics.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11).BuildAndLoad(source);
        var metrics = (IReadOnlyList<MetricCatalogEntry>)consumer.GetType("DistriC.Generated.DistricMetricsCatalog", throwOnError: true)!
            .GetProperty("Metrics")!.GetValue(null)!;

        Assert.Equal(new[] { "api_queue_depth", "api_request_duration_seconds", "api_requests_total" }, metrics.Select(m => m.Name));
        Assert.Equal(new string?[] { null, "api", "api" }, metrics.Select(m => m.ServiceLevel));
        Assert.Equal(new string?[] { null, null, "status" }, metrics.Select(m => m.ErrorLabel));
        Assert.Empty(metrics[0].ErrorValues);
        Assert.Empty(metrics[1].ErrorValues);
        Assert.Equal(new[] { "5xx" }, metrics[2].ErrorValues);
    }
}
