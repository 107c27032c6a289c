using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DistriC.Otlp.Metrics;
using DistriC.Otlp.Protobuf;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// The OTLP metrics a registry collection becomes, read back by the test's own decoder: counters as monotonic
/// cumulative integer sums, gauges as double gauges, histograms as cumulative explicit-bucket histograms, labels as
/// string attributes; and the exporter's delivery to a loopback receiver, flushed on dispose.
/// </summary>
public sealed class OtlpMetricEncodingTests
{
    private const ulong Start = 1_700_000_000_000_000_000;
    private const ulong Now = 1_700_000_060_123_456_789;
    private static readonly OtlpResource Resource = OtlpResource.Create("metrics-test");

    [Fact]
    public void Each_kind_is_encoded_field_by_field_with_cumulative_temporality_and_label_attributes()
    {
        var registry = new MetricRegistry();
        Counter requests = registry.CreateCounter("http_requests_total", "Requests served", new LabelDefinition("method", "GET", "POST"));
        requests.Add(7, "GET");
        requests.Add(3_000_000_000_000, "POST");
        registry.CreateGauge("queue_depth", "Items waiting").Set(-12.25);
        Histogram latency = registry.CreateHistogram("latency_seconds", "Latency", [0.1, 1]);
        latency.Observe(0.05);
        latency.Observe(0.5);
        latency.Observe(0.7);
        latency.Observe(3);

        Dictionary<string, ProtoMessage> metrics = Collect(registry, out int points);

        Assert.Equal(["http_requests_total", "latency_seconds", "metric_updates_dropped", "queue_depth"],
            metrics.Keys.Select(k => k.StartsWith("distric_internal_", StringComparison.Ordinal) ? "metric_updates_dropped" : k).Order(StringComparer.Ordinal));
        Assert.Equal(2 + 1 + 1 + 2, points); // two counter series, a gauge, a histogram, the registry's two drop counters

        ProtoMessage counter = metrics["http_requests_total"];
        Assert.Equal("Requests served", counter.One(2, 2).Text);
        ProtoMessage sum = counter.One(7, 2).Message;
        Assert.Equal(2UL, sum.One(2, 0).Scalar); // AGGREGATION_TEMPORALITY_CUMULATIVE
        Assert.Equal(1UL, sum.One(3, 0).Scalar); // is_monotonic
        ProtoMessage[] counterPoints = sum.All(1).Select(f => f.Message).ToArray();
        Assert.Equal([("GET", 7L), ("POST", 3_000_000_000_000L)],
            counterPoints.Select(p => ((string)TypedValue.Attributes(p, 7).Single(a => a.Key == "method").Value.Value!, (long)p.One(6, 1).Scalar)));
        Assert.All(counterPoints, p =>
        {
            Assert.Equal(Start, p.One(2, 1).Scalar);
            Assert.Equal(Now, p.One(3, 1).Scalar);
            Assert.Null(p.Optional(4));
        });

        ProtoMessage gaugePoint = metrics["queue_depth"].One(5, 2).Message.One(1, 2).Message;
        Assert.Equal(-12.25, gaugePoint.One(4, 1).Double);
        Assert.Empty(gaugePoint.All(7));
        Assert.Equal(Now, gaugePoint.One(3, 1).Scalar);

        ProtoMessage histogram = metrics["latency_seconds"].One(9, 2).Message;
        Assert.Equal(2UL, histogram.One(2, 0).Scalar);
        ProtoMessage histogramPoint = histogram.One(1, 2).Message;
        Assert.Equal(4UL, histogramPoint.One(4, 1).Scalar);
        Assert.Equal(4.25, histogramPoint.One(5, 1).Double);
        Assert.Equal([1L, 2L, 1L], Packed(histogramPoint.One(6, 2).Bytes).Select(v => (long)v)); // per bucket, +Inf last
        Assert.Equal([0.1, 1.0], Packed(histogramPoint.One(7, 2).Bytes).Select(v => BitConverter.Int64BitsToDouble((long)v)));
    }

    [Fact]
    public void Collecting_and_serializing_again_allocates_nothing()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("a_total", "A", new LabelDefinition("k", "x", "y", "z"));
        counter.Inc("x");
        registry.CreateHistogram("h", "H").Observe(0.2);
        using var buffer = new ProtoBuffer();
        var serializer = new OtlpMetricSerializer(buffer);
        serializer.Write(registry, Resource, Start, Now);
        serializer.Write(registry, Resource, Start, Now);

        long before = GC.GetAllocatedBytesForCurrentThread();
        serializer.Write(registry, Resource, Start, Now);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task The_exporter_posts_to_v1_metrics_counts_data_points_and_sends_a_last_collection_on_dispose()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("jobs_total", "Jobs");
        var options = new OtlpExporterOptions
        {
            Endpoint = OtlpExporterOptions.ForBaseEndpoint(new Uri($"http://127.0.0.1:{receiver.Port}"), OtlpSignal.Metrics),
            Resource = Resource,
        };
        var exporter = new OtlpMetricExporter(registry, options, TimeSpan.FromHours(1), handler: null, startThread: false);
        exporter.RegisterMetrics(registry);
        counter.Add(5);
        Assert.True(exporter.ExportNow());
        counter.Add(2);
        exporter.Dispose();

        ReceivedRequest[] requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("/v1/metrics", r.Path));
        Assert.Equal([5L, 7L], requests.Select(r => CounterValue(r.Body, "jobs_total")));
        // Cumulative: both collections share the start time.
        Assert.Equal(StartTime(requests[0].Body, "jobs_total"), StartTime(requests[1].Body, "jobs_total"));
        OtlpExporterStats stats = exporter.GetStats();
        Assert.Equal(2, stats.Batches);
        Assert.Equal(0, stats.RetriesExhausted + stats.Rejected);
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"metrics\",result=\"success\"} " + stats.Exported + "\n",
            registry.ExportText(), StringComparison.Ordinal);
    }

    private static Dictionary<string, ProtoMessage> Collect(MetricRegistry registry, out int points)
    {
        using var buffer = new ProtoBuffer();
        var serializer = new OtlpMetricSerializer(buffer);
        serializer.Write(registry, Resource, Start, Now);
        points = serializer.DataPointCount;
        return Metrics(buffer.WrittenSpan.ToArray());
    }

    private static Dictionary<string, ProtoMessage> Metrics(byte[] body)
    {
        ProtoMessage resourceMetrics = ProtoMessage.Parse(body).One(1, 2).Message;
        ProtoMessage scopeMetrics = resourceMetrics.One(2, 2).Message;
        Assert.Equal(OtlpMetricSerializer.ScopeName, scopeMetrics.One(1, 2).Message.One(1, 2).Text);
        return scopeMetrics.All(2).Select(f => f.Message).ToDictionary(m => m.One(1, 2).Text);
    }

    private static long CounterValue(byte[] body, string name) =>
        (long)Metrics(body)[name].One(7).Message.One(1).Message.One(6, 1).Scalar;

    private static ulong StartTime(byte[] body, string name) => Metrics(body)[name].One(7).Message.One(1).Message.One(2, 1).Scalar;

    private static ulong[] Packed(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length / 8).Select(i => BitConverter.ToUInt64(bytes, i * 8)).ToArray();
}
