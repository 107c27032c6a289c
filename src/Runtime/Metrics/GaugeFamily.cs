using DistriC.Exposition;
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

    protected override void WriteSamples(ExpositionWriter writer, ExpositionFormat format)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            writer.WriteSample(Header.SampleName, Layout.Series[i], default, Cells.Get(i));
        }
    }
}
