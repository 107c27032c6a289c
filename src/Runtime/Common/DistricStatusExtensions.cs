namespace DistriC;

/// <summary>Human-readable descriptions of <see cref="DistricStatus"/> values.</summary>
public static class DistricStatusExtensions
{
    /// <summary>Returns a short English description of <paramref name="status"/>, as <c>distric_strerror</c> did.</summary>
    /// <param name="status">The status to describe.</param>
    /// <returns>A constant string; never null.</returns>
    public static string Describe(this DistricStatus status) => status switch
    {
        DistricStatus.Ok => "OK",
        DistricStatus.InvalidArgument => "invalid argument",
        DistricStatus.AllocationFailure => "allocation failure",
        DistricStatus.InitFailed => "initialization failed",
        DistricStatus.RegistryFull => "registry full",
        DistricStatus.NotFound => "not found",
        DistricStatus.BufferOverflow => "buffer overflow (data dropped)",
        DistricStatus.Backpressure => "backpressure (span dropped)",
        DistricStatus.InvalidLabel => "invalid label value (update dropped)",
        DistricStatus.HighCardinality => "label cardinality too high",
        DistricStatus.RegistryFrozen => "registry frozen",
        DistricStatus.NoMemory => "no memory (update dropped)",
        DistricStatus.AlreadyExists => "already exists",
        DistricStatus.Shutdown => "subsystem shutdown",
        DistricStatus.IOFailure => "network/IO failure",
        DistricStatus.InvalidState => "operation invalid in current state",
        DistricStatus.ThreadFailure => "thread creation failed",
        DistricStatus.Timeout => "operation timed out",
        DistricStatus.EndOfStream => "end of stream",
        DistricStatus.InvalidFormat => "invalid wire format",
        DistricStatus.TypeMismatch => "field type mismatch",
        DistricStatus.Unavailable => "peer unavailable",
        DistricStatus.InvalidValue => "invalid value (update dropped)",
        _ => "unknown error",
    };
}
