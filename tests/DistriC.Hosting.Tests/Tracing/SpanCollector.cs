using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>A copy of an exported span, kept after the export call returns.</summary>
internal sealed record CollectedSpan(
    string Name, SpanKind Kind, TraceContext Context, SpanId ParentSpanId, SpanStatus Status, KeyValuePair<string, string?>[] Tags)
{
    public TraceId TraceId => Context.TraceId;

    public SpanId SpanId => Context.SpanId;

    public string? Tag(string key) => Tags.Single(t => t.Key == key).Value;

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
                var tags = new KeyValuePair<string, string?>[span.Tags.Length];
                for (int i = 0; i < tags.Length; i++)
                {
                    tags[i] = new(span.Tags[i].Key, span.Tags[i].Value);
                }

                _spans.Add(new CollectedSpan(span.Name, span.Kind, span.Context, span.ParentSpanId, span.Status, tags));
            }
        }

        return true;
    }
}
