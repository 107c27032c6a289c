namespace DistriC.Hosting.Endpoints;

/// <summary>The endpoint paths, in <see cref="DistricEndpoint"/> order, and the lookup from a request path.</summary>
internal static class EndpointPaths
{
    public const string Metrics = "/metrics";
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";

    /// <summary>Values of the <c>path</c> label, indexed by <see cref="DistricEndpoint"/>.</summary>
    public static readonly string[] LabelValues = [Metrics, Live, Ready, "other"];

    /// <summary>Exact, case-sensitive match; a trailing slash is a different path.</summary>
    public static DistricEndpoint Resolve(string? path) => path switch
    {
        Metrics => DistricEndpoint.Metrics,
        Live => DistricEndpoint.Live,
        Ready => DistricEndpoint.Ready,
        _ => DistricEndpoint.Other,
    };
}
