using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Runtime.Tests.Otlp.Support;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// The OTLP log sink when the receiver fails: producers and the logger's writer never wait for the network, lines that
/// find the exporter's queue full are dropped and counted, lines the receiver never took are counted, and every line
/// ends in exactly one outcome.
/// </summary>
public sealed class OtlpLogFaultTests
{
    private const int Lines = 3000;
    private static readonly OtlpResource Resource = OtlpResource.Create("log-fault-test");

    [Fact]
    public async Task A_stalled_receiver_holds_up_neither_producers_nor_the_logger_and_the_overflow_is_dropped_and_counted()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackReceiver receiver = await LoopbackReceiver.StartAsync(async (_, c) =>
        {
            await release.Task;
            await LoopbackReceiver.Ok(c);
        });
        var registry = new MetricRegistry();
        var batching = new OtlpLogBatchOptions { MaxQueueSize = 64, MaxExportBatchSize = 16, ScheduleDelay = TimeSpan.FromMilliseconds(20) };
        var exporter = new OtlpLogExporter(Options(new Uri($"http://127.0.0.1:{receiver.Port}/v1/logs")) with { Timeout = TimeSpan.FromMinutes(1) }, batching);
        exporter.RegisterMetrics(registry);
        // A queue of 16 KiB holds about 150 lines; Wait mode makes a producer wait for the writer rather than drop. Were the
        // writer waiting for the receiver, the producers would wait with it and give up after 30 s (counted as drops).
        var logger = new JsonLogger(new JsonLoggerOptions
        {
            RingCapacity = 16 * 1024,
            FullMode = LogFullMode.Wait,
            FullWaitTimeout = TimeSpan.FromSeconds(30),
            Sinks = { exporter },
        });
        try
        {
            TestThreads.Run(2, t =>
            {
                for (int i = 0; i < Lines / 2; i++)
                {
                    Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "fault", "line while the receiver stalls", new KeyValuePair<string, string?>("thread", t.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                }
            });

            // Every line reached the sink while the receiver still had not answered the first request.
            Assert.True(SpinWait.SpinUntil(() => logger.WrittenCount == Lines, TimeSpan.FromSeconds(30)), $"written {logger.WrittenCount}");
            Assert.False(release.Task.IsCompleted);
            Assert.Equal(0, logger.DroppedCount);
            Assert.True(logger.IsWriterHealthy);
            OtlpExporterStats stalled = exporter.GetStats();
            Assert.Equal(0, stalled.Exported);
            // At most the queue's 64 records wait (the batch in flight among them); everything past them was dropped and counted.
            Assert.InRange(stalled.Dropped, Lines - batching.MaxQueueSize, Lines - 1);
        }
        finally
        {
            release.SetResult();
            logger.Dispose();
            exporter.Dispose();
        }

        OtlpExporterStats stats = exporter.GetStats();
        Assert.Equal(Lines, stats.Exported + stats.Dropped);
        Assert.InRange(stats.Exported, 1, batching.MaxQueueSize);
        Assert.Equal(0, stats.RetriesExhausted + stats.Rejected);
        Assert.True(stats.IsHealthy);
        string text = registry.ExportText();
        Assert.Contains($"distric_internal_otlp_exported_total{{signal=\"logs\",result=\"dropped\"}} {stats.Dropped}\n", text, StringComparison.Ordinal);
        Assert.Contains($"distric_internal_otlp_exported_total{{signal=\"logs\",result=\"success\"}} {stats.Exported}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receiver_down_costs_the_logger_nothing_and_every_line_is_counted_as_lost()
    {
        var registry = new MetricRegistry();
        var exporter = new OtlpLogExporter(Options(new Uri($"http://127.0.0.1:{ClosedPort()}/v1/logs")) with { MaxAttempts = 2 },
            new OtlpLogBatchOptions { MaxQueueSize = 256, MaxExportBatchSize = 32, ScheduleDelay = TimeSpan.FromMilliseconds(10) });
        exporter.RegisterMetrics(registry);
        var stream = new System.IO.MemoryStream();
        using (exporter)
        using (var logger = new JsonLogger(stream, new JsonLoggerOptions { Sinks = { exporter } }))
        {
            for (int i = 0; i < 200; i++)
            {
                Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Warn, "fault", "line while the receiver is down"));
            }

            logger.Dispose();
            // The stream sink beside the failing exporter got every line, and the logger saw no failure of its own.
            Assert.Equal(200, logger.WrittenCount);
            Assert.Equal(0, logger.WriteFailureCount);
            Assert.True(logger.IsWriterHealthy);
            Assert.Equal(200, System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }

        OtlpExporterStats stats = exporter.GetStats();
        Assert.Equal(0, stats.Exported);
        Assert.Equal(200, stats.RetriesExhausted + stats.Dropped);
        Assert.True(stats.ConnectionFailures > 0);
        Assert.False(stats.IsHealthy);
        string text = registry.ExportText();
        Assert.Contains($"distric_internal_otlp_exported_total{{signal=\"logs\",result=\"retries_exhausted\"}} {stats.RetriesExhausted}\n", text, StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_healthy{signal=\"logs\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("distric_internal_otlp_healthy{signal=\"traces\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_handed_over_after_the_exporter_was_disposed_are_dropped_and_counted()
    {
        var exporter = new OtlpLogExporter(Options(new Uri($"http://127.0.0.1:{ClosedPort()}/v1/logs")));
        exporter.Dispose();

        exporter.Write("{\"timestamp\":1,\"level\":\"INFO\",\"component\":\"c\",\"message\":\"late\"}\n{\"timestamp\":2}\n"u8, 2);

        Assert.Equal(new OtlpExporterStats { Dropped = 2 }, exporter.GetStats());
    }

    private static OtlpExporterOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Resource = Resource,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
    };

    /// <summary>A loopback port nothing listens on: connections are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
