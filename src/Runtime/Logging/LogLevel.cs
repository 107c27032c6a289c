namespace DistriC;

/// <summary>
/// Severity of a log entry. The numeric values and the JSON spellings (<c>"DEBUG"</c>, <c>"INFO"</c>,
/// <c>"WARN"</c>, <c>"ERROR"</c>, <c>"FATAL"</c>) are those of the original C library.
/// </summary>
public enum LogLevel
{
    /// <summary>Diagnostic detail, usually disabled in production. Written as <c>"DEBUG"</c>.</summary>
    Debug = 0,
    /// <summary>Normal operation. Written as <c>"INFO"</c>.</summary>
    Info = 1,
    /// <summary>Something unexpected that the service recovered from. Written as <c>"WARN"</c>.</summary>
    Warn = 2,
    /// <summary>An operation failed. Written as <c>"ERROR"</c>.</summary>
    Error = 3,
    /// <summary>The service cannot continue. Written as <c>"FATAL"</c>.</summary>
    Fatal = 4,
}
