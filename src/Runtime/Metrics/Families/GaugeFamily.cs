using DistriC.Infrastructure;

namespace DistriC.Metrics;

internal sealed class GaugeFamily : MetricFamily
{
    public GaugeFamily(MetricLayout layout, string? unit, DropCounters drops)
        : base(layout, unit)
    {
        Cells = new GaugeCells(layout.Cardinality, drops);
    }

    public GaugeCells Cells { get; }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            writer.WriteGauge(i, Layout.Series[i], Cells.Get(i));
        }
    }
}
