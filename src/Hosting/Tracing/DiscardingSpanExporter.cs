using System;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// The exporter of the <see cref="Tracer"/> registered by <c>AddDistric</c> when neither <see cref="DistricOptions.Tracing"/>
/// nor an <see cref="ISpanExporter"/> service is given: spans are accepted and forgotten, so tracing costs little, context
/// propagation (<c>traceparent</c>) still works and the <c>distric_internal_tracer_*</c> counters still count.
/// </summary>
internal sealed class DiscardingSpanExporter : ISpanExporter
{
    public static DiscardingSpanExporter Instance { get; } = new();

    public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
}
