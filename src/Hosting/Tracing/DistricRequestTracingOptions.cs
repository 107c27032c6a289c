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
}
