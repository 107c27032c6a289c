using System;
using System.Threading;

namespace DistriC;

/// <summary>
/// Pooled storage of one recording span. <see cref="State"/> packs a generation number (bumped on every
/// recycle) with a "finished" bit, so a <see cref="TraceSpan"/> handle taken before a recycle no longer
/// matches and every call through it becomes a no-op.
/// </summary>
internal sealed class SpanRecord
{
    /// <summary><c>generation &lt;&lt; 1 | finishedBit</c>. Compare-exchanged by Finish, bumped by <see cref="Recycle"/>.</summary>
    internal int State;

    internal TraceContext Context;
    internal SpanId ParentSpanId;
    internal string Name = string.Empty;
    internal SpanKind Kind;
    internal long StartTimestamp;
    internal long EndTimestamp;
    internal SpanStatus Status;
    internal int TagCount;
    internal int DroppedTagCount;
    internal readonly SpanTag[] Tags;
    internal readonly Tracer Owner;

    // The holder that made this record's current span active (TraceSpan.Holder), reused while the generation lasts; a
    // stale one (an older generation's) is never reused, only replaced, so it keeps naming the span it was made for.
    internal ActiveSpanHolder? ActiveHolder;

    // Event storage is allocated on the record's first event and kept across recycles, so spans without events cost
    // nothing and spans with events allocate nothing in steady state.
    internal SpanEvent[]? Events;
    internal SpanTag[]? EventAttributes;
    internal int EventCount;
    internal int DroppedEventCount;

    public SpanRecord(Tracer owner, int maxTags)
    {
        Owner = owner;
        Tags = new SpanTag[maxTags];
    }

    /// <summary>The state value a live (unfinished) span of the current generation has.</summary>
    internal int LiveState => Volatile.Read(ref State) & ~1;

    /// <summary>True while the handle's generation is current and the span is not finished.</summary>
    internal bool IsLive(int handleState) => Volatile.Read(ref State) == handleState;

    /// <summary>Marks the span finished; only the first caller holding the current generation wins.</summary>
    internal bool TryFinish(int handleState) =>
        Interlocked.CompareExchange(ref State, handleState | 1, handleState) == handleState;

    /// <summary>Clears the data and advances the generation so that stale handles and batches see a mismatch.</summary>
    internal void Recycle()
    {
        Tags.AsSpan(0, TagCount).Clear();
        TagCount = 0;
        DroppedTagCount = 0;
        if (EventCount > 0)
        {
            Events.AsSpan(0, EventCount).Clear();
            EventAttributes.AsSpan().Clear();
            EventCount = 0;
        }

        DroppedEventCount = 0;
        Name = string.Empty;
        Kind = SpanKind.Internal;
        Status = SpanStatus.Unset;
        Volatile.Write(ref State, unchecked((State | 1) + 1));
    }
}
