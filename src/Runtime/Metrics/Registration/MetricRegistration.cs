using System.ComponentModel;
using DistriC.Metrics;

namespace DistriC.Infrastructure;

/// <summary>
/// The registration entry points that generated code targets. A generated metric class builds a
/// <see cref="MetricDescriptor"/> from its attributes, registers it here in its constructor, keeps the
/// returned cells, and indexes them with <c>sum(ordinal_d * stride_d)</c> where strides are
/// compile-time constants (row-major: the last label varies fastest, its stride is 1). The registry
/// validates the descriptor exactly as the dynamic API does, so a declaration the analyzers let
/// through always registers unless its name is already taken in that registry.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MetricRegistration
{
    /// <summary>Registers a counter family and returns its cells.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="descriptor">A descriptor whose <see cref="MetricDescriptor.Kind"/> is <see cref="MetricKind.Counter"/>.</param>
    /// <returns>The storage to index into.</returns>
    /// <exception cref="MetricRegistrationException">As for <see cref="MetricRegistry.CreateCounter"/>.</exception>
    public static CounterCells RegisterCounter(MetricRegistry registry, MetricDescriptor descriptor) =>
        ((CounterFamily)Register(registry, descriptor, MetricKind.Counter)).Cells;

    /// <summary>Registers a gauge family and returns its cells.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="descriptor">A descriptor whose <see cref="MetricDescriptor.Kind"/> is <see cref="MetricKind.Gauge"/>.</param>
    /// <returns>The storage to index into.</returns>
    /// <exception cref="MetricRegistrationException">As for <see cref="MetricRegistry.CreateGauge"/>.</exception>
    public static GaugeCells RegisterGauge(MetricRegistry registry, MetricDescriptor descriptor) =>
        ((GaugeFamily)Register(registry, descriptor, MetricKind.Gauge)).Cells;

    /// <summary>Registers a histogram family and returns its cells.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="descriptor">A descriptor whose <see cref="MetricDescriptor.Kind"/> is <see cref="MetricKind.Histogram"/>.</param>
    /// <returns>The storage to index into.</returns>
    /// <exception cref="MetricRegistrationException">As for <see cref="MetricRegistry.CreateHistogram(string, string, double[], LabelDefinition[])"/>.</exception>
    public static HistogramCells RegisterHistogram(MetricRegistry registry, MetricDescriptor descriptor) =>
        ((HistogramFamily)Register(registry, descriptor, MetricKind.Histogram)).Cells;

    /// <summary>Registers an info family: its one series is exposed from now on, with nothing to update.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="descriptor">A descriptor whose <see cref="MetricDescriptor.Kind"/> is <see cref="MetricKind.Info"/>.</param>
    /// <exception cref="MetricRegistrationException">As for <see cref="MetricRegistry.CreateInfo"/>.</exception>
    public static void RegisterInfo(MetricRegistry registry, MetricDescriptor descriptor) =>
        Register(registry, descriptor, MetricKind.Info);

    private static MetricFamily Register(MetricRegistry registry, MetricDescriptor descriptor, MetricKind expected)
    {
        System.ArgumentNullException.ThrowIfNull(registry);
        System.ArgumentNullException.ThrowIfNull(descriptor);
        // An undefined kind is left to the validator, which names the rule it breaks (DSC013).
        if (MetricKinds.Find((int)descriptor.Kind) is not null && descriptor.Kind != expected)
        {
            throw new MetricRegistrationException(DistricStatus.InvalidArgument, $"Metric '{descriptor.Name}' is a {descriptor.Kind}, not a {expected}.");
        }

        return registry.Register(descriptor, null);
    }
}
