using System;

namespace DistriC;

/// <summary>
/// Receives batches of finished, sampled spans from the tracer's export thread (never from the thread that
/// finished the span). Calls are sequential: one batch at a time.
/// </summary>
public interface ISpanExporter
{
    /// <summary>
    /// Exports one batch. The batch and each span's <see cref="FinishedSpan.Tags"/> are borrowed: they are
    /// recycled when this method returns, so copy whatever must outlive the call. The span's scalar
    /// properties (IDs, name, times, status) are plain values and may be kept.
    /// </summary>
    /// <param name="batch">Between 1 and <see cref="TracerOptions.MaxBatchSize"/> spans, in finishing order.</param>
    /// <returns>
    /// True when the batch was delivered. False (or throwing) counts the export as failed and the spans as lost;
    /// the export loop continues either way.
    /// </returns>
    bool Export(ReadOnlySpan<FinishedSpan> batch);
}
