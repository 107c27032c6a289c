using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using DistriC.Metrics.Interop;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>The System.Runtime preset on the real .NET 10 meter, and the .NET 8 stand-in called directly beside it.</summary>
public sealed class RuntimeMeterTests
{
    [Fact]
    public void Gc_collections_move_after_GC_Collect()
    {
        var registry = new MetricRegistry();
        using var bridge = new MeterBridge(registry, new MeterBridgeOptions().AddRuntime());
        bridge.Start();
        double before = Gen2(registry.ExportText());
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        double after = Gen2(registry.ExportText());

        Assert.True(after >= before + 1, $"gen2 collections {before} -> {after}");
    }

    [ToolFact("promtool")]
    public async Task The_runtime_preset_passes_promtool_check_metrics()
    {
        var registry = new MetricRegistry();
        using var bridge = new MeterBridge(registry, new MeterBridgeOptions().AddRuntime());
        bridge.Start();
        GC.Collect();
        try
        {
            throw new InvalidOperationException("counted by dotnet.exceptions");
        }
        catch (InvalidOperationException)
        {
        }

        string text = registry.ExportText();
        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(text));
        Assert.True(exit == 0, $"promtool exit {exit}: {output}\n{text}");
        Assert.Contains("dotnet_timer_count_current ", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_assembly_count_current ", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_exceptions_total{error_type=\"InvalidOperationException\"} ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_net8_stand_in_produces_the_families_of_the_real_meter_and_moves_too()
    {
        using Meter standIn = RuntimeMeterFallback.Create("DistriC.Tests.Runtime." + Guid.NewGuid().ToString("N"));
        var real = new MetricRegistry();
        var fallback = new MetricRegistry();
        using var realBridge = new MeterBridge(real, new MeterBridgeOptions().AddRuntime());
        using var fallbackBridge = new MeterBridge(fallback, new MeterBridgeOptions().AddMeter(standIn.Name));
        realBridge.Start();
        fallbackBridge.Start();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        try
        {
            throw new InvalidOperationException("counted by both");
        }
        catch (InvalidOperationException)
        {
        }

        string realText = real.ExportText();
        string fallbackText = fallback.ExportText();
        Assert.Equal(TypeLines(realText), TypeLines(fallbackText));
        Assert.Equal(Gen2(realText), Gen2(fallbackText));
        Assert.Contains("dotnet_exceptions_total{error_type=\"InvalidOperationException\"} ", fallbackText, StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessorCount, ProcessMetricsTests.Value(fallbackText, "dotnet_process_cpu_count_current"));
    }

    private static double Gen2(string text) => ProcessMetricsTests.Value(text, "dotnet_gc_collections_total{gc_heap_generation=\"gen2\"}");

    private static List<string> TypeLines(string text) =>
        text.Split('\n').Where(l => l.StartsWith("# TYPE dotnet_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
