using System;
using System.Threading;

namespace DistriC;

/// <summary>
/// A named part of the application that reports its own health; obtained from <see cref="HealthRegistry.Register(string)"/>.
/// </summary>
/// <remarks>
/// Status, message and timestamp live in one immutable <see cref="HealthComponentState"/> that an update swaps
/// atomically, so a reader (a scrape of <c>/health/ready</c>) never sees the status of one update with the message of
/// another, and no lock is taken. An update allocates that small object: health changes are rare events, not a hot path.
/// </remarks>
public sealed class HealthComponent
{
    private readonly TimeProvider _time;
    private HealthComponentState _state;

    internal HealthComponent(string name, TimeProvider time)
    {
        Name = name;
        _time = time;
        _state = new HealthComponentState(HealthStatus.Up, null, time.GetUtcNow());
    }

    /// <summary>The name given at registration.</summary>
    public string Name { get; }

    /// <summary>Status, message and timestamp read together.</summary>
    public HealthComponentState State => Volatile.Read(ref _state);

    /// <summary>The current status (<see cref="HealthStatus.Up"/> until the first update).</summary>
    public HealthStatus Status => State.Status;

    /// <summary>The current message, or null when none was ever given.</summary>
    public string? Message => State.Message;

    /// <summary>When the component was registered or last updated.</summary>
    public DateTimeOffset LastUpdated => State.LastUpdated;

    /// <summary>Reports a new status, stamping the time. Thread-safe; never throws.</summary>
    /// <param name="status">The new status.</param>
    /// <param name="message">A human-readable reason; null keeps the previous message.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, or <see cref="DistricStatus.InvalidArgument"/> (nothing changed) when
    /// <paramref name="status"/> is not a defined <see cref="HealthStatus"/>.</returns>
    public DistricStatus Update(HealthStatus status, string? message = null)
    {
        if (status is < HealthStatus.Up or > HealthStatus.Down)
        {
            return DistricStatus.InvalidArgument;
        }

        DateTimeOffset now = _time.GetUtcNow();
        HealthComponentState current = Volatile.Read(ref _state);
        while (true)
        {
            // Compare-exchange rather than a plain store so that "keep the previous message" cannot
            // resurrect a message that a concurrent update has just replaced.
            var next = new HealthComponentState(status, message ?? current.Message, now);
            HealthComponentState seen = Interlocked.CompareExchange(ref _state, next, current);
            if (ReferenceEquals(seen, current))
            {
                return DistricStatus.Ok;
            }

            current = seen;
        }
    }
}
