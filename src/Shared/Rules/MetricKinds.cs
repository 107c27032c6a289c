// The per-kind facts every layer needs, in one table: adding a metric kind means adding a row here
// (and its runtime family and generated methods), never finding the switches that would otherwise
// fall back to "histogram". An undefined kind value is not in the table: Find returns null and Get
// throws, so no layer silently treats it as some other kind.
// Keep this file netstandard2.0-compatible and free of dependencies.
namespace DistriC
{
    /// <summary>What one metric kind is called and how it is exposed, stored and generated.</summary>
    internal sealed class MetricKindInfo
    {
        public MetricKindInfo(
            int value,
            string name,
            string prometheusType,
            string openMetricsType,
            string? nameSuffix,
            bool takesBuckets,
            int fixedSeriesPerCombination,
            string cellsType,
            string registerMethod)
        {
            Value = value;
            Name = name;
            PrometheusType = prometheusType;
            OpenMetricsType = openMetricsType;
            NameSuffix = nameSuffix;
            TakesBuckets = takesBuckets;
            FixedSeriesPerCombination = fixedSeriesPerCombination;
            CellsType = cellsType;
            RegisterMethod = registerMethod;
        }

        /// <summary>The value of the <c>DistriC.MetricKind</c> member (and of its generator-side mirror).</summary>
        public int Value { get; }

        /// <summary>The <c>DistriC.MetricKind</c> member name, e.g. <c>Counter</c>.</summary>
        public string Name { get; }

        /// <summary>The <c># TYPE</c> word in Prometheus text 0.0.4.</summary>
        public string PrometheusType { get; }

        /// <summary>The <c># TYPE</c> word in OpenMetrics 1.0.</summary>
        public string OpenMetricsType { get; }

        /// <summary>The suffix the name should end with (<c>_total</c> on a counter; DSC010) and the OpenMetrics sample carries; null when none.</summary>
        public string? NameSuffix { get; }

        /// <summary>The kind has bucket bounds (and so reserves the <c>le</c> label).</summary>
        public bool TakesBuckets { get; }

        /// <summary>Series per label combination besides one per finite bucket: 1 for a counter or gauge; 3 for a histogram (+Inf, _sum, _count).</summary>
        public int FixedSeriesPerCombination { get; }

        /// <summary>The <c>DistriC.Infrastructure</c> cells type the generated class keeps; empty when it keeps none.</summary>
        public string CellsType { get; }

        /// <summary>The <c>MetricRegistration</c> method the generated constructor calls.</summary>
        public string RegisterMethod { get; }

        /// <summary>Series one label combination exposes, given the finite bucket count (ignored when the kind has no buckets).</summary>
        public long SeriesPerCombination(int bucketCount) => FixedSeriesPerCombination + (TakesBuckets ? bucketCount : 0);
    }

    internal static class MetricKinds
    {
        public static readonly MetricKindInfo Counter = new MetricKindInfo(0, "Counter", "counter", "counter", "_total", false, 1, "CounterCells", "RegisterCounter");

        public static readonly MetricKindInfo Gauge = new MetricKindInfo(1, "Gauge", "gauge", "gauge", null, false, 1, "GaugeCells", "RegisterGauge");

        public static readonly MetricKindInfo Histogram = new MetricKindInfo(2, "Histogram", "histogram", "histogram", null, true, 3, "HistogramCells", "RegisterHistogram");

        // OpenMetrics' info type: one series of fixed label values, always 1; a gauge named ..._info in Prometheus 0.0.4.
        // It keeps no cells: the generated class only registers it.
        public static readonly MetricKindInfo Info = new MetricKindInfo(3, "Info", "gauge", "info", "_info", false, 1, string.Empty, "RegisterInfo");

        /// <summary>Every kind, ordered by value (the value is the index).</summary>
        public static readonly MetricKindInfo[] All = { Counter, Gauge, Histogram, Info };

        /// <summary>True for the kinds that carry exemplars (a counter's <c>_total</c>, a histogram's buckets) and <c>_created</c> samples.</summary>
        public static bool HasExemplars(MetricKindInfo kind) => kind == Counter || kind == Histogram;

        /// <summary>The kind with <paramref name="value"/>, or null when no kind has it (e.g. <c>(MetricKind)99</c>).</summary>
        public static MetricKindInfo? Find(int value) => value >= 0 && value < All.Length ? All[value] : null;

        /// <summary>The kind with <paramref name="value"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">No kind has <paramref name="value"/>.</exception>
        public static MetricKindInfo Get(int value) =>
            Find(value) ?? throw new System.ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a metric kind; the kinds are {Names}.");

        /// <summary><c>MetricKind.Counter, MetricKind.Gauge or MetricKind.Histogram</c>: the kinds in words, for messages.</summary>
        public static string Names
        {
            get
            {
                var text = new System.Text.StringBuilder();
                for (int i = 0; i < All.Length; i++)
                {
                    text.Append(i == 0 ? string.Empty : i == All.Length - 1 ? " or " : ", ").Append("MetricKind.").Append(All[i].Name);
                }

                return text.ToString();
            }
        }
    }
}
