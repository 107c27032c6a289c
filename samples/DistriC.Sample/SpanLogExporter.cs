using System;

namespace DistriC.Sample;

/// <summary>
/// Stands in for a real trace backend: each batch of finished spans becomes one "Spans exported" log line with its size and
/// how many spans ended in error. Runs on the tracer's export thread, never on the request path.
/// </summary>
internal sealed class SpanLogExporter(JsonLogger logger) : ISpanExporter
{
    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        int errors = 0;
        var requests = new System.Text.StringBuilder();
        foreach (FinishedSpan span in batch)
        {
            errors += span.Status == SpanStatus.Error ? 1 : 0;
            if (!span.ParentSpanId.IsValid)
            {
                // The request spans' trace ids: what the metrics' exemplars link to.
                requests.Append(requests.Length == 0 ? string.Empty : " ").Append(span.TraceId.ToString());
            }
        }

        logger.SpansExported(batch.Length, errors, requests.ToString());
        return true;
    }
}
