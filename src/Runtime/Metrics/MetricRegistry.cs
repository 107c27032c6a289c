using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using DistriC.Exposition;
using DistriC.Infrastructure;
using DistriC.Metrics;

namespace DistriC;

/// <summary>
/// Holds metric families and exposes them in Prometheus or OpenMetrics text (<see cref="WriteTo"/>)
/// or as values (<see cref="Collect"/>).
/// </summary>
/// <remarks>
/// <para>Registration validates names, labels, allowlists and buckets, allocates one storage cell per
/// label combination up front, and encodes every exposition fragment once; it is serialised by a lock.
/// Updates never take that lock, never allocate and never throw.</para>
/// <para>Export reads an immutable snapshot of the family list, so scrapes run concurrently with
/// updates and with registration. Families appear in registration order and series in flat-index
/// order, so two scrapes of the same state are byte-identical.</para>
/// <para>Every registry exposes <c>distric_internal_metric_updates_dropped_total{reason}</c>, the updates
/// dropped for an invalid label (<c>invalid_label</c>) or value (<c>invalid_value</c>).</para>
/// </remarks>
public sealed class MetricRegistry
{
    /// <summary>Name of the self-monitoring family that counts dropped updates.</summary>
    public const string DroppedUpdatesMetricName = "distric_internal_metric_updates_dropped_total";

    private static readonly string[] DropReasonLabel = { "reason" };
    private static readonly IReadOnlyList<string>[] DropReasonValues = { new[] { "invalid_label", "invalid_value" } };

    private readonly object _registrationLock = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private MetricFamily[] _families = Array.Empty<MetricFamily>();
    private int _userFamilies;
    private volatile bool _frozen;

    /// <summary>Creates a registry with the default limits (1024 metrics, 10 000 series per metric).</summary>
    public MetricRegistry()
        : this(new MetricRegistryOptions())
    {
    }

