using System;
using System.Buffers;
using System.Globalization;

namespace DistriC.Exposition;

/// <summary>
/// Writes exposition lines as UTF-8 into an <see cref="IBufferWriter{T}"/> by copying pre-encoded
/// fragments and formatting numbers in place: no strings, no allocation.
/// </summary>
internal readonly struct ExpositionWriter
{
    /// <summary>Room for any formatted number: a long, or a double in shortest round-trip form ("-1.7976931348623157E+308").</summary>
    private const int MaxNumberBytes = 32;
    private readonly IBufferWriter<byte> _output;

    public ExpositionWriter(IBufferWriter<byte> output) => _output = output;

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
    }

    /// <summary>Writes <c>name{labels[,extra]} value\n</c> (braces omitted when there are no labels).</summary>
    public void WriteSample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extraLabel, long value)
    {
        Span<byte> span = BeginSample(name, labels, extraLabel, out int pos);
        value.TryFormat(span[pos..], out int written, default, CultureInfo.InvariantCulture);
        EndSample(span, pos + written);
    }

    /// <summary>Writes <c>name{labels[,extra]} value # {trace_id="…",span_id="…"} value timestamp\n</c>: a sample with its OpenMetrics exemplar.</summary>
    public void WriteSample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extraLabel, long value, in MetricExemplar exemplar)
    {
        Span<byte> span = BeginSample(name, labels, extraLabel, out int pos, ExemplarText.MaxBytes);
        value.TryFormat(span[pos..], out int written, default, CultureInfo.InvariantCulture);
        pos += written;
        pos += ExemplarText.Write(exemplar, span[pos..]);
        EndSample(span, pos);
    }

    /// <inheritdoc cref="WriteSample(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>
    public void WriteSample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extraLabel, double value)
    {
        Span<byte> span = BeginSample(name, labels, extraLabel, out int pos);
        int written = FormatDouble(value, span[pos..]);
        EndSample(span, pos + written);
    }

    /// <summary>
    /// Writes one histogram series: a cumulative <c>_bucket</c> line per bucket (<c>le</c> added to the
    /// labels, with the bucket's exemplar when <paramref name="exemplars"/> has one), then <c>_count</c> and <c>_sum</c>.
    /// </summary>
    public void WriteHistogram(TextFamily family, ReadOnlySpan<byte> labels, ReadOnlySpan<long> bucketCounts, long count, double sum, ReadOnlySpan<MetricExemplar> exemplars)
    {
        byte[][] le = family.BucketLabels;
        long cumulative = 0;
        for (int b = 0; b < bucketCounts.Length; b++)
        {
            cumulative += bucketCounts[b];
            if (b < exemplars.Length && exemplars[b].IsPresent)
            {
                WriteSample(family.BucketName, labels, le[b], cumulative, exemplars[b]);
            }
            else
            {
                WriteSample(family.BucketName, labels, le[b], cumulative);
            }
        }

        WriteSample(family.CountName, labels, default, count);
        WriteSample(family.SumName, labels, default, sum);
    }

    /// <summary>One sample whose value is already text (encoded once, e.g. a family's creation time).</summary>
    public void WriteSample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extraLabel, ReadOnlySpan<byte> valueText)
    {
        Span<byte> span = BeginSample(name, labels, extraLabel, out int pos, valueText.Length);
        valueText.CopyTo(span[pos..]);
        EndSample(span, pos + valueText.Length);
    }

    /// <summary>Formats a double in the shortest form that round-trips, with Prometheus' spelling of the special values.</summary>
    public static int FormatDouble(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            "NaN"u8.CopyTo(destination);
            return 3;
        }

        if (double.IsPositiveInfinity(value))
        {
            "+Inf"u8.CopyTo(destination);
            return 4;
        }

        if (double.IsNegativeInfinity(value))
        {
            "-Inf"u8.CopyTo(destination);
            return 4;
        }

        // .NET Core 3.0+ formats doubles as the shortest round-trippable string by default ("R" semantics).
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        return written;
    }

    private Span<byte> BeginSample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extraLabel, out int pos, int extraBytes = 0)
    {
        Span<byte> span = _output.GetSpan(name.Length + labels.Length + extraLabel.Length + MaxNumberBytes + 5 + extraBytes);
        name.CopyTo(span);
        pos = name.Length;
        if (!labels.IsEmpty || !extraLabel.IsEmpty)
        {
            span[pos++] = (byte)'{';
            labels.CopyTo(span[pos..]);
            pos += labels.Length;
            if (!labels.IsEmpty && !extraLabel.IsEmpty)
            {
                span[pos++] = (byte)',';
            }

            extraLabel.CopyTo(span[pos..]);
            pos += extraLabel.Length;
            span[pos++] = (byte)'}';
        }

        span[pos++] = (byte)' ';
        return span;
    }

    private void EndSample(Span<byte> span, int pos)
    {
        span[pos++] = (byte)'\n';
        _output.Advance(pos);
    }
}
