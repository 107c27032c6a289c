using System;
using DistriC.Infrastructure;
using DistriC.Metrics.Processes;

namespace DistriC;

/// <summary>
/// The process metrics every Prometheus user knows, under the Go client's names: <c>process_cpu_seconds_total</c>,
/// <c>process_resident_memory_bytes</c>, <c>process_virtual_memory_bytes</c>, <c>process_start_time_seconds</c>,
/// <c>process_open_fds</c>, <c>process_max_fds</c>.
/// </summary>
/// <remarks>
/// Values are read at each scrape, with no cache: on Linux from <c>/proc/self</c> (<c>stat</c>, <c>limits</c>, <c>fd</c>)
/// into stack buffers, allocating nothing; elsewhere from <see cref="System.Diagnostics.Process"/> (without
/// <c>process_max_fds</c>). Nothing reads the thread list, so a scrape costs the same with 10 threads or 10 000.
/// <c>process_max_fds</c> is the process's own soft limit, which .NET raises to the hard limit at start-up.
/// </remarks>
public static class ProcessMetrics
{
    /// <summary>Registers the six families in <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry to add them to.</param>
    /// <exception cref="MetricRegistrationException">A family of one of these names exists, or the registry is full or frozen.</exception>
    public static void Register(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        IProcessReader reader = ProcSelfReader.IsSupported ? new ProcSelfReader() : new RuntimeProcessReader();
        Register(registry, reader);
    }

    internal static void Register(MetricRegistry registry, IProcessReader reader)
    {
        Add(registry, MetricKind.Counter, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", "seconds", reader.CpuSeconds);
        Add(registry, MetricKind.Gauge, "process_resident_memory_bytes", "Resident memory size in bytes.", "bytes", reader.ResidentBytes);
        Add(registry, MetricKind.Gauge, "process_virtual_memory_bytes", "Virtual memory size in bytes.", "bytes", reader.VirtualBytes);
        Add(registry, MetricKind.Gauge, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.", "seconds", reader.StartTimeSeconds);
        Add(registry, MetricKind.Gauge, "process_open_fds", "Number of open file descriptors.", null, reader.OpenFileDescriptors);
        if (!double.IsNaN(reader.MaxFileDescriptors()))
        {
            Add(registry, MetricKind.Gauge, "process_max_fds", "Maximum number of open file descriptors.", null, reader.MaxFileDescriptors);
        }
    }

    private static void Add(MetricRegistry registry, MetricKind kind, string name, string help, string? unit, Func<double> read) =>
        registry.Register(new MetricDescriptor(kind, name, help, unit: unit), layout => new ProcessValueFamily(layout, unit, read));
}
