using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

/// <summary>LogFullMode: what a producer does when the async queue is full.</summary>
public sealed class JsonLoggerFullModeTests
{
    private const int Burst = 100_000;

    // Upper bounds that only stop a broken build from hanging the run; no test claims a speed.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static KeyValuePair<string, string?> F(string key, string? value) => new(key, value);

    private static DistricStatus WriteBurstLine(JsonLogger logger, int i) =>
        logger.Write(LogLevel.Info, "http", "Request received", F("method", "GET"), F("path", "/api/users"), F("i", i.ToString(CultureInfo.InvariantCulture)));

    private static List<int> WrittenIds(byte[] output) =>
        LogLines.Parse(output).ConvertAll(line => int.Parse(line.GetProperty("i").GetString()!, CultureInfo.InvariantCulture));

    [Fact]
    public void Defaults_are_drop_and_one_second()
    {
        var options = new JsonLoggerOptions();
        Assert.Equal(LogFullMode.Drop, options.FullMode);
        Assert.Equal(TimeSpan.FromSeconds(1), options.FullWaitTimeout);
        using var logger = new JsonLogger(Stream.Null);
        Assert.Equal(LogFullMode.Drop, logger.FullMode);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-10_000L)] // Timeout.InfiniteTimeSpan: a wait must end
    [InlineData(long.MaxValue)]
    public void A_timeout_that_is_not_positive_and_finite_is_rejected(long ticks)
    {
        var options = new JsonLoggerOptions { FullMode = LogFullMode.Wait, FullWaitTimeout = TimeSpan.FromTicks(ticks) };
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonLogger(Stream.Null, options));
    }

    [Fact]
    public void An_undefined_full_mode_is_rejected()
    {
        var options = new JsonLoggerOptions { FullMode = (LogFullMode)2 };
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonLogger(Stream.Null, options));
    }

    [Fact]
    public void Sync_mode_ignores_the_full_mode()
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, FullMode = LogFullMode.Wait }))
        {
            Assert.Equal(DistricStatus.Ok, WriteBurstLine(logger, 0));
            Assert.Equal(0, logger.RingCapacity);
        }

        Assert.Equal(new List<int> { 0 }, WrittenIds(output.ToArray()));
    }

    [Fact]
    public void Wait_mode_loses_nothing_of_a_tight_burst_into_the_default_ring()
    {
        using var output = new MemoryStream();
        // The timeout is a hang guard here: the burst must get through on back-pressure alone, however slow the machine.
        var options = new JsonLoggerOptions { FullMode = LogFullMode.Wait, FullWaitTimeout = HangGuard };
        using (var logger = new JsonLogger(output, options))
        {
            Assert.Equal(JsonLoggerOptions.DefaultRingCapacity, logger.RingCapacity);
            for (int i = 0; i < Burst; i++)
            {
                Assert.Equal(DistricStatus.Ok, WriteBurstLine(logger, i));
            }

            logger.Dispose();
            Assert.Equal(0, logger.DroppedCount);
            Assert.Equal(Burst, logger.WrittenCount);
        }

        List<int> written = WrittenIds(output.ToArray());
        Assert.Equal(Burst, written.Count);
        for (int i = 0; i < Burst; i++)
        {
            Assert.Equal(i, written[i]);
        }
    }

    [Fact]
    public void Drop_mode_drops_part_of_the_same_burst_and_the_counts_add_up()
    {
        // The writer is held inside its first Stream.Write for the whole burst, so the 1 MiB ring (about 8 000 of these
        // lines) must overflow whatever the scheduling; a free-running writer drops some 16-46 % on a loaded 2-core VM.
        using var output = new GatedStream();
        var logger = new JsonLogger(output);
        var accepted = new List<int>();
        try
        {
            Assert.Equal(DistricStatus.Ok, WriteBurstLine(logger, 0));
            accepted.Add(0);
            Assert.True(output.WriteEntered.Wait(HangGuard));
            for (int i = 1; i < Burst; i++)
            {
                DistricStatus status = WriteBurstLine(logger, i);
                if (status == DistricStatus.Ok)
                {
                    accepted.Add(i);
                }
                else
                {
                    Assert.Equal(DistricStatus.BufferOverflow, status);
                }
            }
        }
        finally
        {
            output.Open();
            logger.Dispose();
        }

        Assert.InRange(logger.DroppedCount, 1, Burst - 1);
        Assert.Equal(Burst, logger.WrittenCount + logger.DroppedCount);
        Assert.Equal(accepted, WrittenIds(output.ToArray()));
    }

    [Fact]
    public void Against_a_stalled_stream_waiting_producers_time_out_count_the_drops_and_every_accepted_entry_is_written()
    {
        const int producers = 2;
        const int attemptsWhenFull = 3;
        TimeSpan timeout = TimeSpan.FromMilliseconds(50);
        using var output = new GatedStream();
        var options = new JsonLoggerOptions { FullMode = LogFullMode.Wait, FullWaitTimeout = timeout, RingCapacity = 8192, MaxEntryBytes = 512 };
        var logger = new JsonLogger(output, options);
        var accepted = new List<int>();
        int attempted = 0;
        try
        {
            // The writer takes the first line and blocks in Stream.Write: from now on the ring only fills.
            Assert.Equal(DistricStatus.Ok, WriteBurstLine(logger, attempted++));
            accepted.Add(0);
            Assert.True(output.WriteEntered.Wait(HangGuard));
            while (true)
            {
                int id = attempted++;
                DistricStatus status = WriteBurstLine(logger, id);
                if (status != DistricStatus.Ok)
                {
                    Assert.Equal(DistricStatus.BufferOverflow, status);
                    break;
                }

                accepted.Add(id);
                Assert.True(attempted < 1000, "an 8 KiB ring cannot take 1000 lines while its writer is stalled");
            }

            Assert.Equal(1, logger.DroppedCount);
            var waited = new TimeSpan[producers, attemptsWhenFull];
            var statuses = new DistricStatus[producers, attemptsWhenFull];
            TestThreads.Run(producers, p =>
            {
                for (int a = 0; a < attemptsWhenFull; a++)
                {
                    long start = Stopwatch.GetTimestamp();
                    statuses[p, a] = WriteBurstLine(logger, 1_000_000 + (p * attemptsWhenFull) + a);
                    waited[p, a] = Stopwatch.GetElapsedTime(start);
                }
            });
            attempted += producers * attemptsWhenFull;

            for (int p = 0; p < producers; p++)
            {
                for (int a = 0; a < attemptsWhenFull; a++)
                {
                    Assert.Equal(DistricStatus.BufferOverflow, statuses[p, a]);
                    // A lower bound only: Drop mode would have returned at once; Wait mode gives up only after the timeout.
                    Assert.True(waited[p, a] >= timeout, "gave up after " + waited[p, a].TotalMilliseconds + " ms");
                }
            }

            Assert.Equal(1 + (producers * attemptsWhenFull), logger.DroppedCount);
        }
        finally
        {
            output.Open();
            logger.Dispose();
        }

        Assert.Equal(accepted, WrittenIds(output.ToArray()));
        Assert.Equal(attempted, logger.WrittenCount + logger.DroppedCount);
        Assert.True(logger.IsWriterHealthy);
    }

    [Fact]
    public void Dispose_releases_producers_waiting_for_room_and_counts_their_entries()
    {
        const int producers = 2;
        using var output = new GatedStream();
        // A timeout far beyond the hang guard: only Dispose can end these waits within the test.
        var options = new JsonLoggerOptions { FullMode = LogFullMode.Wait, FullWaitTimeout = TimeSpan.FromHours(1), RingCapacity = 8192, MaxEntryBytes = 512 };
        var logger = new JsonLogger(output, options);
        Assert.Equal(DistricStatus.Ok, WriteBurstLine(logger, -1));
        Assert.True(output.WriteEntered.Wait(HangGuard));

        var accepted = new int[producers];
        var last = new DistricStatus[producers];
        var threads = new Thread[producers];
        for (int t = 0; t < producers; t++)
        {
            int p = t;
            threads[p] = new Thread(() =>
            {
                // Writes until a line is refused: with the writer stalled that is the first line that found the ring full.
                for (int i = 0; ; i++)
                {
                    last[p] = WriteBurstLine(logger, (p * 10_000) + i);
                    if (last[p] != DistricStatus.Ok)
                    {
                        return;
                    }

                    accepted[p]++;
                }
            });
            threads[p].IsBackground = true;
            threads[p].Start();
        }

        var dispose = new Thread(logger.Dispose) { IsBackground = true };
        bool disposing = false;
        try
        {
            Assert.True(SpinWait.SpinUntil(() => logger.RoomWaiterCount == producers, HangGuard), "the producers never waited for room");
            dispose.Start();
            disposing = true;
            // The gate is still shut, so the writer cannot free room: the waiters can only have been released by Dispose.
            foreach (Thread thread in threads)
            {
                Assert.True(thread.Join(HangGuard), "a producer waiting for room was not released by Dispose");
            }

            Assert.True(dispose.IsAlive, "Dispose must still be waiting for the stalled writer");
        }
        finally
        {
            output.Open();
            if (!disposing)
            {
                logger.Dispose();
            }
        }

        Assert.True(dispose.Join(HangGuard), "Dispose hung");

        Assert.All(last, status => Assert.Equal(DistricStatus.BufferOverflow, status));
        Assert.Equal(producers, logger.DroppedCount);
        Assert.Equal(1 + accepted[0] + accepted[1], logger.WrittenCount);
        Assert.Equal(logger.WrittenCount, LogLines.Parse(output.ToArray()).Count);
        Assert.Equal(DistricStatus.Shutdown, WriteBurstLine(logger, 0));
    }
}
