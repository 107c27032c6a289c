using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>A copy of an exported span, kept after the export call returns.</summary>
internal sealed record CollectedSpan(
    string Name, SpanKind Kind, TraceContext Context, SpanId ParentSpanId, SpanStatus Status, SpanTag[] Tags)
{
    public TraceId TraceId => Context.TraceId;

    public SpanId SpanId => Context.SpanId;

    /// <summary>The tag's value as text (a typed value formatted invariantly).</summary>
    public string? Tag(string key) => Tags.Single(t => t.Key == key).Value;

    public SpanTagType TagType(string key) => Tags.Single(t => t.Key == key).Type;

    public bool HasTag(string key) => Tags.Any(t => t.Key == key);
}

/// <summary>Exporter that copies every span it is given.</summary>
internal sealed class SpanCollector : ISpanExporter
{
    private readonly List<CollectedSpan> _spans = [];

    public CollectedSpan[] Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        lock (_spans)
        {
            foreach (FinishedSpan span in batch)
            {
                _spans.Add(new CollectedSpan(span.Name, span.Kind, span.Context, span.ParentSpanId, span.Status, span.Tags.ToArray()));
            }
        }

        return true;
    }
}
