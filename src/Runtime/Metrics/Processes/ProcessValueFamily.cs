using System;

namespace DistriC.Metrics.Processes;

/// <summary>
/// An unlabelled counter or gauge whose floating-point value is read at every scrape; a NaN (the platform cannot say)
/// writes no sample. A counter's value prints like a gauge's in both text formats.
/// </summary>
internal sealed class ProcessValueFamily : MetricFamily, Publishing.IFloatingPointCounter
{
    private readonly Func<double> _read;

    public ProcessValueFamily(MetricLayout layout, string? unit, Func<double> read)
        : base(layout, unit)
    {
        _read = read;
    }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        double value;
        try
        {
            value = _read();
        }
#pragma warning disable CA1031 // A failed read (a file that vanished) must not break the scrape of every other metric.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        if (!double.IsNaN(value))
        {
            writer.WriteGauge(0, default, value);
        }
    }
}
