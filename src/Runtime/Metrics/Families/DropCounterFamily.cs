using DistriC.Infrastructure;

namespace DistriC.Metrics;

/// <summary>Exposes a registry's <see cref="DropCounters"/> as <c>distric_internal_metric_updates_dropped_total{reason}</c>.</summary>
internal sealed class DropCounterFamily : MetricFamily
{
    private readonly DropCounters _drops;

    public DropCounterFamily(MetricLayout layout, DropCounters drops, MetricClock clock)
        : base(layout, unit: null, clock.UnixSecondsNow())
    {
        _drops = drops;
    }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        writer.WriteCounter(0, Layout.Series[0], _drops.InvalidLabel, default);
        writer.WriteCounter(1, Layout.Series[1], _drops.InvalidValue, default);
    }
}
