using System;

namespace DistriC;

/// <summary>
/// Thrown when a metric cannot be registered. Registration is the only metrics operation that
/// throws; hot-path updates report problems through <see cref="DistricStatus"/> instead.
/// </summary>
public sealed class MetricRegistrationException : Exception
{
    /// <summary>Creates the exception with a status and a message naming the offending name or value.</summary>
    /// <param name="status">Why registration failed.</param>
    /// <param name="message">What was wrong, naming the metric and the offending value.</param>
    public MetricRegistrationException(DistricStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>Creates the exception with <see cref="DistricStatus.InvalidArgument"/>.</summary>
    public MetricRegistrationException()
        : this(DistricStatus.InvalidArgument, DistricStatus.InvalidArgument.Describe())
    {
    }

    /// <summary>Creates the exception with <see cref="DistricStatus.InvalidArgument"/> and a message.</summary>
    /// <param name="message">What was wrong.</param>
    public MetricRegistrationException(string message)
        : this(DistricStatus.InvalidArgument, message)
    {
    }

    /// <summary>Creates the exception with <see cref="DistricStatus.InvalidArgument"/>, a message and an inner exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MetricRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = DistricStatus.InvalidArgument;
    }

    /// <summary>Why registration failed: <see cref="DistricStatus.HighCardinality"/>, <see cref="DistricStatus.RegistryFull"/>,
    /// <see cref="DistricStatus.RegistryFrozen"/>, <see cref="DistricStatus.AlreadyExists"/> or <see cref="DistricStatus.InvalidArgument"/>.</summary>
    public DistricStatus Status { get; }
}
