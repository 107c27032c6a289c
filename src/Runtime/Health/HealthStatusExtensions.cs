namespace DistriC;

/// <summary>Wire names of <see cref="HealthStatus"/> values.</summary>
public static class HealthStatusExtensions
{
    /// <summary>The upper-case name used in health JSON: <c>UP</c>, <c>DEGRADED</c> or <c>DOWN</c>
    /// (<c>UNKNOWN</c> for a value outside the enum).</summary>
    /// <param name="status">The status.</param>
    /// <returns>A constant string.</returns>
    public static string ToWireName(this HealthStatus status) => status switch
    {
        HealthStatus.Up => "UP",
        HealthStatus.Degraded => "DEGRADED",
        HealthStatus.Down => "DOWN",
        _ => "UNKNOWN",
    };
}
