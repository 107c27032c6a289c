namespace DistriC.Hosting;

/// <summary>
/// Which parts of request tracing <see cref="DistricServiceCollectionExtensions.AddDistric"/> switches on
/// (<see cref="DistricOptions.RequestTracing"/>). Each part is on by default.
/// </summary>
public sealed class DistricRequestTracingOptions
{
    /// <summary>
    /// When true (the default), every request the app handles is a span of kind <see cref="SpanKind.Server"/>, named
    /// <c>{method} {route template}</c>, continuing the incoming <c>traceparent</c>, and active while the request runs, so
    /// spans started inside it are its children.
    /// </summary>
    public bool ServerSpans { get; set; } = true;

    /// <summary>
    /// When true (the default), an <see cref="System.Net.Http.HttpClient"/> call made while a DistriC span is active is a
    /// child span of kind <see cref="SpanKind.Client"/>, named after the method, and the request carries exactly one
    /// <c>traceparent</c>, naming that span, plus the trace's <c>tracestate</c>. The hook is one per process (System.Net.Http's
    /// diagnostic listener), held while at least one host with this option on runs.
    /// </summary>
    public bool ClientSpans { get; set; } = true;

    /// <summary>
    /// When true (the default), the host's start wraps <see cref="System.Diagnostics.DistributedContextPropagator.Current"/>
    /// (once per process), so that Activity-based code propagating through it sends the active DistriC span's
    /// <c>traceparent</c> and <c>tracestate</c> rather than <see cref="System.Diagnostics.Activity.Current"/>'s. With no
    /// DistriC span active it behaves as the propagator it wraps.
    /// </summary>
    public bool ActivityPropagation { get; set; } = true;
}
