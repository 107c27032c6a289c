using DistriC.Exposition;
using DistriC.Infrastructure;

namespace DistriC.Metrics;

internal sealed class CounterFamily : MetricFamily
{
    public CounterFamily(MetricLayout layout, string? unit, DropCounters drops)
        : base(layout, unit)
    {
        Cells = new CounterCells(layout.Cardinality, drops);
    }

    public CounterCells Cells { get; }

    protected override void WriteSamples(ExpositionWriter writer, ExpositionFormat format)
    {
        byte[] name = Header.SampleNameFor(format);
        for (int i = 0; i < Cells.Count; i++)
        {
            writer.WriteSample(name, Layout.Series[i], default, Cells.Get(i));
        }
    }
}
