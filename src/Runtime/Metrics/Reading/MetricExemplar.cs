using System;

namespace DistriC;

/// <summary>
/// The exemplar of a counter series or histogram bucket: the span an update was made in, the value it recorded and
/// when. Read as one consistent tuple (never a mix of two updates); the default value means "none yet".
/// </summary>
public readonly struct MetricExemplar
{
    internal MetricExemplar(TraceId traceId, SpanId spanId, double value, double unixSeconds)
    {
        TraceId = traceId;
        SpanId = spanId;
        Value = value;
        UnixSeconds = unixSeconds;
    }

    /// <summary>False for the default value: the series or bucket has no exemplar yet.</summary>
    public bool IsPresent => TraceId.IsValid;

    /// <summary>The trace of the span the update was made in.</summary>
    public TraceId TraceId { get; }

    /// <summary>The span the update was made in.</summary>
    public SpanId SpanId { get; }

    /// <summary>The increment (counter) or observation (histogram) recorded with it.</summary>
    public double Value { get; }

    /// <summary>When it was recorded, in Unix seconds (millisecond precision).</summary>
    public double UnixSeconds { get; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(UnixSeconds * 1000));
}
