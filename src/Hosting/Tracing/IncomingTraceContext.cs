using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DistriC.Hosting.Tracing;

/// <summary>The parent of a request's server span: what the caller sent, or the framework's span when someone records it.</summary>
internal static class IncomingTraceContext
{
    /// <summary>
    /// The recorded request <see cref="Activity"/> of an ActivitySource listener (OpenTelemetry's ASP.NET Core instrumentation)
    /// when there is one, so the trace has no gap: that span is exported by its owner. Otherwise the request's own
    /// <c>traceparent</c> (exactly one, valid) and <c>tracestate</c> (kept only when valid). ASP.NET Core's own request Activity, made without a
    /// listener, is skipped: nobody exports it, so a child of it would point at a span that does not exist.
    /// </summary>
    public static TraceContext From(HttpRequest request)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Recorded: true } activity && activity.Source.Name.Length != 0)
        {
            return TraceContext.FromActivityContext(activity.Context);
        }

        StringValues traceParent = request.Headers.TraceParent;
        // Several traceparent values (repeated headers or a list) cannot be told apart: W3C treats that as no parent.
        if (traceParent.Count != 1)
        {
            return default;
        }

        StringValues traceState = request.Headers.TraceState;
        // Several tracestate header lines form one list (RFC 9110 field combination); joining allocates only in that case.
        string? state = traceState.Count switch
        {
            0 => null,
            1 => traceState[0],
            _ => string.Join(',', traceState.ToArray()),
        };
        return TraceContext.Extract(traceParent[0], state, out TraceContext context) == DistricStatus.Ok ? context : default;
    }
}
