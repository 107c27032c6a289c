using System;
using System.Text;
using System.Threading;
using DistriC.Exposition;

namespace DistriC.Metrics.Interop;

/// <summary>
/// <c>distric_internal_meter_overflow_measurements_total{instrument}</c>: one series per bridged family, read from the
/// family's overflow count at scrape time. Its series grow with the instruments bridged, which the meters bound.
/// </summary>
internal sealed class OverflowFamily : MetricFamily
{
    private static readonly string[] LabelNames = { "instrument" };
    private Entry[] _entries = Array.Empty<Entry>();

    public OverflowFamily(MetricLayout layout)
        : base(layout, unit: null)
    {
    }

    /// <summary>Adds the series of <paramref name="family"/>; called under the bridge's lock.</summary>
    public void Add(string instrumentName, BridgedFamily family)
    {
        var entry = new Entry(new[] { instrumentName }, Encoding.UTF8.GetBytes("instrument=\"" + TextEscaping.EscapeLabelValue(instrumentName) + "\""), family);
        Entry[] current = _entries;
        var next = new Entry[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = entry;
        Volatile.Write(ref _entries, next);
    }

    public override MetricFamilyInfo Describe() =>
        new(Header.Kind, Header.Name, Header.Help, Header.Unit, LabelNames, default, Volatile.Read(ref _entries).Length);

    public override ReadOnlySpan<string> LabelValuesOf(int series) => Volatile.Read(ref _entries)[series].Values;

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        Entry[] entries = Volatile.Read(ref _entries);
        for (int i = 0; i < entries.Length; i++)
        {
            writer.WriteCounter(i, entries[i].Labels, entries[i].Family.Overflowed, default);
        }
    }

    private sealed record Entry(string[] Values, byte[] Labels, BridgedFamily Family);
}
