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
        // keeps its span with fewer tags, but it is never failed by the tracing around it.
        return TryStart(context, out TraceSpan span, out int methodIndex, out string methodName)
            ? InvokeTracedAsync(context, span, methodIndex, methodName)
            : _next(context);
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

    private async Task InvokeTracedAsync(HttpContext context, TraceSpan span, int methodIndex, string methodName)
    {
        // Activated even when not recorded: its context (sampled flag off) is what children and outgoing calls propagate.
        using ActiveSpanScope scope = span.Activate();
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SafeComplete(span, context, methodIndex, methodName, exception);
            throw;
        }

        SafeComplete(span, context, methodIndex, methodName, exception: null);
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
