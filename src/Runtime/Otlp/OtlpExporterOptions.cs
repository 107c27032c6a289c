using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>
/// Where and how one signal's OTLP exporter sends: endpoint, protocol, headers, timeout, compression and retry budget.
/// Build it in code, or read it from the standard <c>OTEL_EXPORTER_OTLP_*</c> variables with <see cref="FromEnvironment"/>.
/// </summary>
public sealed record OtlpExporterOptions
{
    /// <summary>The default <see cref="Timeout"/>: 10 seconds, as the specification says.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The full URL requests are posted to, path included (e.g. <c>http://collector:4318/v1/traces</c>). Use
    /// <see cref="ForBaseEndpoint"/> to append the signal's path to a base URL. Required.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The protocol: OTLP/HTTP protobuf (the default) or OTLP/HTTP JSON.</summary>
    public OtlpProtocol Protocol { get; init; } = OtlpProtocol.HttpProtobuf;

    /// <summary>Headers added to every request, e.g. an API key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>How long one request may take before it is abandoned (and retried, within the budget). Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Body compression; none by default.</summary>
    public OtlpCompression Compression { get; init; } = OtlpCompression.None;

    /// <summary>Most attempts per batch, the first included (default 5); 1 disables retrying.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry (default 1 s); each further wait is 1.5 times longer, up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts (default 5 s); a longer <c>Retry-After</c> ends the retries instead.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The resource sent with every request; when null, <see cref="OtlpResource.FromEnvironment"/> is used.</summary>
    public OtlpResource? Resource { get; init; }

    /// <summary>The path the specification appends to a base endpoint for <paramref name="signal"/>: <c>v1/traces</c>, <c>v1/logs</c> or <c>v1/metrics</c>.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The relative path, without a leading slash.</returns>
    public static string SignalPath(OtlpSignal signal) => signal switch
    {
        OtlpSignal.Traces => "v1/traces",
        OtlpSignal.Logs => "v1/logs",
        OtlpSignal.Metrics => "v1/metrics",
        _ => throw new ArgumentOutOfRangeException(nameof(signal)),
    };

    /// <summary>
    /// The signal URL for a base endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>'s meaning): the signal's path is appended
    /// to the base path, with exactly one slash between them, so <c>http://host:4318</c>, <c>http://host:4318/</c> and
    /// <c>http://host:4318/otlp</c> give <c>/v1/traces</c>, <c>/v1/traces</c> and <c>/otlp/v1/traces</c>.
    /// </summary>
    /// <param name="baseEndpoint">An absolute http or https URL.</param>
    /// <param name="signal">The signal.</param>
    /// <returns>The full URL.</returns>
    public static Uri ForBaseEndpoint(Uri baseEndpoint, OtlpSignal signal)
    {
        ArgumentNullException.ThrowIfNull(baseEndpoint);
        var builder = new UriBuilder(baseEndpoint);
        string path = builder.Path.EndsWith('/') ? builder.Path : builder.Path + "/";
        builder.Path = path + SignalPath(signal);
        return builder.Uri;
    }

    /// <summary>
    /// Reads the options of <paramref name="signal"/> from the standard variables: the per-signal
    /// <c>OTEL_EXPORTER_OTLP_{TRACES,LOGS,METRICS}_*</c> one when set (its endpoint used as it is), else the general
    /// <c>OTEL_EXPORTER_OTLP_*</c> one (its endpoint with the signal's path appended). Reads <c>_ENDPOINT</c>,
    /// <c>_PROTOCOL</c> (<c>http/protobuf</c> or <c>http/json</c>; <c>grpc</c> is not supported), <c>_HEADERS</c> (<c>k=v,k=v</c>, percent-decoded),
    /// <c>_TIMEOUT</c> (milliseconds) and <c>_COMPRESSION</c> (<c>gzip</c> or <c>none</c>); the resource comes from
    /// <see cref="OtlpResource.FromEnvironment"/>.
    /// </summary>
    /// <param name="signal">The signal.</param>
    /// <param name="getVariable">Reads a variable; null reads the process environment.</param>
    /// <returns>The options, or null when no endpoint is configured for the signal (export stays off).</returns>
    /// <exception cref="FormatException">A variable has a value the specification does not allow, or names a protocol other than <c>http/protobuf</c> and <c>http/json</c>.</exception>
    public static OtlpExporterOptions? FromEnvironment(OtlpSignal signal, Func<string, string?>? getVariable = null) =>
        OtlpEnvironment.Read(signal, getVariable ?? Environment.GetEnvironmentVariable);

    internal void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("OtlpExporterOptions.Endpoint must be an absolute http or https URL.", nameof(Endpoint));
        }

        if (Protocol is not (OtlpProtocol.HttpProtobuf or OtlpProtocol.HttpJson))
        {
            throw new ArgumentException("OtlpExporterOptions.Protocol must be HttpProtobuf or HttpJson.", nameof(Protocol));
        }

        ArgumentNullException.ThrowIfNull(Headers);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff);
    }
}
