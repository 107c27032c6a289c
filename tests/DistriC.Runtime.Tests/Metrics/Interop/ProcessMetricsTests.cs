using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>The process collector against the test's own reading of /proc/self.</summary>
[Collection(SerialTests.Name)]
public sealed class ProcessMetricsTests
{
    private const double TicksPerSecond = 100; // USER_HZ, what sysconf(_SC_CLK_TCK) returns on Linux

    [Fact]
    public void Values_agree_with_proc_self_stat_status_and_limits_read_by_the_test()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests read /proc");
        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);

        string[] before = StatFields();
        long rssBefore = StatusKiB("VmRSS") * 1024;
        string text = registry.ExportText();
        string[] after = StatFields();
        long rssAfter = StatusKiB("VmRSS") * 1024;

        double cpu = Value(text, "process_cpu_seconds_total");
        Assert.InRange(cpu, CpuSeconds(before), CpuSeconds(after));
        double bootTime = double.Parse(File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal))[6..], CultureInfo.InvariantCulture);
        Assert.Equal(bootTime + (double.Parse(before[22 - 3], CultureInfo.InvariantCulture) / TicksPerSecond), Value(text, "process_start_time_seconds"));
        const double Slack = 64 * 1024 * 1024; // the runtime may map or touch memory between the reads
        Assert.InRange(Value(text, "process_virtual_memory_bytes"), Math.Min(Vsize(before), Vsize(after)) - Slack, Math.Max(Vsize(before), Vsize(after)) + Slack);
        Assert.InRange(Value(text, "process_resident_memory_bytes"), Math.Min(rssBefore, rssAfter) - Slack, Math.Max(rssBefore, rssAfter) + Slack);
        Assert.Equal(SoftFileLimit(), Value(text, "process_max_fds"));
        int fds = Directory.GetFiles("/proc/self/fd").Length - 1; // less the descriptor of the listing itself
        Assert.InRange(Value(text, "process_open_fds"), fds - 3, fds + 3);
    }

    [Fact]
    public void Cpu_seconds_grow_under_a_busy_loop()
    {
        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);
        double first = Value(registry.ExportText(), "process_cpu_seconds_total");
        double target = CpuSeconds(StatFields()) + 0.3;
        long spins = 0;
        while (CpuSeconds(StatFields()) < target && spins < 1_000_000_000)
        {
            for (int i = 0; i < 100_000; i++)
            {
                spins++;
            }
        }

        Assert.True(Value(registry.ExportText(), "process_cpu_seconds_total") >= first + 0.3);
    }

    [Fact]
    public void A_scrape_into_a_reused_buffer_allocates_nothing()
    {
        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);
        var buffer = new ArrayBufferWriter<byte>(8192);
        registry.WriteTo(buffer);
        buffer.ResetWrittenCount();

        long before = GC.GetAllocatedBytesForCurrentThread();
        registry.WriteTo(buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_scrape_with_500_more_threads_costs_about_the_same()
    {
        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);
        var buffer = new ArrayBufferWriter<byte>(8192);
        double without = MedianScrapeTicks(registry, buffer);
        using var release = new ManualResetEventSlim();
        Thread[] threads = Enumerable.Range(0, 500).Select(_ => new Thread(() => release.Wait()) { IsBackground = true }).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        double with = MedianScrapeTicks(registry, buffer);
        release.Set();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        // Both medians come from this run: the kernel sums the threads' CPU time for /proc/self/stat, nothing else scales.
        Assert.True(with < without * 3, $"median scrape {with} ticks with 500 threads, {without} without");
    }

    [ToolFact("promtool")]
    public async Task The_process_families_pass_promtool_check_metrics()
    {
        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);
        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(registry.ExportText()));
        Assert.True(exit == 0, $"promtool exit {exit}: {output}");
    }

    internal static double Value(string text, string name)
    {
        string line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static double MedianScrapeTicks(MetricRegistry registry, ArrayBufferWriter<byte> buffer)
    {
        var samples = new long[301];
        for (int i = 0; i < samples.Length; i++)
        {
            buffer.ResetWrittenCount();
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            registry.WriteTo(buffer);
            samples[i] = System.Diagnostics.Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    private static string[] StatFields()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static double CpuSeconds(string[] fields) =>
        (double.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + double.Parse(fields[15 - 3], CultureInfo.InvariantCulture)) / TicksPerSecond;

    private static double Vsize(string[] fields) => double.Parse(fields[23 - 3], CultureInfo.InvariantCulture);

    private static long StatusKiB(string key)
    {
        string line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static double SoftFileLimit()
    {
        string line = File.ReadLines("/proc/self/limits").Single(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        return double.Parse(line["Max open files".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }
}
