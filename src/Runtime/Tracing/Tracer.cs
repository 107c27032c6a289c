using System;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace DistriC;

/// <summary>
/// Creates spans, samples them adaptively and exports finished ones in batches on a background thread.
/// Starting, tagging and finishing a span are lock-free and allocation-free in steady state; under pressure
/// spans are sampled out or dropped and counted, never waited for.
/// </summary>
/// <remarks>
/// Only finished spans enter the bounded export queue, so a long-running span never holds up the export of
/// others. Sampling follows <see cref="TracerOptions.Sampling"/>, switching to the backpressure ratio while the
/// queue is 75 % full (until it drains below 50 %) or while spans are dropped at 5 per second or more (until
/// 3 s pass without a drop).
/// </remarks>
public sealed partial class Tracer : IDisposable
{
    // Holds a reference (an immutable holder, null for none), never the TraceSpan struct itself: an AsyncLocal<TraceSpan>
    // would box the struct on every write, restoring "no span" included.
    private static readonly AsyncLocal<ActiveSpanHolder?> s_activeSpan = new(OnActiveSpanChanged);

    // The active span's context as seen by the current thread, mirrored from s_activeSpan by its change handler (which
    // runs on every execution-context switch that changes the value, as Activity.Current's does): metrics with exemplars
    // read this thread-static instead of looking the async-local up on every update.
    [ThreadStatic]
    private static TraceContext t_activeContext;

    // Whether t_activeContext is sampled: a one-byte read lets an update with no sampled active span skip copying the
    // whole context out of thread-local storage.
    [ThreadStatic]
    private static bool t_activeSampled;

    // Set once a sampled span has been made active anywhere in the process: until then, metrics with exemplars skip
    // the async-local read and pay one static read per update.
    private static bool s_anySampledSpanActivated;

    // Set once any span has been made active: until then, every log line skips the trace-field lookup.
    private static volatile bool s_anySpanActivated;

    private readonly TimeProvider _time;
    private readonly bool _systemClock;
    private readonly long _anchorTimestamp;
    private readonly DateTimeOffset _anchorWallClock;
    private readonly long _anchorUnixNanos;
    private readonly BoundedQueue<SpanRecord> _queue;
    private readonly BoundedQueue<SpanRecord> _pool;
    private readonly BackpressureController _backpressure;
    private readonly SamplingRatio _normalRatio;
    private readonly SamplingRatio _backpressureRatio;
    private readonly int _maxTags;
    private readonly int _maxTagKeyLength;
    private readonly int _maxTagValueLength;
    private readonly int _maxEvents;
    private readonly int _maxEventAttributes;
    private PaddedLong _sampledIn;
    private PaddedLong _sampledOut;
    private PaddedLong _sampleCounter;
    private long _dropped;
    private long _tagsDropped;
    private long _eventsDropped;
    private volatile bool _disposed;

    /// <summary>Creates a tracer and starts its export thread and sampling evaluation timer.</summary>
    /// <param name="options">Configuration; <see cref="TracerOptions.Exporter"/> is required.</param>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public Tracer(TracerOptions options)
        : this(options, startBackgroundWork: true)
    {
    }

