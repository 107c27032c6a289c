using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime;
using System.Threading;

namespace DistriC.Metrics.Interop;

/// <summary>
/// The <c>System.Runtime</c> meter for .NET 8, where the runtime has none: the instruments of the .NET 9+ meter
/// (names, units, kinds, tags as the .NET 10 runtime publishes them) read from the APIs it reads.
/// </summary>
internal static class RuntimeMeterFallback
{
    private static readonly string[] GenerationNames = { "gen0", "gen1", "gen2", "loh", "poh" };
    private static readonly object Lock = new();
    private static Meter? s_meter;

    /// <summary>Creates the process's stand-in <c>System.Runtime</c> meter once.</summary>
    public static void EnsureCreated()
    {
        lock (Lock)
        {
            s_meter ??= Create(MeterBridgePresets.RuntimeMeter);
        }
    }

    /// <summary>A meter named <paramref name="name"/> with the runtime instruments; tests use another name beside the real one.</summary>
    public static Meter Create(string name)
    {
        var meter = new Meter(name);
        meter.CreateObservableCounter("dotnet.gc.collections", CollectionCounts, "{collection}", "The number of garbage collections that have occurred since the process has started.");
        meter.CreateObservableUpDownCounter("dotnet.process.memory.working_set", () => Environment.WorkingSet, "By", "The number of bytes of physical memory mapped to the process context.");
        meter.CreateObservableCounter("dotnet.gc.heap.total_allocated", () => GC.GetTotalAllocatedBytes(), "By", "The approximate number of bytes allocated on the managed GC heap since the process has started.");
        meter.CreateObservableUpDownCounter("dotnet.gc.last_collection.memory.committed_size", CommittedBytes, "By", "The amount of committed virtual memory in use by the .NET GC, as observed during the latest garbage collection.");
        meter.CreateObservableUpDownCounter("dotnet.gc.last_collection.heap.size", () => HeapSizes(fragmentation: false), "By", "The managed GC heap size (including fragmentation), as observed during the latest garbage collection.");
        meter.CreateObservableUpDownCounter("dotnet.gc.last_collection.heap.fragmentation.size", () => HeapSizes(fragmentation: true), "By", "The heap fragmentation, as observed during the latest garbage collection.");
        meter.CreateObservableCounter("dotnet.gc.pause.time", () => GC.GetTotalPauseDuration().TotalSeconds, "s", "The total amount of time paused in GC since the process has started.");
        meter.CreateObservableCounter("dotnet.jit.compiled_il.size", () => JitInfo.GetCompiledILBytes(), "By", "Count of bytes of intermediate language that have been compiled since the process has started.");
        meter.CreateObservableCounter("dotnet.jit.compiled_methods", () => JitInfo.GetCompiledMethodCount(), "{method}", "The number of times the JIT compiler (re)compiled methods since the process has started.");
        meter.CreateObservableCounter("dotnet.jit.compilation.time", () => JitInfo.GetCompilationTime().TotalSeconds, "s", "The amount of time the JIT compiler has spent compiling methods since the process has started.");
        meter.CreateObservableCounter("dotnet.monitor.lock_contentions", () => Monitor.LockContentionCount, "{contention}", "The number of times there was contention when trying to acquire a monitor lock since the process has started.");
        meter.CreateObservableCounter("dotnet.thread_pool.thread.count", () => (long)ThreadPool.ThreadCount, "{thread}", "The number of thread pool threads that currently exist.");
        meter.CreateObservableCounter("dotnet.thread_pool.work_item.count", () => ThreadPool.CompletedWorkItemCount, "{work_item}", "The number of work items that the thread pool has completed since the process has started.");
        meter.CreateObservableCounter("dotnet.thread_pool.queue.length", () => ThreadPool.PendingWorkItemCount, "{work_item}", "The number of work items that are currently queued to be processed by the thread pool.");
        meter.CreateObservableUpDownCounter("dotnet.timer.count", () => Timer.ActiveCount, "{timer}", "The number of timer instances that are currently active.");
        meter.CreateObservableUpDownCounter("dotnet.assembly.count", () => (long)AppDomain.CurrentDomain.GetAssemblies().Length, "{assembly}", "The number of .NET assemblies that are currently loaded.");
        Counter<long> exceptions = meter.CreateCounter<long>("dotnet.exceptions", "{exception}", "The number of exceptions that have been thrown in managed code.");
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
            exceptions.Add(1, new KeyValuePair<string, object?>("error.type", e.Exception.GetType().Name));
        meter.CreateObservableUpDownCounter("dotnet.process.cpu.count", () => (long)Environment.ProcessorCount, "{cpu}", "The number of processors available to the process.");
        meter.CreateObservableCounter("dotnet.process.cpu.time", CpuTime, "s", "CPU time used by the process.");
        return meter;
    }

    private static IEnumerable<Measurement<long>> CollectionCounts()
    {
        // As the .NET 9+ meter: each generation's own collections (a gen2 collection also counts in gen0 and gen1's totals).
        long higher = 0;
        for (int gen = GC.MaxGeneration; gen >= 0; gen--)
        {
            long total = GC.CollectionCount(gen);
            yield return new Measurement<long>(total - higher, new KeyValuePair<string, object?>("gc.heap.generation", GenerationNames[gen]));
            higher = total;
        }
    }

    private static IEnumerable<Measurement<long>> CommittedBytes()
    {
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        return info.Index == 0 ? Array.Empty<Measurement<long>>() : new[] { new Measurement<long>(info.TotalCommittedBytes) };
    }

    private static IEnumerable<Measurement<long>> HeapSizes(bool fragmentation)
    {
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        if (info.Index == 0)
        {
            yield break;
        }

        ReadOnlySpan<GCGenerationInfo> generations = info.GenerationInfo;
        var values = new long[Math.Min(generations.Length, GenerationNames.Length)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = fragmentation ? generations[i].FragmentationAfterBytes : generations[i].SizeAfterBytes;
        }

        for (int i = 0; i < values.Length; i++)
        {
            yield return new Measurement<long>(values[i], new KeyValuePair<string, object?>("gc.heap.generation", GenerationNames[i]));
        }
    }

    private static IEnumerable<Measurement<double>> CpuTime()
    {
        using Process process = Process.GetCurrentProcess();
        return new[]
        {
            new Measurement<double>(process.UserProcessorTime.TotalSeconds, new KeyValuePair<string, object?>("cpu.mode", "user")),
            new Measurement<double>(process.PrivilegedProcessorTime.TotalSeconds, new KeyValuePair<string, object?>("cpu.mode", "system")),
        };
    }
}
