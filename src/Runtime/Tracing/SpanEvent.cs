using System;

namespace DistriC;

/// <summary>
/// A timestamped annotation inside a span (<see cref="TraceSpan.AddEvent(string)"/>), such as a retry or a cache miss,
/// with a few typed attributes. Read from <see cref="FinishedSpan.Events"/>.
/// </summary>
/// <remarks>
/// It reads the tracer's pooled storage: <see cref="Attributes"/> is only valid during the <see cref="ISpanExporter.Export"/>
/// call, like <see cref="FinishedSpan.Tags"/>.
/// </remarks>
public readonly struct SpanEvent
{
    private readonly SpanTag[]? _attributes;
    private readonly int _start;
    private readonly int _count;

    internal SpanEvent(string name, ulong unixNanos, SpanTag[] attributes, int start, int count, int droppedAttributeCount)
    {
        Name = name;
        UnixNanos = unixNanos;
        _attributes = attributes;
        _start = start;
        _count = count;
        DroppedAttributeCount = droppedAttributeCount;
    }

    /// <summary>The event's name.</summary>
    public string Name { get; }

    /// <summary>When the event was added (the tracer's monotonic clock, anchored to the wall clock).</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks((long)(UnixNanos / 100));

    /// <summary>The attributes, in the order they were given.</summary>
    public ReadOnlySpan<SpanTag> Attributes => _attributes is null ? default : _attributes.AsSpan(_start, _count);

    /// <summary>Attributes dropped by <see cref="TracerOptions.MaxEventAttributes"/> or the key and value length limits.</summary>
    public int DroppedAttributeCount { get; }

    /// <summary>The time in nanoseconds since the Unix epoch (OTLP's <c>time_unix_nano</c>).</summary>
    internal ulong UnixNanos { get; }
}
