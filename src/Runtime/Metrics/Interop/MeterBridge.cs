using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using DistriC.Infrastructure;
using DistriC.Metrics;
using DistriC.Metrics.Interop;

namespace DistriC;

/// <summary>
/// Brings <see cref="System.Diagnostics.Metrics"/> instruments (the framework's own telemetry, or another library's) into a
/// <see cref="MetricRegistry"/> through a <see cref="MeterListener"/>, under the OpenTelemetry-to-Prometheus names and with
/// a series cap per instrument.
/// </summary>
/// <remarks>
/// <para>Each selected instrument becomes one family when it is published (or, for instruments that exist already, when
/// <see cref="Start"/> runs). Counters become counters, up-down counters and gauges become gauges, histograms become
/// histograms with the instrument's advised buckets or OpenTelemetry's defaults; observable instruments are read at the
/// start of every scrape (<see cref="MetricRegistry.WriteTo"/> and <see cref="MetricRegistry.Collect"/>).</para>
/// <para>Recording a measurement of a tag set seen before takes no lock and allocates nothing; the first measurement of
/// a new tag set creates its series once. An instrument the registry will not take (frozen, full, a name that exists)
/// is counted in <c>distric_internal_meter_instruments_rejected_total</c> and not bridged.</para>
/// </remarks>
public sealed class MeterBridge : IDisposable
{
    /// <summary>Counts measurements folded into an instrument's overflow series, labelled by instrument name.</summary>
    public const string OverflowMetricName = "distric_internal_meter_overflow_measurements_total";

    /// <summary>Counts instruments selected but not bridged.</summary>
    public const string RejectedMetricName = "distric_internal_meter_instruments_rejected_total";

    private readonly MetricRegistry _registry;
    private readonly MeterBridgeOptions _options;
    private readonly object _lock = new();
    private readonly Dictionary<string, InstrumentFamily> _families = new(StringComparer.Ordinal);
    private readonly OverflowFamily? _overflow;
    private MeterListener? _listener;
    private long _rejected;
    private int _instruments;
    private bool _disposed;

