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

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            writer.WriteCounter(i, Layout.Series[i], Cells.Get(i));
        }
    }
}
