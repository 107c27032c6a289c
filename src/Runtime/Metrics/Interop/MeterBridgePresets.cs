using System;
using DistriC.Metrics.Interop;

namespace DistriC;

/// <summary>
/// One call each for the framework's own meters; <c>AddDistric</c> (DistriC.Hosting) makes all of them unless told not to.
/// </summary>
public static class MeterBridgePresets
{
    /// <summary>The meters of <see cref="AddAspNetCore"/>: hosting (request duration, active requests), Kestrel, routing and diagnostics.</summary>
    public static readonly string[] AspNetCoreMeters =
    {
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics",
    };

    /// <summary>The meters of <see cref="AddHttpClient"/>: client request duration, open connections, DNS look-ups.</summary>
    public static readonly string[] HttpClientMeters = { "System.Net.Http", "System.Net.NameResolution" };

    /// <summary>
    /// The <c>http_route</c> label of a request that matched no endpoint (a 404, or a request answered by middleware):
    /// ASP.NET Core's <c>http.server.request.duration</c> leaves the tag out then, and <see cref="AddAspNetCore"/> fills in
    /// this value, so such requests share one series per method and status code and never make one per raw path.
    /// </summary>
    public const string UnmatchedRoute = "_OTHER";

    /// <summary>The instrument whose missing <c>http.route</c> <see cref="AddAspNetCore"/> fills with <see cref="UnmatchedRoute"/>.</summary>
    public const string ServerRequestDuration = "http.server.request.duration";

    /// <summary>The meter of <see cref="AddRuntime"/>.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// Bridges ASP.NET Core's hosting, Kestrel, routing and diagnostics meters (<see cref="AspNetCoreMeters"/>), with the
    /// request duration of a request that matched no route labelled <c>http_route="_OTHER"</c> (<see cref="UnmatchedRoute"/>).
    /// </summary>
    /// <param name="options">The options to add to.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static MeterBridgeOptions AddAspNetCore(this MeterBridgeOptions options) =>
        AddMeters(options, AspNetCoreMeters).FillMissingTag(ServerRequestDuration, "http.route", UnmatchedRoute);

    /// <summary>Bridges <c>System.Net.Http</c> and <c>System.Net.NameResolution</c> (<see cref="HttpClientMeters"/>).</summary>
    /// <param name="options">The options to add to.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static MeterBridgeOptions AddHttpClient(this MeterBridgeOptions options) => AddMeters(options, HttpClientMeters);

    /// <summary>
    /// Bridges the <c>System.Runtime</c> meter (GC, thread pool, JIT, exceptions, CPU, memory). It is built into .NET 9 and
    /// later; on .NET 8 this call creates, once per process, a meter of that name with the same instruments, read from the
    /// GC, ThreadPool, JitInfo, Monitor, Timer and Environment APIs, so the names at <c>/metrics</c> are the same.
    /// </summary>
    /// <param name="options">The options to add to.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static MeterBridgeOptions AddRuntime(this MeterBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Environment.Version.Major < 9)
        {
            RuntimeMeterFallback.EnsureCreated();
        }

        return options.AddMeter(RuntimeMeter);
    }

    private static MeterBridgeOptions AddMeters(MeterBridgeOptions options, string[] meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (string meter in meters)
        {
            options.AddMeter(meter);
        }

        return options;
    }
}
