using System;
using System.Buffers;
using System.Collections.Generic;
using DistriC.Exposition;
using DistriC.Infrastructure;

namespace DistriC.Metrics.Interop;

/// <summary>
/// What every bridged family shares: turning a measurement into an update of its series (unit scale, invalid values,
/// the aggregation) and writing the series out. How a measurement's tags find their series is the subclass's:
/// <see cref="BridgedFamily"/> creates series as tag sets appear, <see cref="DeclaredFamily"/> has a fixed set.
/// </summary>
internal abstract class InstrumentFamily : MetricFamily
{
    private const int StackBuckets = 64;

    private readonly DropCounters _drops;
    private readonly int _bucketCount;
    private readonly double _multiply;
    private readonly double _divide;

    protected InstrumentFamily(MetricLayout layout, string? unit, BridgedAggregation aggregation, bool integer, double scale, DropCounters drops)
        : base(layout, unit)
    {
        Aggregation = aggregation;
        Scale = scale;
        // Sub-units divide by an exact integer (1000 for ms) rather than multiplying by an inexact 0.001, so 25 ms is 0.025.
        _multiply = scale >= 1 ? scale : 1;
        _divide = scale >= 1 ? 1 : Math.Round(1 / scale);
        IsInteger = integer;
        _drops = drops;
        _bucketCount = layout.Kind == MetricKind.Histogram ? layout.Buckets.Length + 1 : 0;
    }

    public BridgedAggregation Aggregation { get; }

    /// <summary>True when the instruments measure integers (cells are 64-bit integers), false for floating point.</summary>
    public bool IsInteger { get; }

    /// <summary>The factor from the instruments' unit to the exposed base unit (1, or e.g. 0.001 for <c>ms</c>, with floating-point cells).</summary>
    public double Scale { get; }

    /// <summary>Cells per series for a histogram's buckets (+Inf included); 0 for other kinds.</summary>
    protected int BucketCount => _bucketCount;

    /// <summary>Whether an instrument of this shape may feed this family too (one name, one meaning).</summary>
    public bool Accepts(MetricKind kind, BridgedAggregation aggregation, bool integer, double scale) =>
        Header.Kind == kind && Aggregation == aggregation && IsInteger == integer && Scale == scale;

    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!IsInteger)
        {
            // Integer instruments in a non-base unit (ms, KiBy) are scaled, so their cells hold doubles.
            Record((double)value, tags);
            return;
        }

        if (Aggregation == BridgedAggregation.MonotonicSum && value < 0)
        {
            _drops.RecordInvalidValue();
            return;
        }

        if (Lookup(tags) is not { } series)
        {
            _drops.RecordInvalidLabel();
            return;
        }

        switch (Aggregation)
        {
            case BridgedAggregation.MonotonicSum:
            case BridgedAggregation.Sum:
                series.AddInteger(value);
                break;
            case BridgedAggregation.LastValue:
                series.SetInteger(value);
                break;
            default:
                series.Observe(value, Layout.Buckets);
                break;
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        value = value * _multiply / _divide;
        if (double.IsNaN(value) ? Aggregation != BridgedAggregation.LastValue : Aggregation == BridgedAggregation.MonotonicSum && value < 0)
        {
            _drops.RecordInvalidValue();
            return;
        }

        if (Lookup(tags) is not { } series)
        {
            _drops.RecordInvalidLabel();
            return;
        }

        switch (Aggregation)
        {
            case BridgedAggregation.MonotonicSum:
            case BridgedAggregation.Sum:
                series.AddValue(value);
                break;
            case BridgedAggregation.LastValue:
                series.SetValue(value);
                break;
            default:
                series.Observe(value, Layout.Buckets);
                break;
        }
    }

    public override void WriteSamples<TWriter>(ref TWriter writer)
    {
        BridgedSeries[] all = Snapshot(out int count);
        if (_bucketCount > 0)
        {
            WriteHistograms(ref writer, all, count);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            BridgedSeries series = all[i];
            if (Header.Kind == MetricKind.Counter && IsInteger)
            {
                writer.WriteCounter(i, series.LabelBytes, series.Integer, default);
            }
            else
            {
                // A floating-point counter prints like a gauge in both text formats; the read path gets it as Value.
                writer.WriteGauge(i, series.LabelBytes, IsInteger ? series.Integer : series.Value);
            }
        }
    }

    /// <summary>The series of <paramref name="tags"/>, or null to drop the measurement (counted as an invalid label).</summary>
    protected abstract BridgedSeries? Lookup(ReadOnlySpan<KeyValuePair<string, object?>> tags);

    /// <summary>The series in index order and how many of them are published.</summary>
    protected abstract BridgedSeries[] Snapshot(out int count);

    private void WriteHistograms<TWriter>(ref TWriter writer, BridgedSeries[] all, int count)
        where TWriter : struct, ISampleWriter
    {
        long[]? rented = null;
        Span<long> buckets = _bucketCount <= StackBuckets ? stackalloc long[StackBuckets] : (rented = ArrayPool<long>.Shared.Rent(_bucketCount));
        buckets = buckets[.._bucketCount];
        try
        {
            for (int i = 0; i < count; i++)
            {
                long total = all[i].CopyBuckets(buckets);
                writer.WriteHistogram(i, all[i].LabelBytes, buckets, total, all[i].Sum, default);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }
}
