using System;
using System.Net;

namespace DistriC.Hosting;

/// <summary>Settings of an <see cref="ObservabilityServer"/>. Defaults are safe for a sidecar endpoint: loopback only, short timeouts.</summary>
public sealed class ObservabilityServerOptions
{
    /// <summary>TCP port; 0 (the default) picks a free port, read back from <see cref="ObservabilityServer.Port"/>.</summary>
    public int Port { get; set; }

    /// <summary>Address to bind; <see cref="IPAddress.Loopback"/> (127.0.0.1) unless told otherwise. Use
    /// <see cref="IPAddress.Any"/> to let a Prometheus server on another host scrape.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The metrics served at <c>/metrics</c>; a new empty registry when null. The server registers its own
    /// <c>distric_internal_http_*</c> families here, so it must not be frozen before the server starts.</summary>
    public MetricRegistry? Metrics { get; set; }

    /// <summary>The components judged by <c>/health/ready</c>; an empty registry (always ready) when null.</summary>
    public HealthRegistry? Health { get; set; }

    /// <summary>Time a client has to send the request line and all headers (Kestrel's <c>RequestHeadersTimeout</c>);
    /// slower clients get 408 and are disconnected. Default 5 s. Kestrel checks it about once a second.</summary>
    public TimeSpan HeaderTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle keep-alive connection stays open. Default 30 s.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest accepted request line (method, target and version), in bytes; longer lines are rejected with 414. Default 4 KiB.</summary>
    public int MaxRequestLineBytes { get; set; } = 4 * 1024;

    /// <summary>Largest total size of the request headers, in bytes. Default 16 KiB.</summary>
    public int MaxRequestHeaderBytes { get; set; } = 16 * 1024;

    /// <summary>Most connections open at once; further connections are refused until one closes. Default 256.</summary>
    public long MaxConnections { get; set; } = 256;

    /// <summary>Grace period for requests in flight when the server is disposed; connections still open after it are aborted.
    /// Default 500 ms, so that <see cref="ObservabilityServer.DisposeAsync"/> returns within a second.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}
