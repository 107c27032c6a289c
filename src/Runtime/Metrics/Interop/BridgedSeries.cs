using System;
using System.Threading;

namespace DistriC.Metrics.Interop;

/// <summary>
/// One series of a bridged instrument: its label values (by tag slot), its labels encoded once for the text formats,
/// and its cell. Created the first time its tag set is seen; never removed, so a reader holding it stays valid.
/// </summary>
internal sealed class BridgedSeries
{
    private readonly long[]? _buckets;
    private long _integer;
    private double _value;
    private double _sum;

    public BridgedSeries(string[] labelValues, byte[] labelBytes, int bucketCount)
    {
        LabelValues = labelValues;
        LabelBytes = labelBytes;
        _buckets = bucketCount > 0 ? new long[bucketCount] : null;
    }

    /// <summary>Label values by slot (empty where the series has no such tag); as long as the family's slot table.</summary>
    public string[] LabelValues { get; }

    /// <summary><c>name="value",…</c> without braces, in slot order; empty when the series has no label.</summary>
    public byte[] LabelBytes { get; }

    public long Integer => Volatile.Read(ref _integer);

    public double Value => Volatile.Read(ref _value);

    public double Sum => Volatile.Read(ref _sum);

    public void AddInteger(long delta) => Interlocked.Add(ref _integer, delta);

    public void SetInteger(long value) => Volatile.Write(ref _integer, value);

    public void AddValue(double delta) => AddDouble(ref _value, delta);

    public void SetValue(double value) => Volatile.Write(ref _value, value);

    /// <summary>Counts <paramref name="value"/> in the first bucket whose bound is at least it (the last is +Inf).</summary>
    public void Observe(double value, double[] bounds)
    {
        int bucket = 0;
        while (bucket < bounds.Length && value > bounds[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _buckets![bucket]);
        AddDouble(ref _sum, value);
    }

    /// <summary>Copies the per-bucket counts into <paramref name="destination"/> and returns their sum.</summary>
    public long CopyBuckets(Span<long> destination)
    {
        long total = 0;
        for (int b = 0; b < destination.Length; b++)
        {
            long count = Volatile.Read(ref _buckets![b]);
            destination[b] = count;
            total += count;
        }

        return total;
    }

    private static void AddDouble(ref double cell, double delta)
    {
        double current = Volatile.Read(ref cell);
        while (true)
        {
            double seen = Interlocked.CompareExchange(ref cell, current + delta, current);
            // Bit patterns, not ==: a cell holding NaN would otherwise spin forever.
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}
