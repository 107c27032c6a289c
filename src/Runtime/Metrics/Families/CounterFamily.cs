using DistriC.Infrastructure;

namespace DistriC.Metrics;

internal sealed class CounterFamily : MetricFamily
{
    public CounterFamily(MetricLayout layout, string? unit, DropCounters drops, MetricClock clock)
        : base(layout, unit, clock.UnixSecondsNow())
    {
        Cells = new CounterCells(layout.Cardinality, drops, layout.Exemplars ? clock : null);
    }

    public CounterCells Cells { get; }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            // Read the exemplar first: it can only be older than the total read after it, never from a later update.
            Cells.TryReadExemplar(i, out MetricExemplar exemplar);
            writer.WriteCounter(i, Layout.Series[i], Cells.Get(i), exemplar);
        }
    }
}
