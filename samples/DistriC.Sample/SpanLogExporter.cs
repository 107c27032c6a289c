using System;

namespace DistriC.Sample;

/// <summary>
/// Stands in for a real trace backend: each batch of finished spans becomes one "Spans exported" log line with its size, how
/// many spans ended in error, how many were server and client spans, and the trace ids of the root spans. Runs on the
/// tracer's export thread, never on the request path.
/// </summary>
internal sealed class SpanLogExporter(JsonLogger logger) : ISpanExporter
{
    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        int errors = 0;
        int servers = 0;
        int clients = 0;
        var requests = new System.Text.StringBuilder();
        foreach (FinishedSpan span in batch)
        {
            errors += span.Status == SpanStatus.Error ? 1 : 0;
            servers += span.Kind == SpanKind.Server ? 1 : 0;
            clients += span.Kind == SpanKind.Client ? 1 : 0;
            if (!span.ParentSpanId.IsValid)
            {
                // The request spans' trace ids: what the metrics' exemplars link to.
                requests.Append(requests.Length == 0 ? string.Empty : " ").Append(span.TraceId.ToString());
            }
        }

        logger.SpansExported(batch.Length, errors, servers, clients, requests.ToString());
        return true;
    }
}
