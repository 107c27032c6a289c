using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Hosting.Logging;

/// <summary>Maps Microsoft.Extensions.Logging levels onto the five levels of the JSON log.</summary>
internal static class LogLevelMapping
{
    /// <summary>
    /// Trace and Debug → <see cref="LogLevel.Debug"/> (the JSON log has no finer level), Information → Info, Warning → Warn,
    /// Error → Error, Critical → Fatal. <see cref="MelLogLevel.None"/> and undefined values map to nothing: never logged.
    /// </summary>
    public static bool TryMap(MelLogLevel level, out LogLevel mapped)
    {
        switch (level)
        {
            case MelLogLevel.Trace:
            case MelLogLevel.Debug:
                mapped = LogLevel.Debug;
                return true;
            case MelLogLevel.Information:
                mapped = LogLevel.Info;
                return true;
            case MelLogLevel.Warning:
                mapped = LogLevel.Warn;
                return true;
            case MelLogLevel.Error:
                mapped = LogLevel.Error;
                return true;
            case MelLogLevel.Critical:
                mapped = LogLevel.Fatal;
                return true;
            default:
                mapped = default;
                return false;
        }
    }
}
