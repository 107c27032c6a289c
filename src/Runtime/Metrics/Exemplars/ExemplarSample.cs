namespace DistriC.Exposition;

/// <summary>One exemplar as read from its slot: a consistent (trace, span, value, time) tuple, or none.</summary>
internal readonly struct ExemplarSample
{
    public ExemplarSample(TraceId traceId, SpanId spanId, double value, double unixSeconds)
    {
        TraceId = traceId;
        SpanId = spanId;
        Value = value;
        UnixSeconds = unixSeconds;
    }

    /// <summary>False for the default value: the slot held no exemplar yet.</summary>
    public bool IsPresent => TraceId.IsValid;

    public TraceId TraceId { get; }

    public SpanId SpanId { get; }

    /// <summary>The increment (counter) or observation (histogram) recorded with it.</summary>
    public double Value { get; }

    /// <summary>When it was recorded, in Unix seconds.</summary>
    public double UnixSeconds { get; }
}
