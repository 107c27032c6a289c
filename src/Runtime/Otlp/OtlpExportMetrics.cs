using System;
using System.Runtime.CompilerServices;
using System.Threading;
using DistriC.Infrastructure;
using DistriC.Metrics;

namespace DistriC.Otlp;

/// <summary>
/// The OTLP exporters' self-monitoring in one registry: <c>distric_internal_otlp_exported_total{signal,result}</c>
/// (items by outcome), <c>distric_internal_otlp_retries_total{signal}</c> and <c>distric_internal_otlp_healthy{signal}</c>.
/// One instance per registry (a weak table), so the exporters of the three signals share the families.
/// </summary>
internal sealed class OtlpExportMetrics
{
    public const string ExportedMetricName = "distric_internal_otlp_exported_total";
    public const string RetriesMetricName = "distric_internal_otlp_retries_total";
    public const string HealthyMetricName = "distric_internal_otlp_healthy";

    internal static readonly string[] SignalLabels = ["traces", "logs", "metrics"];
    internal static readonly string[] ResultLabels = ["success", "rejected", "retries_exhausted", "dropped"];

    private static readonly ConditionalWeakTable<MetricRegistry, OtlpExportMetrics> PerRegistry = new();

    private readonly OtlpExportCounters[][] _attached = [[], [], []];

    private OtlpExportMetrics(MetricRegistry registry)
    {
        registry.Register(
            new MetricDescriptor(MetricKind.Counter, ExportedMetricName,
                "Items (spans, log records, metric data points) handed to the OTLP exporters, by signal and outcome",
                ["signal", "result"], [SignalLabels, ResultLabels]),
            layout => new Family(layout, this, FamilyValue.Exported));
        registry.Register(
            new MetricDescriptor(MetricKind.Counter, RetriesMetricName, "OTLP requests retried after a retryable failure, by signal",
                ["signal"], [SignalLabels]),
            layout => new Family(layout, this, FamilyValue.Retries));
        registry.Register(
            new MetricDescriptor(MetricKind.Gauge, HealthyMetricName,
                "1 while the signal's OTLP exporters delivered their last batch (or sent none yet), else 0; absent signals read 1",
                ["signal"], [SignalLabels]),
            layout => new Family(layout, this, FamilyValue.Healthy));
    }

    private enum FamilyValue
    {
        Exported,
        Retries,
        Healthy,
    }

    public static OtlpExportMetrics For(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return PerRegistry.GetValue(registry, static r => new OtlpExportMetrics(r));
    }

    /// <summary>Adds an exporter's counters to its signal's series (copy-on-write: scrapes read without a lock).</summary>
    public void Attach(OtlpSignal signal, OtlpExportCounters counters)
    {
        lock (_attached)
        {
            OtlpExportCounters[] current = _attached[(int)signal];
            if (Array.IndexOf(current, counters) < 0)
            {
                Volatile.Write(ref _attached[(int)signal], [.. current, counters]);
            }
        }
    }

    private long Sum(int signal, Func<OtlpExportCounters, long> read)
    {
        long total = 0;
        foreach (OtlpExportCounters counters in Volatile.Read(ref _attached[signal]))
        {
            total += read(counters);
        }

        return total;
    }

    private sealed class Family : MetricFamily
    {
        private readonly OtlpExportMetrics _owner;
        private readonly FamilyValue _value;

        public Family(MetricLayout layout, OtlpExportMetrics owner, FamilyValue value)
            : base(layout, unit: null)
        {
            _owner = owner;
            _value = value;
        }

        public override void WriteSamples<TWriter>(ref TWriter writer)
        {
            for (int signal = 0; signal < SignalLabels.Length; signal++)
            {
                switch (_value)
                {
                    case FamilyValue.Exported:
                        int first = signal * ResultLabels.Length;
                        writer.WriteCounter(first, Layout.Series[first], _owner.Sum(signal, static c => Interlocked.Read(ref c.Delivered)), default);
                        writer.WriteCounter(first + 1, Layout.Series[first + 1], _owner.Sum(signal, static c => Interlocked.Read(ref c.Rejected)), default);
                        writer.WriteCounter(first + 2, Layout.Series[first + 2], _owner.Sum(signal, static c => Interlocked.Read(ref c.RetriesExhausted)), default);
                        writer.WriteCounter(first + 3, Layout.Series[first + 3], _owner.Sum(signal, static c => Interlocked.Read(ref c.Dropped)), default);
                        break;
                    case FamilyValue.Retries:
                        writer.WriteCounter(signal, Layout.Series[signal], _owner.Sum(signal, static c => Interlocked.Read(ref c.Retries)), default);
                        break;
                    default:
                        long failing = _owner.Sum(signal, static c => Interlocked.Read(ref c.ConsecutiveFailures) > 0 ? 1 : 0);
                        writer.WriteGauge(signal, Layout.Series[signal], failing == 0 ? 1 : 0);
                        break;
                }
            }
        }
    }
}
