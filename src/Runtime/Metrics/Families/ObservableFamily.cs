using System;

namespace DistriC.Metrics;

/// <summary>
/// An unlabelled counter or gauge whose value is read from a callback at scrape time: the way
/// components expose state they already track (queue depth, drop totals) with no hot-path cost.
/// A callback that throws is skipped for that scrape; exposition stays valid.
/// </summary>
internal sealed class ObservableFamily : MetricFamily
{
    private readonly Func<double>? _gauge;
    private readonly Func<long>? _counter;

    public ObservableFamily(MetricLayout layout, Func<double>? gauge, Func<long>? counter)
        : base(layout, unit: null)
    {
        _gauge = gauge;
        _counter = counter;
    }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        try
        {
            if (_counter is not null)
            {
                writer.WriteCounter(0, default, _counter(), default);
            }
            else if (_gauge is not null)
            {
                writer.WriteGauge(0, default, _gauge());
            }
        }
#pragma warning disable CA1031 // A failing callback must not break the scrape of every other metric.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
