using Microsoft.Extensions.Logging;
using ZLogger;
using MelLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Benchmarks;

/// <summary>The same 3-field event (method, path, status) declared for each library under comparison.</summary>
public static partial class LoggingEvents
{
    [LogEvent(DistriC.LogLevel.Info, "http", "Request received")]
    public static partial void RequestReceived(this JsonLogger logger, string method, string path, int status);

    [ZLoggerMessage(MelLevel.Information, "Request received {method} {path} {status}")]
    public static partial void ZRequestReceived(this ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 1, Level = MelLevel.Information, Message = "Request received {Method} {Path} {Status}")]
    public static partial void MelRequestReceived(this ILogger logger, string method, string path, int status);
}
