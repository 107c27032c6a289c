// The declaration model of one [MeterInstrument] class: plain values only, like MetricModel. Besides what was
// declared (meter, instrument, tag keys, catch-alls) it carries the declaration translated into the metric it
// exposes (Metric: the Prometheus name and label names, the values with the catch-all last), which the shared
// [Metric] rules check and the generator writes out.
using DistriC.Generators;

namespace DistriC.Metrics
{
    /// <summary>One [MeterTag] of a binding, in declaration order.</summary>
    internal sealed record MeterTagModel
    {
        public MeterTagModel(string? key, string? catchAll, LabelModel label, SourceLocation catchAllLocation)
        {
            Key = key;
            CatchAll = catchAll;
            Label = label;
            CatchAllLocation = catchAllLocation;
        }

        /// <summary>The tag key as the instrument spells it (<c>payment.method</c>).</summary>
        public string? Key { get; }

        /// <summary>The <c>CatchAll</c> value, or null when none was given.</summary>
        public string? CatchAll { get; }

        /// <summary>The tag as declared: its translated label name and its listed values (the catch-all not among them).</summary>
        public LabelModel Label { get; }

        public SourceLocation CatchAllLocation { get; }
    }

    /// <summary>One [MeterInstrument] declaration.</summary>
    internal sealed record MeterBindingModel
    {
        public MeterBindingModel(
            string? meterName,
            string? instrumentName,
            string? instrumentUnit,
            bool alsoMetric,
            EquatableArray<MeterTagModel> tags,
            MetricModel metric,
            SourceLocation meterLocation,
            SourceLocation instrumentLocation)
        {
            MeterName = meterName;
            InstrumentName = instrumentName;
            InstrumentUnit = instrumentUnit;
            AlsoMetric = alsoMetric;
            Tags = tags;
            Metric = metric;
            MeterLocation = meterLocation;
            InstrumentLocation = instrumentLocation;
        }

        public string? MeterName { get; }

        public string? InstrumentName { get; }

        /// <summary>The instrument's UCUM unit as declared (<c>Unit</c>), or null.</summary>
        public string? InstrumentUnit { get; }

        /// <summary>The class carries [Metric] too (DSC016).</summary>
        public bool AlsoMetric { get; }

        public EquatableArray<MeterTagModel> Tags { get; }

        /// <summary>
        /// The exposed metric: its name and unit from the OpenTelemetry-to-Prometheus translation, its labels the kept tags
        /// (translated names; values with a valid catch-all appended; a repeated key left out), its buckets as declared.
        /// </summary>
        public MetricModel Metric { get; }

        public SourceLocation MeterLocation { get; }

        public SourceLocation InstrumentLocation { get; }

        public TypeShapeModel Type => Metric.Type;
    }
}
