using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// The OTLP/HTTP transport against loopback Kestrel receivers that script their answers: path, headers, gzip, 503 with
/// Retry-After, non-retryable statuses, answers after the timeout, a receiver down at start, and producers that keep
/// going while the receiver stalls. Waits are observed through the sender's hook, never measured on a clock.
/// </summary>
public sealed class OtlpTransportTests
{
    private static readonly OtlpResource Resource = OtlpResource.Create("transport-test");

    [Fact]
    public async Task Requests_go_to_the_signal_path_with_the_headers_and_the_protobuf_content_type()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        using var exporter = new OtlpSpanExporter(Options(OtlpExporterOptions.ForBaseEndpoint(new Uri($"http://127.0.0.1:{receiver.Port}/"), OtlpSignal.Traces)) with
        {
            Headers = [new("api-key", "s3cret"), new("x-tenant", "blue")],
        });
        ExportSpans(exporter, 3);

        ReceivedRequest request = Assert.Single(receiver.Requests);
        Assert.Equal("/v1/traces", request.Path);
        Assert.Equal("application/x-protobuf", request.Headers["Content-Type"]);
        Assert.Equal("s3cret", request.Headers["api-key"]);
        Assert.Equal("blue", request.Headers["x-tenant"]);
        Assert.False(request.Headers.ContainsKey("Content-Encoding"));
        Assert.Equal(3, ProtoMessage.Parse(request.Body).One(1).Message.One(2).Message.All(2).Count());
        Assert.Equal(new OtlpExporterStats { Exported = 3, Batches = 1, Requests = 1, LastStatusCode = 200 }, exporter.GetStats());
    }

    [Fact]
    public async Task A_gzip_body_decompresses_to_exactly_the_uncompressed_request()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        using var plain = new OtlpSpanExporter(Options(receiver.TracesUri));
        using var gzip = new OtlpSpanExporter(Options(receiver.TracesUri) with { Compression = OtlpCompression.Gzip });
        using Tracer tracer = Tracing.TestTracers.Manual(new FanOut(plain, gzip), maxBatchSize: 32);
        for (int i = 0; i < 20; i++)
        {
            TraceSpan span = tracer.StartSpan("compressible operation name");
            span.SetTag("repeated.key", "repeated value repeated value");
            span.Finish();
        }

        tracer.ExportPending();

        ReceivedRequest[] requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.False(requests[0].Headers.ContainsKey("Content-Encoding"));
        Assert.Equal("gzip", requests[1].Headers["Content-Encoding"]);
        Assert.True(requests[1].Body.Length < requests[0].Body.Length);
        using var unzip = new GZipStream(new MemoryStream(requests[1].Body), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        unzip.CopyTo(inflated);
        Assert.Equal(requests[0].Body, inflated.ToArray());
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_retried_after_exactly_that_wait_and_the_batch_is_delivered_once_accepted()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((n, c) =>
        {
            if (n <= 2)
            {
                c.Response.StatusCode = 503;
                c.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return LoopbackReceiver.Ok(c);
        });
        // A backoff of 3 s or more: a 1 s wait can only come from the Retry-After header.
        using var exporter = new OtlpSpanExporter(Options(receiver.TracesUri) with { InitialBackoff = TimeSpan.FromSeconds(3) });
        var waits = new List<TimeSpan>();
        exporter.Sender.RetryWaitObserved = waits.Add;
        var registry = new MetricRegistry();
        exporter.RegisterMetrics(registry);

        Assert.True(ExportSpans(exporter, 4));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], waits);
        ReceivedRequest[] requests = receiver.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(requests[0].Body, requests[2].Body);
        Assert.Equal(new OtlpExporterStats { Exported = 4, Batches = 1, Requests = 3, Retries = 2, LastStatusCode = 200 }, exporter.GetStats());
        string text = registry.ExportText();
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"traces\",result=\"success\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"traces\",result=\"retries_exhausted\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_retries_total{signal=\"traces\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_healthy{signal=\"traces\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_retry_budget_every_span_is_counted_and_the_exporter_recovers_when_the_receiver_does()
    {
        bool accepting = false;
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) =>
        {
            if (accepting)
            {
                return LoopbackReceiver.Ok(c);
            }

            c.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var exporter = new OtlpSpanExporter(Options(receiver.TracesUri) with { MaxAttempts = 3 });
        var registry = new MetricRegistry();
        exporter.RegisterMetrics(registry);
        using Tracer tracer = Tracing.TestTracers.Manual(exporter, maxBatchSize: 4);
        Tracing.TestTracers.Flood(tracer, 6);
        tracer.ExportPending(); // two batches (4 + 2), three attempts each

        OtlpExporterStats failed = exporter.GetStats();
        Assert.Equal(new OtlpExporterStats
        {
            RetriesExhausted = 6,
            Batches = 2,
            Requests = 6,
            Retries = 4,
            ConsecutiveFailedBatches = 2,
            LastStatusCode = 503,
        }, failed);
        Assert.False(failed.IsHealthy);
        Assert.Equal(6, tracer.GetStats().SpansFailed);
        Assert.False(tracer.GetStats().LastExportSucceeded);
        Assert.Contains("distric_internal_otlp_exported_total{signal=\"traces\",result=\"retries_exhausted\"} 6\n", registry.ExportText(), StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_healthy{signal=\"traces\"} 0\n", registry.ExportText(), StringComparison.Ordinal);

        accepting = true;
        Tracing.TestTracers.Flood(tracer, 3);
        tracer.ExportPending();

        OtlpExporterStats recovered = exporter.GetStats();
        Assert.Equal(3, recovered.Exported);
        Assert.True(recovered.IsHealthy);
        Assert.Equal(9, tracer.GetStats().SpansSampledIn);
        Assert.True(tracer.GetStats().LastExportSucceeded);
        Tracing.TestTracers.AssertAccounting(tracer);
        Assert.Contains("distric_internal_otlp_healthy{signal=\"traces\"} 1\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_retrying_cannot_fix_drops_the_batch_after_one_attempt()
    {
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync((_, c) =>
        {
            c.Response.StatusCode = 400;
            return Task.CompletedTask;
        });
        using var exporter = new OtlpSpanExporter(Options(receiver.TracesUri));

        Assert.False(ExportSpans(exporter, 5));

        Assert.Single(receiver.Requests);
        Assert.Equal(new OtlpExporterStats { Rejected = 5, Batches = 1, Requests = 1, ConsecutiveFailedBatches = 1, LastStatusCode = 400 }, exporter.GetStats());
    }

    [Fact]
    public async Task A_receiver_answering_after_the_timeout_is_abandoned_and_retried_then_the_exporter_recovers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync(async (n, c) =>
        {
            if (n <= 2)
            {
                // Answers only once the test is over: long after the client's 200 ms timeout.
                await release.Task;
            }

            await LoopbackReceiver.Ok(c);
        });
        try
        {
            using var exporter = new OtlpSpanExporter(Options(receiver.TracesUri) with { Timeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 });

            Assert.False(ExportSpans(exporter, 2));
            Assert.Equal(new OtlpExporterStats { RetriesExhausted = 2, Batches = 1, Requests = 2, Retries = 1, Timeouts = 2, ConsecutiveFailedBatches = 1 }, exporter.GetStats());

            Assert.True(ExportSpans(exporter, 3));
            OtlpExporterStats stats = exporter.GetStats();
            Assert.Equal(3, stats.Exported);
            Assert.True(stats.IsHealthy);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task A_receiver_down_at_start_gets_the_batch_once_it_comes_up_within_the_retry_budget()
    {
        int port = FreePort();
        LoopbackReceiver? receiver = null;
        using var exporter = new OtlpSpanExporter(Options(new Uri($"http://127.0.0.1:{port}/v1/traces")) with { MaxAttempts = 3 });
        int waits = 0;
        exporter.Sender.RetryWaitObserved = _ =>
        {
            // Before the second retry: bring the receiver up on the port the exporter keeps trying.
            if (++waits == 2)
            {
                receiver = LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c), port).GetAwaiter().GetResult();
            }
        };
        try
        {
            Assert.True(ExportSpans(exporter, 7));

            OtlpExporterStats stats = exporter.GetStats();
            Assert.Equal(new OtlpExporterStats { Exported = 7, Batches = 1, Requests = 3, Retries = 2, ConnectionFailures = 2, LastStatusCode = 200 }, stats);
            Assert.Equal(7, ProtoMessage.Parse(Assert.Single(receiver!.Requests).Body).One(1).Message.One(2).Message.All(2).Count());
        }
        finally
        {
            if (receiver is not null)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Producers_never_wait_for_a_stalled_receiver_and_every_span_is_accounted_for()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync(async (_, c) =>
        {
            await release.Task;
            await LoopbackReceiver.Ok(c);
        });
        using var exporter = new OtlpSpanExporter(Options(receiver.TracesUri) with { Timeout = TimeSpan.FromMinutes(1) });
        int backpressure = 0;
        var tracer = new Tracer(new TracerOptions { Exporter = exporter, BufferCapacity = 64, MaxBatchSize = 16, ShutdownTimeout = TimeSpan.FromSeconds(30) });
        try
        {
            // The receiver answers nothing until the loop is over: were Finish to wait for the export, this would never end.
            for (int i = 0; i < 10_000; i++)
            {
                if (tracer.StartSpan("produce").Finish() == DistricStatus.Backpressure)
                {
                    backpressure++;
                }
            }

            Assert.False(release.Task.IsCompleted);
            Assert.InRange(backpressure, 10_000 - 64 - 16 - 1, 10_000 - 64 - 1);
        }
        finally
        {
            release.SetResult();
            tracer.Dispose();
        }

        TracerStats stats = Tracing.TestTracers.AssertAccounting(tracer);
        Assert.Equal(backpressure, stats.SpansDropped);
        Assert.Equal(0, stats.QueueDepth);
        Assert.Equal(exporter.GetStats().Exported, stats.SpansExported);
        Assert.Equal(10_000 - backpressure, exporter.GetStats().Exported);
    }

    private static OtlpExporterOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Resource = Resource,
        Timeout = TimeSpan.FromSeconds(10),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromSeconds(5),
    };

    /// <summary>Starts and finishes <paramref name="count"/> spans on a manual tracer and exports them as one batch.</summary>
    private static bool ExportSpans(OtlpSpanExporter exporter, int count)
    {
        var capture = new SpanCapture(exporter);
        using Tracer tracer = Tracing.TestTracers.Manual(capture, maxBatchSize: 64);
        for (int i = 0; i < count; i++)
        {
            TraceSpan span = tracer.StartSpan("op " + i);
            span.SetTag("index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            span.Finish();
        }

        tracer.ExportPending();
        return Assert.Single(capture.Results);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Hands every batch to several exporters (the same spans, so their request bodies can be compared).</summary>
    private sealed class FanOut(params ISpanExporter[] exporters) : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            bool all = true;
            foreach (ISpanExporter exporter in exporters)
            {
                all &= exporter.Export(batch);
            }

            return all;
        }
    }
}
