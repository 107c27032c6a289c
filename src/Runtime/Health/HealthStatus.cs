namespace DistriC;

/// <summary>
/// Health of a component, ordered from best to worst so that the overall status of a
/// <see cref="HealthRegistry"/> is simply the maximum of its components.
/// </summary>
public enum HealthStatus
{
    /// <summary>Fully operational (<c>UP</c>).</summary>
    Up = 0,
    /// <summary>Working with reduced capacity or quality (<c>DEGRADED</c>).</summary>
    Degraded = 1,
    /// <summary>Not operational (<c>DOWN</c>).</summary>
    Down = 2,
}
