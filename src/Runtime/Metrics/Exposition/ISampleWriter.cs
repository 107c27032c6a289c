using System;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>
/// The seam between a family's samples and their encoding: families read their cells and hand each
/// series to a writer; the writer alone knows the wire format. <see cref="TextSampleWriter"/> writes both
/// text formats (Prometheus 0.0.4 and OpenMetrics 1.0, from their pre-encoded fragments); the public read
/// path (<see cref="MetricRegistry.Collect"/>) is a second implementation.
/// </summary>
/// <remarks>
/// <para>A new wire format is one more implementation; a new text format is one encoding class and one
/// case per member of <see cref="TextFormats"/>. Families do not change. Writers are structs passed by reference and
/// used as generic arguments, so calls are direct and inlined and a scrape allocates nothing.</para>
/// <para>Calls come in this order: for each family <see cref="BeginFamily"/>, its series in flat-index
/// order, <see cref="EndFamily"/>; then <see cref="EndExposition"/> once. A series is addressed both by
/// its flat index (for writers that need label values) and by its labels encoded once at registration
/// (for text writers). Exemplars are arguments of the series calls (none: the default value or an
/// empty span); a family's creation time is in its <see cref="FamilyHeader"/>.</para>
/// </remarks>
internal interface ISampleWriter
{
    /// <summary>Starts <paramref name="family"/>: a text writer writes its metadata lines here.</summary>
    void BeginFamily(MetricFamily family);

    /// <summary>One counter series: its 64-bit total and its exemplar (not present when it has none).</summary>
    void WriteCounter(int series, ReadOnlySpan<byte> labels, long value, in MetricExemplar exemplar);

    /// <summary>One gauge series: its value (NaN and infinities included).</summary>
    void WriteGauge(int series, ReadOnlySpan<byte> labels, double value);

    /// <summary>
    /// One histogram series: per-bucket (non-cumulative) counts, one per finite bound then +Inf, read in
    /// one pass with <paramref name="count"/> their sum, so the two always agree.
    /// </summary>
    /// <param name="series">Flat index of the series.</param>
    /// <param name="labels">The series' encoded labels.</param>
    /// <param name="bucketCounts">Per-bucket counts, +Inf last.</param>
    /// <param name="count">Their sum.</param>
    /// <param name="sum">The sum of the observations.</param>
    /// <param name="bucketExemplars">One exemplar per bucket (not present where none), or empty when the family keeps none.</param>
    void WriteHistogram(int series, ReadOnlySpan<byte> labels, ReadOnlySpan<long> bucketCounts, long count, double sum, ReadOnlySpan<MetricExemplar> bucketExemplars);

    /// <summary>One info series: its labels; its value is always 1.</summary>
    void WriteInfo(int series, ReadOnlySpan<byte> labels);

    /// <summary>Ends the family started by the last <see cref="BeginFamily"/>.</summary>
    void EndFamily();

    /// <summary>Ends the exposition (OpenMetrics writes <c># EOF</c>).</summary>
    void EndExposition();
}
