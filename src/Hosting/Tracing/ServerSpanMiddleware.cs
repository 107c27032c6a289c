using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Conventions = DistriC.Hosting.Tracing.HttpSemanticConventions;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// The outermost middleware of an app that called <c>AddDistric</c>: one <see cref="SpanKind.Server"/> span per request,
/// continuing the incoming trace, active while the rest of the pipeline runs, and named after the matched route once
/// routing ran. Tags are the OpenTelemetry HTTP server conventions, from pre-made strings.
/// </summary>
internal sealed class ServerSpanMiddleware
{
    private readonly RequestDelegate _next;
    private readonly Tracer _tracer;
    private readonly ServerSpanNames _names = new();
    private readonly RequestHostTags _hosts = new();

    public ServerSpanMiddleware(RequestDelegate next, Tracer tracer)
    {
        _next = next;
        _tracer = tracer;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // DistriC's own failures are caught and counted (RequestTracingFaults): the request then runs untraced, or keeps
        // its span with fewer tags, but it is never failed by the tracing around it.
        if (!TryStart(context, out TraceSpan span, out int methodIndex, out string methodName))
        {
            return _next(context);
        }

        // Activated even when not recorded: its context (sampled flag off) is what children and outgoing calls propagate.
        // Not an async method: a pipeline that completes synchronously (the common case for a small endpoint on Kestrel)
        // then costs no state machine; only one that really waits gets the continuation below.
        ActiveSpanScope scope = span.Activate();
        Task pending;
        try
        {
            pending = _next(context);
        }
        catch (Exception exception)
        {
            SafeComplete(span, context, methodIndex, methodName, exception);
            scope.Dispose();
            // A faulted task, as an async method would have returned: callers see the same thing either way.
            return Task.FromException(exception);
        }

        if (pending.IsCompletedSuccessfully)
        {
            SafeComplete(span, context, methodIndex, methodName, exception: null);
            scope.Dispose();
            return pending;
        }

        // A synchronous method must put the previous span back before it returns (an async method's builder would have
        // restored the caller's execution context itself); the rest of the pipeline keeps the span in the execution
        // context it captured when it started waiting.
        scope.Dispose();
        return CompleteWhenDoneAsync(pending, context, span, methodIndex, methodName);
    }

    private async Task CompleteWhenDoneAsync(Task pending, HttpContext context, TraceSpan span, int methodIndex, string methodName)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SafeComplete(span, context, methodIndex, methodName, exception);
            throw;
        }

        SafeComplete(span, context, methodIndex, methodName, exception: null);
    }

    private bool TryStart(HttpContext context, out TraceSpan span, out int methodIndex, out string methodName)
    {
        span = default;
        methodIndex = -1;
        methodName = Conventions.OtherMethodSpanName;
        try
        {
            HttpRequest request = context.Request;
            methodIndex = Conventions.MethodIndex(request.Method);
            methodName = methodIndex < 0 ? Conventions.OtherMethodSpanName : Conventions.StandardMethods[methodIndex];
            RequestTracingFaults.Probe(context);
            span = _tracer.StartSpanFromContext(IncomingTraceContext.From(request), methodName, SpanKind.Server);
            if (span.IsRecording)
            {
                TagRequest(span, request, methodIndex);
            }

            return true;
        }
        catch (Exception)
        {
            RequestTracingFaults.Record();
            span.Finish();
            return false;
        }
    }

    private void SafeComplete(TraceSpan span, HttpContext context, int methodIndex, string methodName, Exception? exception)
    {
        try
        {
            RequestTracingFaults.Probe(context);
            Complete(span, context, methodIndex, methodName, exception);
        }
        catch (Exception)
        {
            // Never replaces the application's own exception, nor fails a request that succeeded.
            RequestTracingFaults.Record();
            span.Finish();
        }
    }

    private void TagRequest(in TraceSpan span, HttpRequest request, int methodIndex)
    {
        if (methodIndex < 0)
        {
            span.SetTag(Conventions.RequestMethod, Conventions.OtherMethod);
            span.SetTag(Conventions.RequestMethodOriginal, request.Method);
        }
        else
        {
            span.SetTag(Conventions.RequestMethod, Conventions.StandardMethods[methodIndex]);
        }

        span.SetTag(Conventions.UrlPath, request.Path.HasValue ? request.Path.Value : "/");
        span.SetTag(Conventions.UrlScheme, request.Scheme);
        (string? address, int? port) = _hosts.Of(request.Host);
        if (address is not null)
        {
            span.SetTag(Conventions.ServerAddress, address);
        }

        if (port is int number)
        {
            span.SetTag(Conventions.ServerPort, number);
        }

        if (Conventions.ProtocolVersionOf(request.Protocol) is string version)
        {
            span.SetTag(Conventions.ProtocolVersion, version);
        }
    }

    private void Complete(TraceSpan span, HttpContext context, int methodIndex, string methodName, Exception? exception)
    {
        if (span.IsRecording)
        {
            Microsoft.AspNetCore.Http.Endpoint? endpoint = context.GetEndpoint();
            span.SetName(_names.Get(endpoint, methodIndex, methodName));
            if (ServerSpanNames.RouteOf(endpoint) is string route)
            {
                span.SetTag(Conventions.Route, route);
            }

            // An exception that escapes before the response started becomes a 500 written by the server.
            int status = exception is not null && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            span.SetTag(Conventions.ResponseStatusCode, status);
            if (exception is not null)
            {
                span.SetTag(Conventions.ErrorType, exception.GetType().FullName);
                span.SetStatus(SpanStatus.Error);
            }
            else if (status >= 500)
            {
                span.SetTag(Conventions.ErrorType, Conventions.StatusCode(status));
                span.SetStatus(SpanStatus.Error);
            }
        }

        span.Finish();
    }
}
