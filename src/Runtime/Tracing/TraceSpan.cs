using System;

namespace DistriC;

/// <summary>
/// Handle to a span: <c>using var span = tracer.StartSpan("op");</c>. A small value type over pooled storage, so
/// starting a span allocates nothing. A span that was sampled out (or the default value) is a no-op that is
/// still safe to tag, finish and propagate: its <see cref="Context"/> carries the trace with the sampled flag off.
/// </summary>
/// <remarks>
/// Ownership rule: a span is finished once, by the flow that started it (further <see cref="Finish"/> calls and any
/// call through a copy of the handle after the finish are harmless no-ops, detected by a generation number on the
/// pooled storage). Tagging one span from several threads at the same time is not supported, as with
/// <see cref="System.Diagnostics.Activity"/>.
/// </remarks>
public readonly struct TraceSpan : IDisposable
{
    private readonly SpanRecord? _record;
    private readonly int _state;

    internal TraceSpan(SpanRecord? record, int state, TraceContext context, SpanId parentSpanId, SpanKind kind)
    {
        _record = record;
        _state = state;
        Context = context;
        ParentSpanId = parentSpanId;
        Kind = kind;
    }

    /// <summary>
    /// Trace ID, span ID and trace flags (sampled, random trace ID), for propagation (<see cref="TraceContext.Inject"/>)
    /// and for children. A new trace's ID is random and flagged so; a continued trace keeps its parent's flag.
    /// </summary>
    public TraceContext Context { get; }

    /// <summary>The trace this span belongs to.</summary>
    public TraceId TraceId => Context.TraceId;

    /// <summary>The span's own ID.</summary>
    public SpanId SpanId => Context.SpanId;

    /// <summary>The parent's span ID, or the invalid (zero) ID for a root span.</summary>
    public SpanId ParentSpanId { get; }

    /// <summary>The span's role, given at start (<see cref="SpanKind.Internal"/> by default; also kept when not recorded).</summary>
    public SpanKind Kind { get; }

    /// <summary>True while the span is being recorded: sampled in and not yet finished.</summary>
    public bool IsRecording => _record is not null && _record.IsLive(_state);

    /// <summary>Adds a string tag (tags are appended in order; a repeated key is kept twice).</summary>
    /// <param name="key">Non-empty key, at most <see cref="TracerOptions.MaxTagKeyLength"/> characters.</param>
    /// <param name="value">Value, at most <see cref="TracerOptions.MaxTagValueLength"/> characters.</param>
    /// <returns>
    /// <see cref="DistricStatus.Ok"/> (also for a span that is not recorded);
    /// <see cref="DistricStatus.BufferOverflow"/> over the tag count limit;
    /// <see cref="DistricStatus.InvalidValue"/> for a key or value over its length limit;
    /// <see cref="DistricStatus.InvalidArgument"/> for an empty key (all three dropped and counted, also in
    /// <see cref="FinishedSpan.DroppedTagCount"/>);
    /// <see cref="DistricStatus.InvalidState"/> after the span finished.
    /// </returns>
    public DistricStatus SetTag(string key, string? value) =>
        _record is null ? DistricStatus.Ok : _record.Owner.SetTag(_record, _state, new SpanTag(key, value));

    /// <summary>
    /// Adds a 64-bit integer tag, stored unboxed and exported as an integer attribute (OTLP <c>int_value</c>), e.g.
    /// <c>span.SetTag("http.response.status_code", 200)</c>.
    /// </summary>
    /// <param name="key">Non-empty key, at most <see cref="TracerOptions.MaxTagKeyLength"/> characters.</param>
    /// <param name="value">The value.</param>
    /// <returns>As for <see cref="SetTag(string, string)"/>.</returns>
    public DistricStatus SetTag(string key, long value) =>
        _record is null ? DistricStatus.Ok : _record.Owner.SetTag(_record, _state, new SpanTag(key, value));

    /// <summary>Adds a double tag, stored unboxed and exported as a double attribute (OTLP <c>double_value</c>).</summary>
    /// <param name="key">Non-empty key, at most <see cref="TracerOptions.MaxTagKeyLength"/> characters.</param>
    /// <param name="value">The value.</param>
    /// <returns>As for <see cref="SetTag(string, string)"/>.</returns>
    public DistricStatus SetTag(string key, double value) =>
        _record is null ? DistricStatus.Ok : _record.Owner.SetTag(_record, _state, new SpanTag(key, value));

    /// <summary>Adds a boolean tag, exported as a boolean attribute (OTLP <c>bool_value</c>).</summary>
    /// <param name="key">Non-empty key, at most <see cref="TracerOptions.MaxTagKeyLength"/> characters.</param>
    /// <param name="value">The value.</param>
    /// <returns>As for <see cref="SetTag(string, string)"/>.</returns>
    public DistricStatus SetTag(string key, bool value) =>
        _record is null ? DistricStatus.Ok : _record.Owner.SetTag(_record, _state, new SpanTag(key, value));

    /// <summary>Adds a timestamped event without attributes (e.g. <c>"cache miss"</c>); see <see cref="AddEvent(string, ReadOnlySpan{SpanTag})"/>.</summary>
    /// <param name="name">The event's name (null is recorded as empty).</param>
    /// <returns>As for <see cref="AddEvent(string, ReadOnlySpan{SpanTag})"/>.</returns>
    public DistricStatus AddEvent(string name) => AddEvent(name, ReadOnlySpan<SpanTag>.Empty);

    /// <summary>
    /// Adds an event stamped with the current time of the tracer's clock, with typed attributes:
    /// <c>span.AddEvent("retry", [new("attempt", 2), new("reason", "timeout")])</c> (a collection expression of
    /// <see cref="SpanTag"/>s is built on the stack, so nothing is allocated). Events are kept in order, at most
    /// <see cref="TracerOptions.MaxEvents"/> per span, each with at most <see cref="TracerOptions.MaxEventAttributes"/> attributes.
    /// </summary>
    /// <param name="name">The event's name (null is recorded as empty).</param>
    /// <param name="attributes">The attributes, copied; ones over the count or length limits are dropped and counted in the event.</param>
    /// <returns>
    /// <see cref="DistricStatus.Ok"/> when the event was recorded (also for a span that is not recorded);
    /// <see cref="DistricStatus.BufferOverflow"/> over the event count limit (dropped and counted in
    /// <see cref="FinishedSpan.DroppedEventCount"/> and <see cref="TracerStats.EventsDropped"/>);
    /// <see cref="DistricStatus.InvalidState"/> after the span finished.
    /// </returns>
    public DistricStatus AddEvent(string name, ReadOnlySpan<SpanTag> attributes) =>
        _record is null ? DistricStatus.Ok : _record.Owner.AddEvent(_record, _state, name, attributes);

    /// <summary>
    /// Replaces the operation name given at start (the last call wins), for a name known only later, such as the route
    /// template of a request that is known once routing ran.
    /// </summary>
    /// <param name="name">The new name (null is recorded as empty).</param>
    /// <returns><see cref="DistricStatus.Ok"/> (also for a span that is not recorded), or <see cref="DistricStatus.InvalidState"/> after the span finished.</returns>
    public DistricStatus SetName(string? name) => _record is null ? DistricStatus.Ok : Tracer.SetName(_record, _state, name);

    /// <summary>Sets the span's status (the last call wins).</summary>
    /// <param name="status">The outcome.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, or <see cref="DistricStatus.InvalidState"/> after the span finished.</returns>
    public DistricStatus SetStatus(SpanStatus status)
    {
        if (_record is null)
        {
            return DistricStatus.Ok;
        }

        if (!_record.IsLive(_state))
        {
            return DistricStatus.InvalidState;
        }

        _record.Status = status;
        return DistricStatus.Ok;
    }

    /// <summary>Stamps the end time and queues the span for export. Never blocks.</summary>
    /// <returns>
    /// <see cref="DistricStatus.Ok"/> (also for a span that is not recorded);
    /// <see cref="DistricStatus.Backpressure"/> when the export queue was full and the span was dropped (counted);
    /// <see cref="DistricStatus.InvalidState"/> when the span was already finished (nothing happens).
    /// </returns>
    public DistricStatus Finish() => _record is null ? DistricStatus.Ok : _record.Owner.Finish(_record, _state);

    /// <summary>Same as <see cref="Finish"/>; a second call is harmless.</summary>
    public void Dispose() => Finish();

    /// <summary>
    /// Makes this span <see cref="Tracer.ActiveSpan"/> for the current async flow until the returned scope is
    /// disposed, so that spans started without an explicit parent become its children. Costs what an
    /// <see cref="System.Threading.AsyncLocal{T}"/> write costs (a new execution context and value map, twice with the
    /// restore) plus, once per span, a small immutable holder; starting and finishing a span allocate nothing.
    /// </summary>
    /// <returns>A scope that restores the previously active span.</returns>
    public ActiveSpanScope Activate() => new(Tracer.Activate(this));

    /// <summary>
    /// The holder that makes this span active. A recorded span's is kept on its pooled record and reused while that
    /// record holds this span (the same generation), so activating a span again allocates nothing; a record reused by a
    /// later span gets a new one, because execution contexts that captured the old holder must keep seeing the old span.
    /// </summary>
    internal ActiveSpanHolder Holder()
    {
        if (_record is null)
        {
            return new ActiveSpanHolder(this);
        }

        ActiveSpanHolder? holder = _record.ActiveHolder;
        if (holder is null || holder.Span._state != _state)
        {
            holder = new ActiveSpanHolder(this);
            _record.ActiveHolder = holder;
        }

        return holder;
    }

    /// <summary>
    /// Starts a child of this span on the tracer that started it, so code that holds only the span (not the tracer) can
    /// continue the trace. A child of a span that is not recorded (sampled out, or the default value) is not recorded either:
    /// it keeps the trace ID with a new span ID, so propagation still works; the default value gives the default value.
    /// </summary>
    /// <param name="name">Operation name.</param>
    /// <param name="kind">The child's role.</param>
    /// <returns>The child span.</returns>
    public TraceSpan StartChild(string name, SpanKind kind = SpanKind.Internal)
    {
        if (_record is not null)
        {
            return _record.Owner.StartChildSpan(this, name, kind);
        }

        return Context.IsValid ? new TraceSpan(null, 0, IdGenerator.Current.NewSpanContext(Context, isSampled: false), SpanId, kind) : default;
    }

    /// <summary>Writes this span's W3C <c>traceparent</c> value; see <see cref="TraceContext.Inject"/>.</summary>
    /// <param name="destination">At least <see cref="TraceContext.TraceParentLength"/> characters.</param>
    /// <param name="charsWritten">Characters written.</param>
    /// <returns>The status of <see cref="TraceContext.Inject"/>.</returns>
    public DistricStatus Inject(Span<char> destination, out int charsWritten) => Context.Inject(destination, out charsWritten);
}
