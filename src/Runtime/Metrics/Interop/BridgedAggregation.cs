namespace DistriC.Metrics.Interop;

/// <summary>How a bridged instrument's measurements change its series.</summary>
internal enum BridgedAggregation
{
    /// <summary><c>Counter&lt;T&gt;</c>: increments are added; a negative one is dropped and counted as an invalid value.</summary>
    MonotonicSum,

    /// <summary><c>UpDownCounter&lt;T&gt;</c>: increments of either sign are added.</summary>
    Sum,

    /// <summary><c>Gauge&lt;T&gt;</c> and every observable instrument: the measurement is the series' new value (observable counters report totals).</summary>
    LastValue,

    /// <summary><c>Histogram&lt;T&gt;</c>: each measurement is counted in its bucket and added to the sum.</summary>
    Histogram,
}
