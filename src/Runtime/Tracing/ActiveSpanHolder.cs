namespace DistriC;

/// <summary>
/// What <see cref="Tracer.ActiveSpan"/>'s AsyncLocal holds: one span's handle, immutable, so that every execution context
/// that captured it (an <c>await</c>, a queued work item that outlives the request) keeps seeing exactly that span, even
/// after its pooled record was recycled and reused by another span. No active span is null, not a boxed default value.
/// </summary>
internal sealed class ActiveSpanHolder
{
    internal ActiveSpanHolder(in TraceSpan span) => Span = span;

    /// <summary>The span made active.</summary>
    internal readonly TraceSpan Span;
}
