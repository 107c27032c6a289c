using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conventions = DistriC.Hosting.Tracing.HttpSemanticConventions;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// Client spans for every <see cref="HttpClient"/> of the process (plain ones and <c>IHttpClientFactory</c> ones alike):
/// subscribes to System.Net.Http's <c>HttpHandlerDiagnosticListener</c>, whose <c>HttpRequestOut.Start</c> event fires
/// before the framework writes its own <c>traceparent</c>. While a DistriC span is active, the start event opens a child
/// of kind <see cref="SpanKind.Client"/> and writes that child's <c>traceparent</c> (and the trace's <c>tracestate</c>) on
/// the request; the framework then sees the header present and adds none, so the request carries exactly one.
/// </summary>
/// <remarks>
/// One subscription per process, held while at least one host that asked for client spans runs (<see cref="Acquire"/>).
/// The payloads are internal types of System.Net.Http; their public properties (<c>Request</c>, <c>Response</c>,
/// <c>RequestTaskStatus</c>, <c>Exception</c>) are read by reflection, once per payload type, as every DiagnosticListener
/// consumer does (the framework keeps them for trimming).
/// </remarks>
internal sealed class HttpClientSpanListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string ListenerName = "HttpHandlerDiagnosticListener";
    public const string ActivityName = "System.Net.Http.HttpRequestOut";
    private const string StartEvent = ActivityName + ".Start";
    private const string StopEvent = ActivityName + ".Stop";
    private const string ExceptionEvent = "System.Net.Http.Exception";

    private static readonly HttpRequestOptionsKey<TraceSpan> s_spanKey = new("DistriC.ClientSpan");
    private static readonly object s_gate = new();
    private static int s_users;
    private static IDisposable? s_allListeners;
    private static IDisposable? s_subscription;

    private readonly PayloadProperty _request = new("Request");
    private readonly PayloadProperty _response = new("Response");
    private readonly PayloadProperty _taskStatus = new("RequestTaskStatus");
    private readonly PayloadProperty _exception = new("Exception");

    private HttpClientSpanListener()
    {
    }

    /// <summary>Starts listening (first user) and returns the lease that stops it when the last user lets go.</summary>
    public static IDisposable Acquire()
    {
        lock (s_gate)
        {
            if (s_users++ == 0)
            {
                s_allListeners = DiagnosticListener.AllListeners.Subscribe(new HttpClientSpanListener());
            }
        }

        return new Lease();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == ListenerName)
        {
            IDisposable subscription = value.Subscribe(this, IsEnabled);
            Interlocked.Exchange(ref s_subscription, subscription)?.Dispose();
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // Called inside the application's HttpClient.SendAsync: an exception here would fail its call, so none leaves.
        try
        {
            Dispatch(value);
        }
        catch (Exception)
        {
            RequestTracingFaults.Record();
        }
    }

    private void Dispatch(KeyValuePair<string, object?> value)
    {
        switch (value.Key)
        {
            case StartEvent:
                OnStart(_request.Read(value.Value) as HttpRequestMessage);
                break;
            case ExceptionEvent:
                OnException(_request.Read(value.Value) as HttpRequestMessage, _exception.Read(value.Value) as Exception);
                break;
            case StopEvent:
                OnStop(_request.Read(value.Value) as HttpRequestMessage, _response.Read(value.Value) as HttpResponseMessage,
                    _taskStatus.Read(value.Value) is TaskStatus status ? status : TaskStatus.RanToCompletion);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    // Only while a DistriC span is active does a request get an activity (and with it the start event); the stop and
    // exception events find their span on the request, so they are wanted whenever a start may have been.
    private static bool IsEnabled(string name, object? request, object? unused) =>
        name is StopEvent or ExceptionEvent || Tracer.ActiveSpan.Context.IsValid;

    private static void OnStart(HttpRequestMessage? request)
    {
        TraceSpan parent = Tracer.ActiveSpan;
        if (request is null || !parent.Context.IsValid)
        {
            return;
        }

        int methodIndex = Conventions.MethodIndex(request.Method.Method);
        string methodName = methodIndex < 0 ? Conventions.OtherMethodSpanName : Conventions.StandardMethods[methodIndex];
        RequestTracingFaults.Probe(request);
        TraceSpan span = parent.StartChild(methodName, SpanKind.Client);
        try
        {
            Inject(request, span.Context);
            if (span.IsRecording)
            {
                TagRequest(span, request, methodIndex);
            }

            request.Options.Set(s_spanKey, span);
        }
        catch (Exception)
        {
            // The span never reaches the stop event: finish it here (with the tags it got) so its slot goes back to the pool.
            span.Finish();
            throw;
        }
    }

    private static void Inject(HttpRequestMessage request, in TraceContext context)
    {
        request.Headers.Remove("traceparent");
        request.Headers.Remove("tracestate");
        request.Headers.TryAddWithoutValidation("traceparent", context.ToString());
        if (context.TraceState is string traceState)
        {
            request.Headers.TryAddWithoutValidation("tracestate", traceState);
        }
    }

    private static void TagRequest(in TraceSpan span, HttpRequestMessage request, int methodIndex)
    {
        if (methodIndex < 0)
        {
            span.SetTag(Conventions.RequestMethod, Conventions.OtherMethod);
            span.SetTag(Conventions.RequestMethodOriginal, request.Method.Method);
        }
        else
        {
            span.SetTag(Conventions.RequestMethod, Conventions.StandardMethods[methodIndex]);
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            span.SetTag(Conventions.ServerAddress, uri.Host);
            span.SetTag(Conventions.ServerPort, uri.Port);
            // Without the query and the user info, which may hold secrets.
            span.SetTag(Conventions.UrlFull, uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        }
    }

    private static void OnException(HttpRequestMessage? request, Exception? exception)
    {
        if (request is not null && exception is not null && request.Options.TryGetValue(s_spanKey, out TraceSpan span))
        {
            RequestTracingFaults.Probe(request);
            span.SetTag(Conventions.ErrorType, exception.GetType().FullName);
            span.SetStatus(SpanStatus.Error);
        }
    }

    private static void OnStop(HttpRequestMessage? request, HttpResponseMessage? response, TaskStatus status)
    {
        if (request is null || !request.Options.TryGetValue(s_spanKey, out TraceSpan span))
        {
            return;
        }

        ((IDictionary<string, object?>)request.Options).Remove(s_spanKey.Key);
        try
        {
            RequestTracingFaults.Probe(request);
            TagOutcome(span, response, status);
        }
        finally
        {
            span.Finish();
        }
    }

    private static void TagOutcome(in TraceSpan span, HttpResponseMessage? response, TaskStatus status)
    {
        if (response is not null)
        {
            int code = (int)response.StatusCode;
            span.SetTag(Conventions.ResponseStatusCode, code);
            span.SetTag(Conventions.ProtocolVersion, response.Version.Major == 1 ? (response.Version.Minor == 0 ? "1.0" : "1.1") : response.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (code >= 400)
            {
                // For a client every 4xx and 5xx is a failed call.
                span.SetTag(Conventions.ErrorType, Conventions.StatusCode(code));
                span.SetStatus(SpanStatus.Error);
            }
        }
        else if (status == TaskStatus.Canceled)
        {
            span.SetTag(Conventions.ErrorType, typeof(OperationCanceledException).FullName);
            span.SetStatus(SpanStatus.Error);
        }
    }

    private sealed class Lease : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            lock (s_gate)
            {
                if (--s_users == 0)
                {
                    s_allListeners?.Dispose();
                    s_allListeners = null;
                    Interlocked.Exchange(ref s_subscription, null)?.Dispose();
                }
            }
        }
    }
}
