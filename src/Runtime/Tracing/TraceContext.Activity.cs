using System;
using System.Buffers.Binary;
using System.Diagnostics;

namespace DistriC;

/// <summary>Conversions between <see cref="TraceContext"/> and <see cref="ActivityContext"/> of System.Diagnostics.</summary>
public readonly partial record struct TraceContext
{
    /// <summary>
    /// The context of an <see cref="Activity"/> (e.g. <c>Activity.Current.Context</c>), so that a DistriC span can continue a
    /// trace started by Activity-based code: same trace ID, the activity's span ID as parent, the recorded flag as sampled, its trace state when valid.
    /// </summary>
    /// <param name="context">The activity's context; the default (invalid) one gives the default (invalid) context.</param>
    /// <returns>The equivalent context.</returns>
    public static TraceContext FromActivityContext(in ActivityContext context)
    {
        Span<byte> bytes = stackalloc byte[16];
        context.TraceId.CopyTo(bytes);
        var traceId = new TraceId(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        context.SpanId.CopyTo(bytes[..8]);
        var spanId = new SpanId(BinaryPrimitives.ReadUInt64BigEndian(bytes));
        if (!traceId.IsValid || !spanId.IsValid)
        {
            return default;
        }

        string? traceState = context.TraceState is { Length: > 0 } state && IsValidTraceState(state) ? state : null;
        return new TraceContext(traceId, spanId, (context.TraceFlags & ActivityTraceFlags.Recorded) != 0) { TraceState = traceState };
    }

    /// <summary>This context as an <see cref="ActivityContext"/>, e.g. as the parent of an Activity started for this span.</summary>
    /// <param name="isRemote">Whether the context came from another process.</param>
    /// <returns>The equivalent activity context, or the default one for an invalid context.</returns>
    public ActivityContext ToActivityContext(bool isRemote = false)
    {
        if (!IsValid)
        {
            return default;
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, TraceId.High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], TraceId.Low);
        ActivityTraceId traceId = ActivityTraceId.CreateFromBytes(bytes);
        BinaryPrimitives.WriteUInt64BigEndian(bytes, SpanId.Value);
        ActivitySpanId spanId = ActivitySpanId.CreateFromBytes(bytes[..8]);
        return new ActivityContext(traceId, spanId, IsSampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, TraceState, isRemote);
    }
}