    /// <summary>Creates a bridge into <paramref name="registry"/> and registers its self-monitoring families there.</summary>
    /// <param name="registry">Where the bridged instruments' families go.</param>
    /// <param name="options">What to bridge; the bridge keeps a reference, so configure it before <see cref="Start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The series cap does not fit the registry's <see cref="MetricRegistry.MaxCardinality"/>.</exception>
    public MeterBridge(MetricRegistry registry, MeterBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxSeriesPerInstrument >= registry.MaxCardinality)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                $"MaxSeriesPerInstrument ({options.MaxSeriesPerInstrument}) plus the overflow series must fit the registry's MaxCardinality ({registry.MaxCardinality}).");
        }

        _registry = registry;
        _options = options;
        if (!HasFamily(registry, OverflowMetricName))
        {
            _overflow = (OverflowFamily)registry.Register(
                new MetricDescriptor(MetricKind.Counter, OverflowMetricName, "Measurements of bridged instruments recorded into their overflow series because the instrument had reached its series cap"),
                layout => new OverflowFamily(layout));
            registry.CreateObservableCounter(RejectedMetricName, "Meter instruments selected for bridging that the registry did not take (frozen, full, or a name that exists)", () => Interlocked.Read(ref _rejected));
        }
    }

    /// <summary>Instruments bridged so far (several instruments may share one family).</summary>
    public int BridgedInstruments => Volatile.Read(ref _instruments);

    /// <summary>Instruments selected but not bridged (see the remarks).</summary>
    public long RejectedInstruments => Interlocked.Read(ref _rejected);

    /// <summary>Starts listening: binds the selected instruments that exist, then each one as it is published. Idempotent.</summary>
    /// <exception cref="ObjectDisposedException">The bridge was disposed.</exception>
    public void Start()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_listener is not null)
            {
                return;
            }

            var listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
            listener.SetMeasurementEventCallback<byte>(OnMeasurement);
            listener.SetMeasurementEventCallback<short>(OnMeasurement);
            listener.SetMeasurementEventCallback<int>(OnMeasurement);
            listener.SetMeasurementEventCallback<long>(OnMeasurement);
            listener.SetMeasurementEventCallback<float>(OnMeasurement);
            listener.SetMeasurementEventCallback<double>(OnMeasurement);
            listener.SetMeasurementEventCallback<decimal>(OnMeasurement);
            _listener = listener;
            _registry.Collecting += RecordObservables;
        }

        // Outside the lock: Start calls InstrumentPublished for every existing instrument, which takes it.
        _listener.Start();
    }

    /// <summary>Stops listening; the bridged families stay in the registry with their last values.</summary>
    public void Dispose()
    {
        MeterListener? listener;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            listener = _listener;
            _registry.Collecting -= RecordObservables;
        }

        listener?.Dispose();
    }

    /// <summary>The measurement callback: the hot path. Converts without boxing and hands over to the family.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void OnMeasurement<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct
    {
        if (state is not InstrumentFamily family)
        {
            return;
        }

        if (typeof(T) == typeof(long))
        {
            family.Record(Unsafe.As<T, long>(ref measurement), tags);
        }
        else if (typeof(T) == typeof(int))
        {
            family.Record(Unsafe.As<T, int>(ref measurement), tags);
        }
        else if (typeof(T) == typeof(double))
        {
            family.Record(Unsafe.As<T, double>(ref measurement), tags);
        }
        else if (typeof(T) == typeof(float))
        {
            family.Record(Unsafe.As<T, float>(ref measurement), tags);
        }
        else if (typeof(T) == typeof(short))
        {
            family.Record(Unsafe.As<T, short>(ref measurement), tags);
        }
        else if (typeof(T) == typeof(byte))
        {
            family.Record(Unsafe.As<T, byte>(ref measurement), tags);
        }
        else if (typeof(T) == typeof(decimal))
        {
            family.Record((double)Unsafe.As<T, decimal>(ref measurement), tags);
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_options.Selects(instrument))
        {
            return;
        }

        InstrumentFamily? family = Bind(instrument);
        if (family is not null)
        {
            listener.EnableMeasurementEvents(instrument, family);
            Interlocked.Increment(ref _instruments);
        }
        else
        {
            Interlocked.Increment(ref _rejected);
        }
    }

    private InstrumentFamily? Bind(Instrument instrument)
    {
        if (InstrumentShape.Of(instrument) is not InstrumentShape shape)
        {
            return null;
        }

        MeterInstrumentBinding? binding = _options.BindingFor(instrument);
        if (binding is not null && (binding.Kind != shape.Kind || binding.Unit != (string.IsNullOrEmpty(instrument.Unit) ? null : instrument.Unit)))
        {
            // Another kind or unit would expose another name than the one the analyzers checked.
            return null;
        }

        (string? baseUnit, double scale) = PrometheusNaming.ToBaseUnit(instrument.Unit);
        if (scale != 1)
        {
            shape = shape with { IsInteger = false };
        }

        MetricKindInfo kind = MetricKinds.Get((int)shape.Kind);
        string name = PrometheusNaming.MetricName(instrument.Name, baseUnit, kind);
        lock (_lock)
        {
            if (_disposed)
            {
                return null;
            }

            if (_families.TryGetValue(name, out InstrumentFamily? existing))
            {
                // Instruments of one name (say, one meter per DI container) feed one family when they agree.
                bool sameBinding = existing is DeclaredFamily declared ? declared.Binding.GetType() == binding?.GetType() : binding is null;
                return sameBinding && existing.Accepts(shape.Kind, shape.Aggregation, shape.IsInteger, scale) ? existing : null;
            }

            InstrumentFamily? family = Register(instrument, shape, name, PrometheusNaming.ExposedUnit(name, baseUnit, kind), scale, binding);
            if (family is not null)
            {
                _families.Add(name, family);
                if (family is BridgedFamily bridged)
                {
                    _overflow?.Add(instrument.Name, bridged);
                }
            }

            return family;
        }
    }

    private InstrumentFamily? Register(Instrument instrument, InstrumentShape shape, string name, string? unit, double scale, MeterInstrumentBinding? binding)
    {
        string help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Meter.Name + " " + instrument.Name : instrument.Description;
        if (help.Length > MetricRules.MaxHelpLength)
        {
            help = help[..MetricRules.MaxHelpLength];
        }

        double[]? buckets = shape.Kind == MetricKind.Histogram ? InstrumentShape.Buckets(instrument, scale, binding?.Buckets) : null;
        DropCounters drops = _registry.Drops;
        try
        {
            if (binding is not null)
            {
                var labelNames = new string[binding.Labels.Count];
                var labelValues = new IReadOnlyList<string>[binding.Labels.Count];
                for (int d = 0; d < labelNames.Length; d++)
                {
                    labelNames[d] = binding.Labels[d].Key;
                    labelValues[d] = binding.Labels[d].AllowedValues;
                }

                return (InstrumentFamily)_registry.Register(
                    new MetricDescriptor(shape.Kind, name, help, labelNames, labelValues, buckets, unit),
                    layout => new DeclaredFamily(layout, unit, shape.Aggregation, shape.IsInteger, scale, binding, drops));
            }

            Func<string, bool> keep = _options.TagFilter(instrument.Name);
            var fills = new TagFills(_options.FillsFor(instrument.Name));
            int cap = _options.MaxSeriesPerInstrument;
            return (InstrumentFamily)_registry.Register(
                new MetricDescriptor(shape.Kind, name, help, buckets: buckets, unit: unit),
                layout => new BridgedFamily(layout, unit, shape.Aggregation, shape.IsInteger, scale, cap, keep, drops, fills));
        }
        catch (MetricRegistrationException)
        {
            return null;
        }
    }

    private static bool HasFamily(MetricRegistry registry, string name)
    {
        foreach (MetricFamily family in registry.Families)
        {
            if (family.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private void RecordObservables() => _listener?.RecordObservableInstruments();
}
