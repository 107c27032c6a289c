using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

public sealed class JsonLoggerAsyncTests
{
    private static KeyValuePair<string, string?> F(string key, string? value) => new(key, value);

    [Fact]
    public void Seed_async_logging_writes_every_entry_by_dispose()
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output))
        {
            Assert.Equal(LogMode.Async, logger.Mode);
            for (int i = 0; i < 100; i++)
            {
                Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "async_test", "Async log message", F("iteration", i.ToString(CultureInfo.InvariantCulture))));
            }
        }

        List<JsonElement> lines = LogLines.Parse(output.ToArray());
        Assert.Equal(100, lines.Count);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), lines[i].GetProperty("iteration").GetString());
        }
    }

    [Fact]
    public void Lines_reach_the_stream_while_the_logger_runs_idle_trickling_or_in_bursts()
    {
        // The writer drains in batches; whichever way it is parked (idle, or batching after a drain), no accepted line may
        // wait for Dispose. The bounds are generous safety limits, not timing claims (the batch wait is 10 ms).
        TimeSpan bound = TimeSpan.FromSeconds(10);
        using var output = new MemoryStream();
        using var logger = new JsonLogger(output);

        Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "drain", "first line wakes the idle writer"));
        Assert.True(SpinWait.SpinUntil(() => logger.WrittenCount == 1, bound), "an idle writer was not woken");

        Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "drain", "second line, writer batching"));
        Assert.True(SpinWait.SpinUntil(() => logger.WrittenCount == 2, bound), "a batching writer never drained a lone line");

        string padding = new('x', 200);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "drain", "burst", F("pad", padding)));
        }

        Assert.True(SpinWait.SpinUntil(() => logger.WrittenCount == 1002, bound), "a burst of more than 64 KiB was not drained");
        Assert.Equal(0, logger.DroppedCount);
    }

    [Fact]
    public void Eight_threads_times_ten_thousand_entries_are_all_written_in_per_thread_order()
    {
        const int threads = 8;
        const int perThread = 10_000;
        using var output = new MemoryStream();
        // 16 MiB holds all 80 000 lines, so nothing may be dropped however the threads are scheduled.
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { RingCapacity = 16 << 20 }))
        {
            using var start = new Barrier(threads);
            // A failed Assert inside a worker is collected and rethrown here, on the test thread.
            TestThreads.Run(threads, t =>
            {
                string thread = t.ToString(CultureInfo.InvariantCulture);
                start.SignalAndWait();
                for (int i = 0; i < perThread; i++)
                {
                    Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "test", "Log message", F("thread_id", thread), F("iteration", i.ToString(CultureInfo.InvariantCulture))));
                }
            });

            Assert.Equal(0, logger.DroppedCount);
        }

        var next = new int[threads];
        List<JsonElement> lines = LogLines.Parse(output.ToArray());
        Assert.Equal(threads * perThread, lines.Count);
        foreach (JsonElement line in lines)
        {
            int thread = int.Parse(line.GetProperty("thread_id").GetString()!, CultureInfo.InvariantCulture);
            int iteration = int.Parse(line.GetProperty("iteration").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(next[thread]++, iteration);
        }
    }

    [Fact]
    public void Concurrent_wraparound_of_a_small_ring_delivers_exactly_the_accepted_entries_in_per_thread_order()
    {
        const int threads = 4;
        const int perThread = 50_000;
        using var output = new MemoryStream();
        var accepted = new List<int>[threads];
        // 16 KiB ring, entries of 100 to 400 bytes: the ring wraps thousands of times, with padding records.
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { RingCapacity = 16 * 1024, MaxEntryBytes = 1024 }))
        {
            using var start = new Barrier(threads);
            for (int t = 0; t < threads; t++)
            {
                accepted[t] = new List<int>();
            }

            TestThreads.Run(threads, thread =>
            {
                string threadText = thread.ToString(CultureInfo.InvariantCulture);
                start.SignalAndWait();
                for (int i = 0; i < perThread; i++)
                {
                    string padding = new('p', (i * 7 + thread * 13) % 300);
                    if (logger.Write(LogLevel.Info, "wrap", padding, F("t", threadText), F("i", i.ToString(CultureInfo.InvariantCulture))) == DistricStatus.Ok)
                    {
                        accepted[thread].Add(i);
                    }
                }
            });
        }

        var written = new List<int>[threads];
        for (int t = 0; t < threads; t++)
        {
            written[t] = new List<int>();
        }

        foreach (JsonElement line in LogLines.Parse(output.ToArray()))
        {
            int thread = int.Parse(line.GetProperty("t").GetString()!, CultureInfo.InvariantCulture);
            int i = int.Parse(line.GetProperty("i").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(new string('p', (i * 7 + thread * 13) % 300), line.GetProperty("message").GetString());
            written[thread].Add(i);
        }

        for (int t = 0; t < threads; t++)
        {
            Assert.Equal(accepted[t], written[t]);
        }
    }

    [Fact]
    public void Stalled_writer_saturation_accounts_for_every_attempt_and_dispose_writes_every_accepted_entry()
    {
        const int producers = 2;
        const int perProducer = 3_000;
        using var output = new GatedStream();
        var accepted = new HashSet<string>();
        long attempted = 0;
        var logger = new JsonLogger(output, new JsonLoggerOptions { RingCapacity = 8192, MaxEntryBytes = 512 });
        try
        {
            // First entry: the writer takes it and blocks inside Stream.Write; from now on the ring only fills.
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "sat", "first", F("id", "first")));
            attempted++;
            accepted.Add("first");
            Assert.True(output.WriteEntered.Wait(TimeSpan.FromSeconds(5)));

            var perThreadAccepted = new List<string>[producers];
            for (int p = 0; p < producers; p++)
            {
                perThreadAccepted[p] = new List<string>();
            }

            // A failed Assert inside a producer is collected and rethrown here, on the test thread.
            TestThreads.Run(producers, producer =>
            {
                for (int i = 0; i < perProducer; i++)
                {
                    string id = producer.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture);
                    // Every 50th entry is too large for the 512-byte limit.
                    string message = i % 50 == 0 ? new string('x', 600) : "saturating";
                    DistricStatus status = logger.Write(LogLevel.Info, "sat", message, F("id", id));
                    if (status == DistricStatus.Ok)
                    {
                        perThreadAccepted[producer].Add(id);
                    }
                    else
                    {
                        Assert.Equal(DistricStatus.BufferOverflow, status);
                    }
                }
            });

            attempted += producers * perProducer;
            foreach (List<string> ids in perThreadAccepted)
            {
                accepted.UnionWith(ids);
            }

            Assert.Equal(producers * (perProducer / 50), logger.OversizedDropCount);
            Assert.True(logger.DroppedCount > 0, "a stalled writer with an 8 KiB ring must drop");
            Assert.InRange(logger.QueueFillRatio, 0.5, 1.0);
        }
        finally
        {
            output.Open();
            logger.Dispose();
        }

        List<JsonElement> lines = LogLines.Parse(output.ToArray());
        var written = new HashSet<string>(lines.ConvertAll(l => l.GetProperty("id").GetString()!));
        Assert.Equal(lines.Count, written.Count);
        Assert.Equal(accepted, written);
        Assert.Equal(attempted, logger.WrittenCount + logger.DroppedCount + logger.OversizedDropCount);
        Assert.Equal(lines.Count, logger.WrittenCount);
        Assert.Equal(0, logger.WriteFailureCount);
        Assert.True(logger.IsWriterHealthy);
    }

    [Fact]
    public async Task Dispose_async_flushes_every_accepted_entry()
    {
        using var output = new MemoryStream();
        var logger = new JsonLogger(output, new JsonLoggerOptions { TimeProvider = new FixedClock() });
        for (int i = 0; i < 1000; i++)
        {
            logger.Write(LogLevel.Debug, "c", "m");
        }

        await logger.DisposeAsync();
        await logger.DisposeAsync();
        Assert.Equal(1000, LogLines.Parse(output.ToArray()).Count);
        Assert.Equal(DistricStatus.Shutdown, logger.Write(LogLevel.Info, "c", "late"));
    }

    [Fact]
    public void A_failing_stream_is_counted_and_marks_the_writer_unhealthy_without_crashing()
    {
        using var output = new FailingStream();
        var logger = new JsonLogger(output);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Error, "c", "m"));
        }

        logger.Dispose();
        Assert.False(logger.IsWriterHealthy);
        Assert.Equal(50, logger.WriteFailureCount);
        Assert.Equal(0, logger.WrittenCount);
        Assert.True(output.WriteAttempts > 0);
    }

    [Fact]
    public void A_writer_stalled_past_the_threshold_with_entries_waiting_is_unhealthy_and_recovers()
    {
        var clock = new ManualClock();
        using var output = new GatedStream();
        var logger = new JsonLogger(output, new JsonLoggerOptions { TimeProvider = clock, WriterStallThreshold = TimeSpan.FromSeconds(30) });
        try
        {
            logger.Write(LogLevel.Info, "c", "taken by the writer, which then blocks");
            Assert.True(output.WriteEntered.Wait(TimeSpan.FromSeconds(5)));
            logger.Write(LogLevel.Info, "c", "waiting in the queue");
            clock.Advance(TimeSpan.FromSeconds(29));
            Assert.True(logger.IsWriterHealthy);
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.False(logger.IsWriterHealthy);
        }
        finally
        {
            output.Open();
            logger.Dispose();
        }

        Assert.True(logger.IsWriterHealthy);
        Assert.Equal(2, LogLines.Parse(output.ToArray()).Count);
    }

    [Fact]
    public void Self_monitoring_metrics_are_exposed_in_the_registry()
    {
        using var output = new MemoryStream();
        var registry = new MetricRegistry();
        using var logger = new JsonLogger(output, new JsonLoggerOptions { MaxEntryBytes = 128 });
        logger.RegisterMetrics(registry);
        logger.Write(LogLevel.Info, "c", new string('x', 200));

        string text = registry.ExportText();
        Assert.Contains("\ndistric_internal_log_entries_dropped_total 0\n", text, StringComparison.Ordinal);
        Assert.Contains("\ndistric_internal_log_oversized_entries_dropped_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\ndistric_internal_log_writer_healthy 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE distric_internal_log_queue_fill_ratio gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("\ndistric_internal_log_queue_fill_ratio 0\n", text, StringComparison.Ordinal); // the only entry was dropped
        Assert.Throws<MetricRegistrationException>(() => logger.RegisterMetrics(registry));
    }
}
