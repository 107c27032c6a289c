using System;
using System.Collections.Generic;
using DistriC.Infrastructure;

namespace DistriC.Metrics.Interop;

/// <summary>
/// The family of an instrument bound by declaration (<see cref="MeterInstrumentBinding"/>): every series exists from the
/// start, one per combination of the declared values, and a measurement finds its series by the binding's generated
/// mapping from tags to the flat index. No lock, no table, no allocation on any measurement.
/// </summary>
internal sealed class DeclaredFamily : InstrumentFamily
{
    private readonly MeterInstrumentBinding _binding;
    private readonly BridgedSeries[] _series;

    public DeclaredFamily(MetricLayout layout, string? unit, BridgedAggregation aggregation, bool integer, double scale, MeterInstrumentBinding binding, DropCounters drops)
        : base(layout, unit, aggregation, integer, scale, drops)
    {
        _binding = binding;
        _series = new BridgedSeries[layout.Cardinality];
        for (int i = 0; i < _series.Length; i++)
        {
            // Label values come from the layout (MetricFamily.LabelValuesOf); the series keeps only its encoded labels.
            _series[i] = new BridgedSeries(Array.Empty<string>(), layout.Series[i].ToArray(), BucketCount);
        }
    }

    /// <summary>The binding whose mapping this family uses.</summary>
    public MeterInstrumentBinding Binding => _binding;

    protected override BridgedSeries? Lookup(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        int index = _binding.SeriesOf(tags);
        // An unsigned compare: -1 (a value outside the list, no catch-all) and a faulty index both drop.
        return (uint)index < (uint)_series.Length ? _series[index] : null;
    }

    protected override BridgedSeries[] Snapshot(out int count)
    {
        count = _series.Length;
        return _series;
    }
}