    /// <summary>Creates a registry with the given limits.</summary>
    /// <param name="options">Limits; both must be positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public MetricRegistry(MetricRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMetrics, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCardinality, 1, nameof(options));
        MaxMetrics = options.MaxMetrics;
        MaxCardinality = options.MaxCardinality;
        Clock = new MetricClock(options.TimeProvider ?? throw new ArgumentNullException(nameof(options), "TimeProvider is null."), options.ExemplarInterval);
        Drops = new DropCounters();
        AddInternalFamilies();
    }

    /// <summary>Most metric families this registry accepts.</summary>
    public int MaxMetrics { get; }

    /// <summary>Most label combinations one metric may declare.</summary>
    public int MaxCardinality { get; }

    /// <summary>Number of metric families registered by users (internal families not counted).</summary>
    public int Count => Volatile.Read(ref _userFamilies);

    /// <summary>True once <see cref="Freeze"/> has been called; registration then fails with <see cref="DistricStatus.RegistryFrozen"/>.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Counts of updates dropped by this registry's metrics.</summary>
    internal DropCounters Drops { get; }

    /// <summary>The clock of <c>_created</c> samples and exemplars, with the exemplar interval.</summary>
    internal MetricClock Clock { get; }

    /// <summary>Stops further registration. Updates and export continue; freezing twice is harmless.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>Registers a counter whose label values are given as strings at update time.</summary>
    /// <param name="name">Metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; by convention ending in <c>_total</c>.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="labels">Label dimensions with their complete allowlists (at most 8).</param>
    /// <returns>The counter.</returns>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public Counter CreateCounter(string name, string help, params LabelDefinition[] labels)
    {
        var family = (CounterFamily)Register(Describe(MetricKind.Counter, name, help, labels, null), null);
        return new Counter(family);
    }

    /// <summary>
    /// Registers a counter that keeps an exemplar per series: an update made while a sampled span is
    /// <see cref="Tracer.ActiveSpan"/> (or given its trace context) may link its <c>_total</c> sample to that span, in
    /// OpenMetrics (at most one replacement per <see cref="MetricRegistryOptions.ExemplarInterval"/>).
    /// </summary>
    /// <param name="name">Metric name, by convention ending in <c>_total</c>.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="labels">Label dimensions with their complete allowlists (at most 8).</param>
    /// <returns>The counter.</returns>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public Counter CreateCounterWithExemplars(string name, string help, params LabelDefinition[] labels)
    {
        var family = (CounterFamily)Register(Describe(MetricKind.Counter, name, help, labels, null, exemplars: true), null);
        return new Counter(family);
    }

    /// <summary>Registers a gauge whose label values are given as strings at update time.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="labels">Label dimensions with their complete allowlists (at most 8).</param>
    /// <returns>The gauge.</returns>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public Gauge CreateGauge(string name, string help, params LabelDefinition[] labels)
    {
        var family = (GaugeFamily)Register(Describe(MetricKind.Gauge, name, help, labels, null), null);
        return new Gauge(family);
    }

    /// <summary>Registers a histogram with the default buckets (0.001 … 10, +Inf).</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="labels">Label dimensions with their complete allowlists (at most 8; <c>le</c> is reserved).</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public Histogram CreateHistogram(string name, string help, params LabelDefinition[] labels) =>
        CreateHistogram(name, help, MetricRules.DefaultBuckets, labels);

    /// <summary>Registers a histogram with custom buckets.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="buckets">Finite, strictly increasing upper bounds; +Inf is added implicitly.</param>
    /// <param name="labels">Label dimensions with their complete allowlists (at most 8; <c>le</c> is reserved).</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public Histogram CreateHistogram(string name, string help, double[] buckets, params LabelDefinition[] labels)
    {
        var family = (HistogramFamily)Register(Describe(MetricKind.Histogram, name, help, labels, buckets), null);
        return new Histogram(family);
    }

    /// <summary>
    /// Registers a histogram that keeps an exemplar per bucket of every series: an observation made while a sampled
    /// span is <see cref="Tracer.ActiveSpan"/> (or given its trace context) may link its bucket to that span, in OpenMetrics.
    /// </summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="buckets">Finite, strictly increasing upper bounds (+Inf is added), or null for the defaults.</param>
    /// <param name="labels">Label dimensions with their complete allowlists (at most 8; <c>le</c> is reserved).</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public Histogram CreateHistogramWithExemplars(string name, string help, double[]? buckets, params LabelDefinition[] labels)
    {
        var family = (HistogramFamily)Register(Describe(MetricKind.Histogram, name, help, labels, buckets ?? MetricRules.DefaultBuckets, exemplars: true), null);
        return new Histogram(family);
    }

    /// <summary>
    /// Registers an info metric: one series whose labels state fixed facts (version, commit), always 1. OpenMetrics
    /// writes it as <c>info</c>; Prometheus text 0.0.4 as a gauge. The build-info pattern:
    /// <c>CreateInfo("app_build_info", "Build", new("version", "1.4.2"), new("commit", "abc123"))</c>.
    /// </summary>
    /// <param name="name">Metric name, ending in <c>_info</c>.</param>
    /// <param name="help">HELP text, at most 256 characters.</param>
    /// <param name="labels">The label names and their one value each (at most 8).</param>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public void CreateInfo(string name, string help, params KeyValuePair<string, string>[] labels)
    {
        labels ??= Array.Empty<KeyValuePair<string, string>>();
        var names = new string[labels.Length];
        var values = new IReadOnlyList<string>[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            names[i] = labels[i].Key;
            values[i] = new[] { labels[i].Value };
        }

        Register(new MetricDescriptor(MetricKind.Info, name, help, names, values), null);
    }

    /// <summary>
    /// Registers an unlabelled gauge whose value is read from <paramref name="read"/> at each scrape,
    /// for state a component already tracks (queue depth, health). A callback that throws skips its sample.
    /// </summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">HELP text.</param>
    /// <param name="read">Called on the scraping thread; must be thread-safe and quick.</param>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public void CreateObservableGauge(string name, string help, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Register(new MetricDescriptor(MetricKind.Gauge, name, help), layout => new ObservableFamily(layout, read, null));
    }

    /// <summary>
    /// Registers an unlabelled counter whose value is read from <paramref name="read"/> at each scrape,
    /// for totals a component already keeps. The callback must return a non-decreasing value.
    /// </summary>
    /// <param name="name">Metric name, by convention ending in <c>_total</c>.</param>
    /// <param name="help">HELP text.</param>
    /// <param name="read">Called on the scraping thread; must be thread-safe and quick.</param>
    /// <exception cref="MetricRegistrationException">The declaration is invalid, the name exists, or the registry is full or frozen.</exception>
    public void CreateObservableCounter(string name, string help, Func<long> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Register(new MetricDescriptor(MetricKind.Counter, name, help), layout => new ObservableFamily(layout, null, read));
    }

    /// <summary>Writes every family as UTF-8 text into <paramref name="output"/>; allocates nothing beyond what the writer hands out.</summary>
    /// <param name="output">Destination buffer (e.g. a pooled or reused <see cref="ArrayBufferWriter{T}"/>, or a pipe).</param>
    /// <param name="format">Prometheus text 0.0.4 (default) or OpenMetrics 1.0.</param>
    public void WriteTo(IBufferWriter<byte> output, ExpositionFormat format = ExpositionFormat.Prometheus)
    {
        ArgumentNullException.ThrowIfNull(output);
        Collecting?.Invoke();
        TextFormats.Write(Volatile.Read(ref _families), output, format);
    }

    /// <summary>
    /// Hands the current value of every series of every family to <paramref name="visitor"/>: the read
    /// path for exporters that do not write text (OTLP, Meter publishing). Families and series come in
    /// the order of <see cref="WriteTo"/>, with the values it would print at that moment; see
    /// <see cref="IMetricVisitor"/> for the call sequence.
    /// </summary>
    /// <remarks>
    /// Collecting allocates nothing in steady state (the label-value table of a family is built on its
    /// first collection), runs concurrently with updates, registration and scrapes, and takes no lock.
    /// </remarks>
    /// <param name="visitor">Receives each family and series; reuse one instance across collections.</param>
    /// <exception cref="ArgumentNullException"><paramref name="visitor"/> is null.</exception>
    public void Collect(IMetricVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        Collecting?.Invoke();
        var writer = new VisitorSampleWriter(visitor);
        MetricFamily.WriteAll(Volatile.Read(ref _families), ref writer);
    }

    /// <summary>Returns the exposition as a string; convenient for tests and debugging (use <see cref="WriteTo"/> to serve scrapes).</summary>
    /// <param name="format">Prometheus text 0.0.4 (default) or OpenMetrics 1.0.</param>
    /// <returns>The exposition text.</returns>
    public string ExportText(ExpositionFormat format = ExpositionFormat.Prometheus)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        WriteTo(buffer, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Raised after a family has been registered, outside the registration lock (so a handler may register or create
    /// instruments of its own): the hook of the Meter publisher (<see cref="MetricMeterPublisher"/>).
    /// </summary>
    internal event Action<MetricFamily>? FamilyRegistered;

    /// <summary>
    /// Raised at the start of every <see cref="WriteTo"/> and <see cref="Collect"/>, on the reading thread: the
    /// <see cref="MeterBridge"/> has the observable instruments it bridges report their values here.
    /// </summary>
    internal event Action? Collecting;

    /// <summary>The families registered so far, in registration order (an immutable snapshot).</summary>
    internal MetricFamily[] Families => Volatile.Read(ref _families);

    /// <summary>Validates and registers a family; nothing is added unless every check passes.</summary>
    internal MetricFamily Register(MetricDescriptor descriptor, Func<MetricLayout, MetricFamily>? create)
    {
        MetricFamily family = Register(descriptor, create, isInternal: false);
        FamilyRegistered?.Invoke(family);
        return family;
    }

    private MetricFamily Register(MetricDescriptor descriptor, Func<MetricLayout, MetricFamily>? create, bool isInternal)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        lock (_registrationLock)
        {
            if (_frozen)
            {
                throw new MetricRegistrationException(DistricStatus.RegistryFrozen, $"Cannot register '{descriptor.Name}': the registry is frozen.");
            }

            MetricLayout layout = DescriptorValidator.Validate(descriptor, MaxCardinality);
            if (_names.Contains(layout.Name))
            {
                throw new MetricRegistrationException(DistricStatus.AlreadyExists, $"A metric named '{layout.Name}' is already registered.");
            }

            if (!isInternal && _userFamilies >= MaxMetrics)
            {
                throw new MetricRegistrationException(DistricStatus.RegistryFull, $"Cannot register '{layout.Name}': the registry already holds its maximum of {MaxMetrics} metrics.");
            }

            MetricFamily family = create is not null ? create(layout) : CreateFamily(layout, descriptor.Unit);
            var next = new MetricFamily[_families.Length + 1];
            _families.CopyTo(next, 0);
            next[^1] = family;
            _names.Add(layout.Name);
            Volatile.Write(ref _families, next);
            if (!isInternal)
            {
                Volatile.Write(ref _userFamilies, _userFamilies + 1);
            }

            return family;
        }
    }

    private MetricFamily CreateFamily(MetricLayout layout, string? unit) => layout.Kind switch
    {
        MetricKind.Counter => new CounterFamily(layout, unit, Drops, Clock),
        MetricKind.Gauge => new GaugeFamily(layout, unit, Drops),
        MetricKind.Histogram => new HistogramFamily(layout, unit, Drops, Clock),
        MetricKind.Info => new InfoFamily(layout),
        _ => throw new MetricRegistrationException(DistricStatus.InvalidArgument, $"Metric '{layout.Name}': unknown kind {layout.Kind}."),
    };

    private static MetricDescriptor Describe(MetricKind kind, string name, string help, LabelDefinition[]? labels, double[]? buckets, bool exemplars = false)
    {
        labels ??= Array.Empty<LabelDefinition>();
        var names = new string[labels.Length];
        var values = new IReadOnlyList<string>[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            LabelDefinition label = labels[i] ?? throw new MetricRegistrationException(DistricStatus.InvalidArgument, $"Metric '{name}': label definition #{i} is null.");
            names[i] = label.Key;
            values[i] = label.AllowedValues;
        }

        return new MetricDescriptor(kind, name, help, names, values, buckets) { Exemplars = exemplars };
    }

    private void AddInternalFamilies()
    {
        // One labelled family built from the registry's own drop counters, read at scrape time.
        var descriptor = new MetricDescriptor(
            MetricKind.Counter,
            DroppedUpdatesMetricName,
            "Metric updates dropped instead of applied, by reason",
            DropReasonLabel,
            DropReasonValues);
        Register(descriptor, layout => new DropCounterFamily(layout, Drops, Clock), isInternal: true);
    }
}
