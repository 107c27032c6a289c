using System;
using System.Threading;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// Failures of DistriC's own request-tracing code (the server-span middleware's span handling, the HttpClient diagnostic
/// listener's callbacks): caught where they happen, so they never change the application's request or its HttpClient
/// call, and counted here for <c>distric_internal_request_tracing_errors_total</c>. Process-wide, like the listener.
/// </summary>
internal static class RequestTracingFaults
{
    /// <summary>The self-monitoring counter of <see cref="Count"/>.</summary>
    public const string MetricName = "distric_internal_request_tracing_errors_total";

    private static long s_count;

    /// <summary>Failures caught so far in this process.</summary>
    public static long Count => Interlocked.Read(ref s_count);

    /// <summary>
    /// Tests only: called with the request (an <c>HttpContext</c> or an <c>HttpRequestMessage</c>) at each point where
    /// DistriC's code runs, so a test can make it throw there. Null in production.
    /// </summary>
    internal static Action<object>? Inject { get; set; }

    /// <summary>Counts one caught failure.</summary>
    public static void Record() => Interlocked.Increment(ref s_count);

    /// <summary>Runs the test hook, if any, for <paramref name="request"/>.</summary>
    public static void Probe(object request) => Inject?.Invoke(request);

    /// <summary>Adds the counter to <paramref name="registry"/>.</summary>
    public static void RegisterMetrics(MetricRegistry registry) =>
        registry.CreateObservableCounter(
            MetricName, "Failures of DistriC's request tracing (server-span middleware, HttpClient client spans) caught and ignored; the request went on untraced", static () => Count);
}
