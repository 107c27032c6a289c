using System;

namespace DistriC;

/// <summary>Limits and clock of a <see cref="HealthRegistry"/>.</summary>
public sealed class HealthRegistryOptions
{
    /// <summary>Default for <see cref="MaxComponents"/>.</summary>
    public const int DefaultMaxComponents = 64;

    /// <summary>Most components the registry accepts; further names fail with <see cref="DistricStatus.RegistryFull"/>. Default 64.</summary>
    public int MaxComponents { get; set; } = DefaultMaxComponents;

    /// <summary>Clock used to stamp registrations and updates; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
