using System;

namespace DistriC;

/// <summary>
/// Keep/drop ratios for root spans, in normal operation and under backpressure: of every <c>Keep + Drop</c> consecutive decisions, the first <c>Keep</c> are
/// recorded. Children of a local parent follow the parent's decision so traces stay whole.
/// </summary>
public sealed class SamplingOptions
{
    /// <summary>Spans kept per <see cref="NormalKeep"/> + <see cref="NormalDrop"/> in normal operation. Default 1.</summary>
    public int NormalKeep { get; init; } = 1;

    /// <summary>Spans dropped per <see cref="NormalKeep"/> + <see cref="NormalDrop"/> in normal operation. Default 0 (keep all).</summary>
    public int NormalDrop { get; init; }

    /// <summary>Spans kept per <see cref="BackpressureKeep"/> + <see cref="BackpressureDrop"/> under backpressure. Default 1.</summary>
    public int BackpressureKeep { get; init; } = 1;

    /// <summary>Spans dropped per <see cref="BackpressureKeep"/> + <see cref="BackpressureDrop"/> under backpressure. Default 9 (keep 10 %).</summary>
    public int BackpressureDrop { get; init; } = 9;

    /// <summary>
    /// How often the backpressure state is re-evaluated (queue fill and drop rate), on a timer of the tracer's
    /// <see cref="TimeProvider"/>. Default 100 ms; must be below one second for the drop-rate signal to be meaningful.
    /// </summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(NormalKeep);
        ArgumentOutOfRangeException.ThrowIfNegative(NormalDrop);
        ArgumentOutOfRangeException.ThrowIfNegative(BackpressureKeep);
        ArgumentOutOfRangeException.ThrowIfNegative(BackpressureDrop);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EvaluationInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(EvaluationInterval, TimeSpan.FromSeconds(1));
    }
}