    /// <summary>Creates a tracer, optionally without background work.</summary>
    /// <param name="options">Configuration.</param>
    /// <param name="startBackgroundWork">
    /// False for deterministic tests and benchmarks: no export thread and no timer; the caller drives
    /// <see cref="EvaluateBackpressure"/> and <see cref="ExportPending"/>.
    /// </param>
    internal Tracer(TracerOptions options, bool startBackgroundWork)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _time = options.TimeProvider;
        _systemClock = ReferenceEquals(_time, TimeProvider.System);
        _anchorTimestamp = _time.GetTimestamp();
        _anchorWallClock = _time.GetUtcNow();
        _anchorUnixNanos = (_anchorWallClock.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
        int capacity = (int)Math.Min(TracerOptions.MaxBufferCapacity, BitOperations.RoundUpToPowerOf2((uint)options.BufferCapacity));
        _queue = new BoundedQueue<SpanRecord>(capacity);
        _pool = new BoundedQueue<SpanRecord>((int)BitOperations.RoundUpToPowerOf2((uint)(capacity + options.MaxBatchSize)));
        _backpressure = new BackpressureController(_time);
        _normalRatio = new SamplingRatio(options.Sampling.NormalKeep, options.Sampling.NormalDrop);
        _backpressureRatio = new SamplingRatio(options.Sampling.BackpressureKeep, options.Sampling.BackpressureDrop);
        _maxTags = options.MaxTags;
        _maxTagKeyLength = options.MaxTagKeyLength;
        _maxTagValueLength = options.MaxTagValueLength;
        _maxEvents = options.MaxEvents;
        _maxEventAttributes = options.MaxEventAttributes;
        _exporter = options.Exporter!;
        _batchRecords = new SpanRecord?[options.MaxBatchSize];
        _batch = new FinishedSpan[options.MaxBatchSize];
        _exportIntervalTicks = (long)(options.ExportInterval.TotalSeconds * _time.TimestampFrequency);
        _wakeMask = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)options.MaxBatchSize + 1) / 2, Math.Max(1, capacity / 2)) - 1;
        _lastCycleTimestamp = _anchorTimestamp;
        if (startBackgroundWork)
        {
            StartBackgroundWork(options.Sampling.EvaluationInterval);
        }
    }

    /// <summary>
    /// The span that spans started without an explicit parent become children of, for the current async flow
    /// (it flows across <c>await</c>). Default (no span) when none is set. See <see cref="TraceSpan.Activate"/>.
    /// </summary>
    public static TraceSpan ActiveSpan
    {
        get => s_activeSpan.Value is { } holder ? holder.Span : default;
        set => Activate(value);
    }

    /// <summary>Makes <paramref name="span"/> the active span (none for the default value) and returns the previous holder.</summary>
    internal static ActiveSpanHolder? Activate(in TraceSpan span)
    {
        ActiveSpanHolder? previous = s_activeSpan.Value;
        // A span without a valid context (the default value) is "no span", as every reader treats it.
        if (!span.Context.IsValid)
        {
            s_activeSpan.Value = null;
            return previous;
        }

        if (!s_anySpanActivated)
        {
            s_anySpanActivated = true;
        }

        if (span.Context.IsSampled && !s_anySampledSpanActivated)
        {
            s_anySampledSpanActivated = true;
        }

        s_activeSpan.Value = span.Holder();
        return previous;
    }

    /// <summary>Puts back a holder returned by <see cref="Activate"/> (no new holder, no boxing).</summary>
    internal static void RestoreActive(ActiveSpanHolder? previous) => s_activeSpan.Value = previous;

    /// <summary>True once a sampled span has been <see cref="ActiveSpan"/> in this process (never false again).</summary>
    internal static bool AnySampledSpanActivated => s_anySampledSpanActivated;

    /// <summary>The context of <see cref="ActiveSpan"/> on the current thread (default when none), without the async-local lookup.</summary>
    internal static TraceContext ActiveContext => t_activeContext;

    /// <summary>Whether <see cref="ActiveContext"/> is sampled, read without copying the context.</summary>
    internal static bool ActiveContextSampled => t_activeSampled;
    /// <summary>
    /// False until a span is first made active in this process, so readers that only care about an active span (every log
    /// line) skip the async-local lookup entirely in a process that never activates one.
    /// </summary>
    internal static bool AnySpanActivated => s_anySpanActivated;

    /// <summary>The options the tracer was created with.</summary>
    public TracerOptions Options { get; }

    /// <summary>
    /// Starts a span of kind <see cref="SpanKind.Internal"/>: a child of <see cref="ActiveSpan"/> when one is set, otherwise
    /// of <see cref="Activity.Current"/> when there is one, otherwise the root of a new trace; see
    /// <see cref="StartSpan(string, SpanKind)"/>.
    /// </summary>
    /// <param name="name">Operation name (null is recorded as empty).</param>
    /// <returns>The span (<see cref="SpanKind.Internal"/>); not recording when sampled out or when the tracer is disposed.</returns>
    public TraceSpan StartSpan(string name) => StartSpan(name, SpanKind.Internal);

    /// <summary>
    /// Starts a span of the given kind: a child of <see cref="ActiveSpan"/> when one is set; otherwise a child of
    /// <see cref="Activity.Current"/> (another library's span, W3C IDs) when there is one; otherwise the root of a new trace.
    /// </summary>
    /// <remarks>
    /// A child of an <see cref="Activity"/> takes its trace ID and its span ID as parent, and its trace state. It goes
    /// through the sampling ratio, unless the activity is not recorded by someone's decision (its ActivitySource's sampler,
    /// or a parent with the sampled flag off): then it is not recorded either.
    /// </remarks>
    /// <param name="name">Operation name (null is recorded as empty).</param>
    /// <param name="kind">The span's role.</param>
    /// <returns>The span; not recording when sampled out or when the tracer is disposed.</returns>
    public TraceSpan StartSpan(string name, SpanKind kind)
    {
        TraceContext parent = s_activeSpan.Value is { } active ? active.Span.Context : default;
        if (parent.IsValid)
        {
            return StartLocalChild(parent, name, kind);
        }

        return Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? StartActivityChild(activity, name, kind) : StartWithRatio(default, name, kind);
    }

    // Another library's span (System.Diagnostics.Activity) is the parent when no DistriC span is active. Its "not recorded"
    // is honoured only when someone decided it: a sampler of its ActivitySource, or its parent's flags. ASP.NET Core and
    // HttpClient make activities that nobody samples; such a one leaves the decision to the sampling ratio.
    private TraceSpan StartActivityChild(Activity activity, string name, SpanKind kind)
    {
        TraceContext parent = TraceContext.FromActivityContext(activity.Context);
        if (!parent.IsValid)
        {
            return StartWithRatio(default, name, kind);
        }

        bool decided = activity.Source.Name.Length != 0 || activity.ParentSpanId != default;
        return parent.IsSampled || !decided ? StartWithRatio(parent, name, kind) : StartNotRecorded(parent, kind);
    }

    /// <summary>Starts a child of <paramref name="parent"/>: same trace, recorded if and only if the parent is.</summary>
    /// <param name="parent">The parent span; an invalid (default) span makes this a root span.</param>
    /// <param name="name">Operation name.</param>
    /// <returns>The span, of kind <see cref="SpanKind.Internal"/>.</returns>
    public TraceSpan StartChildSpan(in TraceSpan parent, string name) => StartChildSpan(parent, name, SpanKind.Internal);

    /// <summary>Starts a child of <paramref name="parent"/> of the given kind: same trace, recorded if and only if the parent is.</summary>
    /// <param name="parent">The parent span; an invalid (default) span makes this a root span.</param>
    /// <param name="name">Operation name.</param>
    /// <param name="kind">The span's role.</param>
    /// <returns>The span.</returns>
    public TraceSpan StartChildSpan(in TraceSpan parent, string name, SpanKind kind) =>
        parent.Context.IsValid ? StartLocalChild(parent.Context, name, kind) : StartWithRatio(default, name, kind);

    /// <summary>
    /// Starts a span of kind <see cref="SpanKind.Internal"/> continuing a remote trace; see
    /// <see cref="StartSpanFromContext(in TraceContext, string, SpanKind)"/>.
    /// </summary>
    /// <param name="context">The remote parent.</param>
    /// <param name="name">Operation name.</param>
    /// <returns>The span.</returns>
    public TraceSpan StartSpanFromContext(in TraceContext context, string name) => StartSpanFromContext(context, name, SpanKind.Internal);

    /// <summary>
    /// Starts a span continuing a remote trace (from <see cref="TraceContext.Extract(System.ReadOnlySpan{char}, out TraceContext)"/>). A context whose sampled flag
    /// is off gives a span that is not recorded but keeps the trace ID; a sampled one goes through the sampling ratio,
    /// so backpressure also sheds incoming traffic. Either way the span and its children keep the context's trace ID and
    /// its <see cref="TraceContext.IsTraceIdRandom"/> flag. An invalid (default) context starts a new trace.
    /// </summary>
    /// <param name="context">The remote parent.</param>
    /// <param name="name">Operation name.</param>
    /// <param name="kind">The span's role (<see cref="SpanKind.Server"/> for an incoming request).</param>
    /// <returns>The span.</returns>
    public TraceSpan StartSpanFromContext(in TraceContext context, string name, SpanKind kind)
    {
        if (!context.IsValid)
        {
            return StartWithRatio(default, name, kind);
        }

        return context.IsSampled ? StartWithRatio(context, name, kind) : StartNotRecorded(context, kind);
    }

    private static void OnActiveSpanChanged(AsyncLocalValueChangedArgs<ActiveSpanHolder?> change)
    {
        t_activeContext = change.CurrentValue is { } holder ? holder.Span.Context : default;
        t_activeSampled = t_activeContext.IsSampled;
    }

    private TraceSpan StartLocalChild(in TraceContext parent, string name, SpanKind kind) =>
        parent.IsSampled ? StartRecorded(parent, name, kind) : StartNotRecorded(parent, kind);

    // The parent context (default for a root span) gives the new span its trace ID, random-trace-id flag and parent ID.
    private TraceSpan StartWithRatio(in TraceContext parent, string name, SpanKind kind)
    {
        SamplingRatio ratio = _backpressure.InBackpressure ? _backpressureRatio : _normalRatio;
        bool keep = ratio.Drop == 0
            ? ratio.Keep > 0
            : (ulong)(Interlocked.Increment(ref _sampleCounter.Value) - 1) % (ulong)ratio.Total < (ulong)ratio.Keep;
        return keep ? StartRecorded(parent, name, kind) : StartNotRecorded(parent, kind);
    }

    private TraceSpan StartRecorded(in TraceContext parent, string name, SpanKind kind)
    {
        if (_disposed)
        {
            return StartNotRecorded(parent, kind);
        }

        Interlocked.Increment(ref _sampledIn.Value);
        if (!_pool.TryDequeue(out SpanRecord? record))
        {
            record = new SpanRecord(this, _maxTags);
        }

        TraceContext context = IdGenerator.Current.NewSpanContext(parent, isSampled: true);
        int state = record!.LiveState;
        record.Context = context;
        record.ParentSpanId = parent.SpanId;
        record.Name = name ?? string.Empty;
        record.Kind = kind;
        record.StartTimestamp = Timestamp();
        return new TraceSpan(record, state, context, parent.SpanId, kind);
    }

    private TraceSpan StartNotRecorded(in TraceContext parent, SpanKind kind)
    {
        if (!_disposed)
        {
            Interlocked.Increment(ref _sampledOut.Value);
        }

        TraceContext context = IdGenerator.Current.NewSpanContext(parent, isSampled: false);
        return new TraceSpan(null, 0, context, parent.SpanId, kind);
    }

    internal static DistricStatus SetName(SpanRecord record, int state, string? name)
    {
        if (!record.IsLive(state))
        {
            return DistricStatus.InvalidState;
        }

        record.Name = name ?? string.Empty;
        return DistricStatus.Ok;
    }

    internal DistricStatus SetTag(SpanRecord record, int state, in SpanTag tag)
    {
        if (!record.IsLive(state))
        {
            return DistricStatus.InvalidState;
        }

        DistricStatus status = CheckTag(tag);
        if (status == DistricStatus.Ok && record.TagCount >= record.Tags.Length)
        {
            status = DistricStatus.BufferOverflow;
        }

        if (status != DistricStatus.Ok)
        {
            record.DroppedTagCount++;
            Interlocked.Increment(ref _tagsDropped);
            return status;
        }

        record.Tags[record.TagCount] = tag;
        record.TagCount++;
        return DistricStatus.Ok;
    }

    internal DistricStatus AddEvent(SpanRecord record, int state, string? name, ReadOnlySpan<SpanTag> attributes)
    {
        long timestamp = Timestamp();
        if (!record.IsLive(state))
        {
            return DistricStatus.InvalidState;
        }

        if (record.EventCount >= _maxEvents)
        {
            record.DroppedEventCount++;
            Interlocked.Increment(ref _eventsDropped);
            return DistricStatus.BufferOverflow;
        }

        record.Events ??= new SpanEvent[_maxEvents];
        record.EventAttributes ??= new SpanTag[_maxEvents * _maxEventAttributes];
        int start = record.EventCount * _maxEventAttributes;
        int count = 0;
        int dropped = 0;
        foreach (SpanTag attribute in attributes)
        {
            if (count < _maxEventAttributes && CheckTag(attribute) == DistricStatus.Ok)
            {
                record.EventAttributes[start + count++] = attribute;
            }
            else
            {
                dropped++;
            }
        }

        if (dropped > 0)
        {
            Interlocked.Add(ref _tagsDropped, dropped);
        }

        record.Events[record.EventCount++] = new SpanEvent(name ?? string.Empty, ToUnixNanos(timestamp), record.EventAttributes, start, count, dropped);
        return DistricStatus.Ok;
    }

    private DistricStatus CheckTag(in SpanTag tag) =>
        string.IsNullOrEmpty(tag.Key) ? DistricStatus.InvalidArgument
            : tag.Key.Length > _maxTagKeyLength || (tag.StringValue is { } text && text.Length > _maxTagValueLength) ? DistricStatus.InvalidValue
            : DistricStatus.Ok;

    internal DistricStatus Finish(SpanRecord record, int state)
    {
        long end = Timestamp();
        if (!record.TryFinish(state))
        {
            return DistricStatus.InvalidState;
        }

        record.EndTimestamp = end;
        if (_disposed || !_queue.TryEnqueue(record, out long position))
        {
            Interlocked.Increment(ref _dropped);
            Recycle(record);
            return DistricStatus.Backpressure;
        }

        if ((position & _wakeMask) == _wakeMask)
        {
            WakeExporter();
        }

        return DistricStatus.Ok;
    }

    private void Recycle(SpanRecord record)
    {
        record.Recycle();
        _pool.TryEnqueue(record, out _);
    }

    /// <summary>Converts a timestamp of the tracer's clock to wall-clock time (anchored when the tracer was created).</summary>
    internal DateTimeOffset ToWallClock(long timestamp) => _anchorWallClock + _time.GetElapsedTime(_anchorTimestamp, timestamp);

    /// <summary>
    /// Converts a timestamp of the tracer's clock to nanoseconds since the Unix epoch, at the clock's own resolution
    /// (nanoseconds for the system clock on Linux), for exporters that carry more precision than <see cref="DateTimeOffset"/>.
    /// </summary>
    internal ulong ToUnixNanos(long timestamp)
    {
        long delta = timestamp - _anchorTimestamp;
        long frequency = _time.TimestampFrequency;
        // The common clocks (Stopwatch on Linux: 1 GHz; tick-based providers: 10 MHz) divide or are divided by 10^9
        // exactly: one multiplication or division. Int128 arithmetic, exact for any frequency, is several times slower.
        long elapsed = frequency == NanosPerSecond ? delta
            : NanosPerSecond % frequency == 0 ? delta * (NanosPerSecond / frequency)
            : frequency % NanosPerSecond == 0 ? delta / (frequency / NanosPerSecond)
            : (long)((Int128)delta * NanosPerSecond / frequency);
        return (ulong)(_anchorUnixNanos + elapsed);
    }

    /// <summary>Time between two timestamps of the tracer's clock.</summary>
    internal TimeSpan Elapsed(long start, long end) => _time.GetElapsedTime(start, end);

    private long Timestamp() => _systemClock ? Stopwatch.GetTimestamp() : _time.GetTimestamp();

    private const long NanosPerSecond = 1_000_000_000;

    private readonly record struct SamplingRatio(int Keep, int Drop)
    {
        public long Total => (long)Keep + Drop;
    }
}
