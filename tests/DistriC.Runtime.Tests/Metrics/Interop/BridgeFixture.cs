using System;
using System.Diagnostics.Metrics;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>A meter of a name no other test uses (the listener is process-wide), a registry and a started bridge over it.</summary>
internal sealed class BridgeFixture : IDisposable
{
    public BridgeFixture(Action<MeterBridgeOptions>? configure = null, MetricRegistry? registry = null)
    {
        Meter = new Meter("DistriC.Tests." + Guid.NewGuid().ToString("N"));
        Registry = registry ?? new MetricRegistry();
        Options = new MeterBridgeOptions().AddMeter(Meter.Name);
        configure?.Invoke(Options);
        Bridge = new MeterBridge(Registry, Options);
        Bridge.Start();
    }

    public Meter Meter { get; }

    public MetricRegistry Registry { get; }

    public MeterBridgeOptions Options { get; }

    public MeterBridge Bridge { get; }

    /// <summary>The exposition without the bridge's and the registry's own families, for exact comparisons.</summary>
    public string Text(ExpositionFormat format = ExpositionFormat.Prometheus) => WithoutInternal(Registry.ExportText(format));

    public static string WithoutInternal(string text)
    {
        var kept = new System.Text.StringBuilder();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.Contains("distric_internal_", StringComparison.Ordinal))
            {
                kept.Append(line).Append('\n');
            }
        }

        return kept.ToString();
    }

    public void Dispose()
    {
        Bridge.Dispose();
        Meter.Dispose();
    }
}
