using System;
using System.Collections.Generic;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>What a finished span held when it was exported, copied for comparison with what the receiver stored.</summary>
internal sealed record CapturedSpan(
    TraceId TraceId, SpanId SpanId, SpanId ParentSpanId, string Name, SpanKind Kind, SpanStatus Status,
    ulong StartUnixNanos, ulong EndUnixNanos, byte TraceFlags, SpanTag[] Tags, CapturedEvent[] Events);

/// <summary>A span event as it was exported.</summary>
internal sealed record CapturedEvent(string Name, ulong UnixNanos, SpanTag[] Attributes);

/// <summary>Copies every span of a batch, then hands the batch to the exporter under test.</summary>
internal sealed class SpanCapture : ISpanExporter
{
    private readonly ISpanExporter _inner;
    private readonly List<CapturedSpan> _spans = [];
    private readonly List<bool> _results = [];

    public SpanCapture(ISpanExporter inner) => _inner = inner;

    public IReadOnlyList<CapturedSpan> Spans => _spans;

    public IReadOnlyList<bool> Results => _results;

    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        foreach (FinishedSpan span in batch)
        {
            _spans.Add(new CapturedSpan(span.TraceId, span.SpanId, span.ParentSpanId, span.Name, span.Kind, span.Status,
                span.StartUnixNanos, span.EndUnixNanos, span.TraceFlags, span.Tags.ToArray(), Events(span)));
        }

        bool result = _inner.Export(batch);
        _results.Add(result);
        return result;
    }

    private static CapturedEvent[] Events(in FinishedSpan span)
    {
        var events = new List<CapturedEvent>();
        foreach (SpanEvent spanEvent in span.Events)
        {
            events.Add(new CapturedEvent(spanEvent.Name, spanEvent.UnixNanos, spanEvent.Attributes.ToArray()));
        }

        return [.. events];
    }
}
