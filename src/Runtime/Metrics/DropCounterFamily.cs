using DistriC.Exposition;
using DistriC.Infrastructure;

namespace DistriC.Metrics;

/// <summary>Exposes a registry's <see cref="DropCounters"/> as <c>distric_internal_metric_updates_dropped_total{reason}</c>.</summary>
internal sealed class DropCounterFamily : MetricFamily
{
    private readonly DropCounters _drops;

    public DropCounterFamily(MetricLayout layout, DropCounters drops)
        : base(layout, unit: null)
    {
        _drops = drops;
    }

    protected override void WriteSamples(ExpositionWriter writer, ExpositionFormat format)
    {
        byte[] name = Header.SampleNameFor(format);
        writer.WriteSample(name, Layout.Series[0], default, _drops.InvalidLabel);
        writer.WriteSample(name, Layout.Series[1], default, _drops.InvalidValue);
    }
}
