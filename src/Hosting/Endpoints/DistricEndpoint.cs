namespace DistriC.Hosting.Endpoints;

/// <summary>The endpoints a request can resolve to; the ordinal is the <c>path</c> label index of the request counter.</summary>
internal enum DistricEndpoint
{
    /// <summary><c>/metrics</c>.</summary>
    Metrics = 0,
    /// <summary><c>/health/live</c>.</summary>
    Live = 1,
    /// <summary><c>/health/ready</c>.</summary>
    Ready = 2,
    /// <summary>Anything else (unknown paths and rejected targets), kept as one label value so the series stay bounded.</summary>
    Other = 3,
}
