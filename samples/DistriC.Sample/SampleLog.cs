namespace DistriC.Sample;

/// <summary>The sample's log events: the generator writes each body, with the constant part of the JSON line pre-encoded.</summary>
/// <remarks>
/// <c>method</c> is the label enum the metrics generator makes for <see cref="SampleRequests"/>; the logging generator
/// cannot see it (generators do not see each other's output) and emits a call the compiler binds to it, which writes
/// the member name (<c>"method":"GET"</c>) without allocating.
/// </remarks>
internal static partial class SampleLog
{
    [LogEvent(LogLevel.Info, "sample", "Sample service started")]
    public static partial void ServiceStarted(this JsonLogger logger, string url);

    [LogEvent(LogLevel.Warn, "http", "Request failed")]
    public static partial void RequestFailed(
        this JsonLogger logger,
        SampleRequests.Method method,
        int status,
        [LogField("duration_ms")] double durationMs); // trace_id and span_id: added by the logger while the request span is active

    [LogEvent(LogLevel.Warn, "queue", "Queue backed up")]
    public static partial void QueueBackedUp(this JsonLogger logger, int depth);

    [LogEvent(LogLevel.Info, "queue", "Queue recovered")]
    public static partial void QueueRecovered(this JsonLogger logger, int depth);

    [LogEvent(LogLevel.Info, "tracing", "Spans exported")]
    public static partial void SpansExported(
        this JsonLogger logger, int spans, int errors, [LogField("server_spans")] int serverSpans, [LogField("client_spans")] int clientSpans,
        [LogField("request_trace_ids")] string requestTraceIds);

    [LogEvent(LogLevel.Info, "sample", "Sample service stopped")]
    public static partial void ServiceStopped(this JsonLogger logger, long requests);
}
