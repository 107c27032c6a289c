using System;
using System.Threading;
using DistriC.Exposition;

namespace DistriC.Metrics;

/// <summary>
/// One registered metric family: its metadata, each format's pre-encoded fragments, and the code that
/// reads its cells and hands each series to an <see cref="ISampleWriter"/>.
/// </summary>
internal abstract class MetricFamily
{
    private readonly TextFamily[] _text;
    private readonly string[] _labelNames;
    private string[]? _seriesLabelValues;

    /// <param name="layout">The validated declaration.</param>
    /// <param name="unit">The OpenMetrics unit, or null.</param>
    /// <param name="createdUnixSeconds">When the series were created (Unix seconds), for the <c>_created</c> samples; null for none.</param>
    protected MetricFamily(MetricLayout layout, string? unit, double? createdUnixSeconds = null)
    {
        Layout = layout;
        Header = new FamilyHeader(layout.Kind, layout.Name, layout.Help, unit, createdUnixSeconds);
        _text = TextFormats.Encode(Header, layout.Buckets);
        _labelNames = new string[layout.LabelNames.Count];
        for (int d = 0; d < _labelNames.Length; d++)
        {
            _labelNames[d] = layout.LabelNames[d];
        }
    }

    public MetricLayout Layout { get; }

    public string Name => Layout.Name;

    public FamilyHeader Header { get; }

    /// <summary>Walks <paramref name="families"/> through <paramref name="writer"/> in order, then ends the exposition.</summary>
    public static void WriteAll<TWriter>(MetricFamily[] families, ref TWriter writer)
        where TWriter : struct, ISampleWriter
    {
        foreach (MetricFamily family in families)
        {
            writer.BeginFamily(family);
            family.WriteSamples(ref writer);
            writer.EndFamily();
        }

        writer.EndExposition();
    }

    /// <summary>This family's fragments in text format <paramref name="format"/>.</summary>
    public TextFamily TextFor(ExpositionFormat format) => _text[(int)format];

    /// <summary>The family's description for the public read path; allocates nothing.</summary>
    public virtual MetricFamilyInfo Describe() => new(Header.Kind, Header.Name, Header.Help, Header.Unit, _labelNames, Layout.Buckets, Layout.Cardinality);

    /// <summary>
    /// The label values of series <paramref name="series"/>, in label order. The table is built on the
    /// first call, so registries that only serve text never pay for it.
    /// </summary>
    public virtual ReadOnlySpan<string> LabelValuesOf(int series)
    {
        int width = _labelNames.Length;
        if (width == 0)
        {
            return default;
        }

        string[] table = Volatile.Read(ref _seriesLabelValues) ?? BuildLabelValues();
        return table.AsSpan(series * width, width);
    }

    /// <summary>Reads every series once and hands it to <paramref name="writer"/>, in flat-index order.</summary>
    public abstract void WriteSamples<TWriter>(ref TWriter writer)
        where TWriter : struct, ISampleWriter;

    private string[] BuildLabelValues()
    {
        int width = _labelNames.Length;
        var table = new string[Layout.Cardinality * width];
        for (int series = 0; series < Layout.Cardinality; series++)
        {
            for (int d = 0; d < width; d++)
            {
                // Row-major: ordinal d is (index / stride_d) mod the allowlist size.
                table[(series * width) + d] = Layout.LabelValues[d][series / Layout.Strides[d] % Layout.LabelValues[d].Length];
            }
        }

        // Two racing first readers build equal tables; either may win.
        return Interlocked.CompareExchange(ref _seriesLabelValues, table, null) ?? table;
    }
}
