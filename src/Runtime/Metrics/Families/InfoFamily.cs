namespace DistriC.Metrics;

/// <summary>An info family: its one series of fixed label values, always 1; nothing to update.</summary>
internal sealed class InfoFamily : MetricFamily
{
    public InfoFamily(MetricLayout layout)
        : base(layout, unit: null)
    {
    }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        for (int i = 0; i < Layout.Cardinality; i++)
        {
            writer.WriteInfo(i, Layout.Series[i]);
        }
    }
}
