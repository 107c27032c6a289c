using System;
using System.Threading;

namespace DistriC;

/// <summary>
/// A finished span as handed to an <see cref="ISpanExporter"/>. The scalar properties are copies (times are
/// converted from the monotonic clock on access); <see cref="Tags"/> and
/// <see cref="Events"/> read the tracer's pooled storage and are only valid during the <see cref="ISpanExporter.Export"/> call.
/// </summary>
public readonly struct FinishedSpan
{
    private readonly SpanRecord _record;
    private readonly int _state;

    private readonly long _startTimestamp;
    private readonly long _endTimestamp;

    internal FinishedSpan(SpanRecord record)
    {
        _record = record;
        _state = record.State;
        _startTimestamp = record.StartTimestamp;
        _endTimestamp = record.EndTimestamp;
        Context = record.Context;
        ParentSpanId = record.ParentSpanId;
        Name = record.Name;
        Kind = record.Kind;
        Status = record.Status;
    }

    /// <summary>Trace ID, span ID and trace flags (sampled, random trace ID).</summary>
    public TraceContext Context { get; }

    /// <summary>The trace this span belongs to.</summary>
    public TraceId TraceId => Context.TraceId;

    /// <summary>The span's own ID.</summary>
    public SpanId SpanId => Context.SpanId;

    /// <summary>The parent span's ID, or the invalid (zero) ID for a root span.</summary>
    public SpanId ParentSpanId { get; }

    /// <summary>The operation name given at start.</summary>
    public string Name { get; }

    /// <summary>The span's role (<see cref="SpanKind.Internal"/> unless given at start), for exporters to map.</summary>
    public SpanKind Kind { get; }

    /// <summary>The status set by <see cref="TraceSpan.SetStatus"/>.</summary>
    public SpanStatus Status { get; }

    /// <summary>Wall-clock start time (a monotonic clock anchored to the wall clock when the tracer was created).</summary>
    public DateTimeOffset StartTime => _record is null ? default : _record.Owner.ToWallClock(_startTimestamp);

    /// <summary>Time between start and finish, from the monotonic clock.</summary>
    public TimeSpan Duration => _record is null ? default : _record.Owner.Elapsed(_startTimestamp, _endTimestamp);

    /// <summary>Wall-clock end time: <see cref="StartTime"/> + <see cref="Duration"/>.</summary>
    public DateTimeOffset EndTime => StartTime + Duration;

    /// <summary>The start time in nanoseconds since the Unix epoch, at the tracer clock's resolution (OTLP's <c>start_time_unix_nano</c>).</summary>
    internal ulong StartUnixNanos => _record is null ? 0 : _record.Owner.ToUnixNanos(_startTimestamp);

    /// <summary>The end time in nanoseconds since the Unix epoch (OTLP's <c>end_time_unix_nano</c>).</summary>
    internal ulong EndUnixNanos => _record is null ? 0 : _record.Owner.ToUnixNanos(_endTimestamp);

    /// <summary>The trace-flags byte of <see cref="Context"/> (sampled, random trace ID).</summary>
    internal byte TraceFlags => Context.TraceFlags;

    /// <summary>The tags, in the order they were set.</summary>
    /// <exception cref="InvalidOperationException">Read after <see cref="ISpanExporter.Export"/> returned (the storage was recycled).</exception>
    public ReadOnlySpan<SpanTag> Tags
    {
        get
        {
            SpanRecord? record = Current();
            return record is null ? default : record.Tags.AsSpan(0, record.TagCount);
        }
    }

    /// <summary>Tags rejected by the count or length limits (OTLP's <c>dropped_attributes_count</c>).</summary>
    /// <exception cref="InvalidOperationException">Read after <see cref="ISpanExporter.Export"/> returned.</exception>
    public int DroppedTagCount => Current()?.DroppedTagCount ?? 0;

    /// <summary>The events added by <see cref="TraceSpan.AddEvent(string, ReadOnlySpan{SpanTag})"/>, in order.</summary>
    /// <exception cref="InvalidOperationException">Read after <see cref="ISpanExporter.Export"/> returned (the storage was recycled).</exception>
    public ReadOnlySpan<SpanEvent> Events
    {
        get
        {
            SpanRecord? record = Current();
            return record is null ? default : record.Events.AsSpan(0, record.EventCount);
        }
    }

    /// <summary>Events rejected by <see cref="TracerOptions.MaxEvents"/> (OTLP's <c>dropped_events_count</c>).</summary>
    /// <exception cref="InvalidOperationException">Read after <see cref="ISpanExporter.Export"/> returned.</exception>
    public int DroppedEventCount => Current()?.DroppedEventCount ?? 0;

    /// <summary>The span's storage after the recycle check, for serializers that read tags and events in one go.</summary>
    internal SpanRecord? CheckedRecord => Current();

    private SpanRecord? Current()
    {
        if (_record is not null && Volatile.Read(ref _record.State) != _state)
        {
            throw new InvalidOperationException("The span's tags and events were recycled; copy them inside ISpanExporter.Export.");
        }

        return _record;
    }
}
