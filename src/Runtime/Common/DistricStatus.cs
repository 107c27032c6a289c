namespace DistriC;

/// <summary>
/// Outcome of a DistriC operation. The numeric values mirror the error codes of the original
/// C library (<c>distric_err_t</c>) so that logs and dashboards written for it keep their meaning.
/// </summary>
/// <remarks>
/// Hot-path calls (metric updates, log writes, span starts) never throw; they report a drop
/// through one of the non-fatal values below and count it in a <c>distric_internal_*</c> metric.
/// Use <see cref="DistricStatusExtensions.Describe(DistricStatus)"/> for a human-readable text.
/// </remarks>
public enum DistricStatus
{
    /// <summary>The operation succeeded.</summary>
    Ok = 0,
    /// <summary>An argument was null, empty, malformed or out of range.</summary>
    InvalidArgument = -1,
    /// <summary>Memory could not be allocated.</summary>
    AllocationFailure = -2,
    /// <summary>A subsystem failed to initialise.</summary>
    InitFailed = -3,
    /// <summary>The registry already holds its maximum number of entries.</summary>
    RegistryFull = -4,
    /// <summary>The requested resource does not exist.</summary>
    NotFound = -5,
    /// <summary>Non-fatal: a bounded buffer was full (or an entry too large) and the data was dropped.</summary>
    BufferOverflow = -6,
    /// <summary>Non-fatal: the tracer is under backpressure and the span was sampled out.</summary>
    Backpressure = -7,
    /// <summary>Non-fatal: a label value is outside the registered allowlist; the update was dropped.</summary>
    InvalidLabel = -8,
    /// <summary>The number of label combinations exceeds the configured cardinality cap, or a label has no allowlist (unbounded).</summary>
    HighCardinality = -9,
    /// <summary>Registration was attempted after the registry was frozen.</summary>
    RegistryFrozen = -10,
    /// <summary>Non-fatal: memory was exhausted and the update was dropped.</summary>
    NoMemory = -11,
    /// <summary>An entry with the same name already exists.</summary>
    AlreadyExists = -12,
    /// <summary>The subsystem is shutting down or has been disposed.</summary>
    Shutdown = -13,
    /// <summary>A network or I/O operation failed.</summary>
    IOFailure = -14,
    /// <summary>The operation is not valid in the current state.</summary>
    InvalidState = -15,
    /// <summary>A background thread could not be created.</summary>
    ThreadFailure = -16,
    /// <summary>The operation timed out.</summary>
    Timeout = -17,
    /// <summary>A clean end of stream (not an error in itself).</summary>
    EndOfStream = -18,
    /// <summary>Malformed wire data or protocol violation.</summary>
    InvalidFormat = -19,
    /// <summary>A value had a different type than expected.</summary>
    TypeMismatch = -20,
    /// <summary>The peer or resource exists but cannot be reached.</summary>
    Unavailable = -21,
    /// <summary>Non-fatal: a value was rejected (negative counter increment, NaN observation, out-of-range enum).</summary>
    InvalidValue = -22,
}
