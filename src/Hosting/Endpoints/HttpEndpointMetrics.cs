using System.Runtime.CompilerServices;
using System.Threading;
using DistriC.Infrastructure;

namespace DistriC.Hosting.Endpoints;

/// <summary>
/// Self-monitoring of the HTTP endpoints: <c>distric_internal_http_requests_total{path,code}</c> and
/// <c>distric_internal_http_active_connections</c>. Both label sets are fixed allowlists, so the series count is bounded
/// (4 paths x 6 codes) whatever clients send.
/// </summary>
/// <remarks>
/// <para>Only requests that reach the endpoint handler are counted. Requests Kestrel rejects at the protocol level before
/// any handler runs (malformed request line 400, request line over the limit 414, header timeout 408, headers too large 431,
/// unsupported version 505) never become requests to these paths and are not counted here.</para>
/// <para>One instance per <see cref="MetricRegistry"/> (kept in a weak table), so the standalone server and
/// <c>MapDistric</c> on the same registry share the families instead of failing with a duplicate name.</para>
/// </remarks>
internal sealed class HttpEndpointMetrics
{
    /// <summary>Name of the request counter.</summary>
    public const string RequestsMetricName = "distric_internal_http_requests_total";

    /// <summary>Name of the open-connections gauge.</summary>
    public const string ActiveConnectionsMetricName = "distric_internal_http_active_connections";

    /// <summary>Every status code the endpoints emit themselves, the <c>code</c> label allowlist.</summary>
    public static readonly int[] Codes = [200, 400, 404, 405, 500, 503];

    private static readonly ConditionalWeakTable<MetricRegistry, HttpEndpointMetrics> PerRegistry = new();
    private static readonly string[] CodeLabels = ["200", "400", "404", "405", "500", "503"];

    private readonly CounterCells _requests;
    private long _activeConnections;

    private HttpEndpointMetrics(MetricRegistry registry)
    {
        var descriptor = new MetricDescriptor(
            MetricKind.Counter,
            RequestsMetricName,
            "HTTP requests answered by the DistriC endpoints, by path and status code",
            ["path", "code"],
            [EndpointPaths.LabelValues, CodeLabels]);
        _requests = MetricRegistration.RegisterCounter(registry, descriptor);
        registry.CreateObservableGauge(
            ActiveConnectionsMetricName,
            "Connections open to the standalone DistriC observability server (stays 0 when the endpoints are served by MapDistric)",
            () => Interlocked.Read(ref _activeConnections));
    }

    /// <summary>The metrics of <paramref name="registry"/>, registering the two families on first use.</summary>
    /// <exception cref="MetricRegistrationException">The registry is frozen or full, or the names are taken by other metrics.</exception>
    public static HttpEndpointMetrics For(MetricRegistry registry) =>
        PerRegistry.GetValue(registry, static r => new HttpEndpointMetrics(r));

    /// <summary>Currently open connections (standalone server only; <c>MapDistric</c> has no connection hook).</summary>
    public long ActiveConnections => Interlocked.Read(ref _activeConnections);

    /// <summary>Counts one answered request; a code outside <see cref="Codes"/> is not counted.</summary>
    public void RecordRequest(DistricEndpoint endpoint, int statusCode)
    {
        int code = CodeIndex(statusCode);
        if (code >= 0)
        {
            _requests.Increment(((int)endpoint * Codes.Length) + code);
        }
    }

    /// <summary>Requests counted for <paramref name="endpoint"/> and <paramref name="statusCode"/>.</summary>
    public long GetRequests(DistricEndpoint endpoint, int statusCode)
    {
        int code = CodeIndex(statusCode);
        return code < 0 ? 0 : _requests.Get(((int)endpoint * Codes.Length) + code);
    }

    public void ConnectionOpened() => Interlocked.Increment(ref _activeConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _activeConnections);

    private static int CodeIndex(int statusCode) => statusCode switch
    {
        200 => 0,
        400 => 1,
        404 => 2,
        405 => 3,
        500 => 4,
        503 => 5,
        _ => -1,
    };
}
