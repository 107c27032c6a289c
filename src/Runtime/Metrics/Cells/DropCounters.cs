using System.ComponentModel;
using System.Threading;

namespace DistriC.Infrastructure;

/// <summary>
/// Counts metric updates that were dropped instead of applied, by reason. Exposed by every registry
/// as <c>distric_internal_metric_updates_dropped_total{reason="invalid_label"|"invalid_value"}</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DropCounters
{
    private long _invalidLabel;
    private long _invalidValue;

    internal DropCounters()
    {
    }

    /// <summary>Updates dropped because a label value was outside its allowlist (or an enum value out of range).</summary>
    public long InvalidLabel => Volatile.Read(ref _invalidLabel);

    /// <summary>Updates dropped because the value was rejected (negative counter increment, NaN observation).</summary>
    public long InvalidValue => Volatile.Read(ref _invalidValue);

    /// <summary>Counts one update dropped for an invalid label and returns <see cref="DistricStatus.InvalidLabel"/>.</summary>
    /// <returns><see cref="DistricStatus.InvalidLabel"/>.</returns>
    public DistricStatus RecordInvalidLabel()
    {
        Interlocked.Increment(ref _invalidLabel);
        return DistricStatus.InvalidLabel;
    }

    /// <summary>Counts one update dropped for an invalid value and returns <see cref="DistricStatus.InvalidValue"/>.</summary>
    /// <returns><see cref="DistricStatus.InvalidValue"/>.</returns>
    public DistricStatus RecordInvalidValue()
    {
        Interlocked.Increment(ref _invalidValue);
        return DistricStatus.InvalidValue;
    }
}
