using System;

namespace DistriC;

/// <summary>
/// Thrown by <see cref="HealthRegistry.Register(string)"/> when a component cannot be registered;
/// <see cref="HealthRegistry.TryRegister(string, out HealthComponent?)"/> reports the same outcomes as a status instead.
/// </summary>
public sealed class HealthRegistrationException : Exception
{
    /// <summary>Creates the exception with a status and a message naming the component.</summary>
    /// <param name="status">Why registration failed.</param>
    /// <param name="message">What was wrong.</param>
    public HealthRegistrationException(DistricStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>Creates the exception with <see cref="DistricStatus.InvalidArgument"/>.</summary>
    public HealthRegistrationException()
        : this(DistricStatus.InvalidArgument, DistricStatus.InvalidArgument.Describe())
    {
    }

    /// <summary>Creates the exception with <see cref="DistricStatus.InvalidArgument"/> and a message.</summary>
    /// <param name="message">What was wrong.</param>
    public HealthRegistrationException(string message)
        : this(DistricStatus.InvalidArgument, message)
    {
    }

    /// <summary>Creates the exception with <see cref="DistricStatus.InvalidArgument"/>, a message and an inner exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public HealthRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = DistricStatus.InvalidArgument;
    }

    /// <summary>Why registration failed: <see cref="DistricStatus.RegistryFull"/> or <see cref="DistricStatus.InvalidArgument"/>.</summary>
    public DistricStatus Status { get; }
}
