using System;
using System.IO.Compression;
using System.Threading.Tasks;
using DistriC.Hosting.Buffers;
using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Endpoints;

/// <summary>
/// Answers the observability endpoints; shared by <see cref="ObservabilityServer"/> (which resolves the endpoint from the
/// path) and <c>MapDistric</c> (where routing has resolved it).
/// </summary>
/// <remarks>
/// Order of checks: a traversal attempt in the raw target is 400; an unknown path is 404; a method other than GET or HEAD is
/// 405 with <c>Allow: GET, HEAD</c>. Bodies are rendered into a pooled buffer first, so every response carries an exact
/// <c>Content-Length</c> and a failed render becomes a clean 500 instead of a truncated body.
/// </remarks>
internal sealed class DistricEndpointHandler
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string TextContentType = "text/plain; charset=utf-8";
    private const int InitialMetricsBuffer = 16 * 1024;

    private static readonly byte[] LiveBody = "{\"status\":\"UP\"}"u8.ToArray();
    private static readonly byte[] BadRequestBody = "Bad Request\n"u8.ToArray();
    private static readonly byte[] NotFoundBody = "Not Found\n"u8.ToArray();
    private static readonly byte[] MethodNotAllowedBody = "Method Not Allowed\n"u8.ToArray();
    private static readonly byte[] InternalErrorBody = "Internal Server Error\n"u8.ToArray();

    private readonly MetricRegistry _metrics;
    private readonly HealthRegistry _health;

    public DistricEndpointHandler(MetricRegistry metrics, HealthRegistry health)
    {
        _metrics = metrics;
        _health = health;
        Self = HttpEndpointMetrics.For(metrics);
    }

    /// <summary>The self-monitoring metrics this handler records into.</summary>
    public HttpEndpointMetrics Self { get; }

    /// <summary>Resolves the endpoint from the request path (exact match) and answers it.</summary>
    public Task DispatchAsync(HttpContext context) => HandleAsync(context, EndpointPaths.Resolve(context.Request.Path.Value));

    /// <summary>Answers <paramref name="endpoint"/> and counts the response.</summary>
    public Task HandleAsync(HttpContext context, DistricEndpoint endpoint)
    {
        if (RequestTargetGuard.IsTraversal(context))
        {
            return WriteBodyAsync(context, DistricEndpoint.Other, StatusCodes.Status400BadRequest, TextContentType, BadRequestBody);
        }

        if (endpoint == DistricEndpoint.Other)
        {
            return WriteBodyAsync(context, endpoint, StatusCodes.Status404NotFound, TextContentType, NotFoundBody);
        }

        string method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            return WriteBodyAsync(context, endpoint, StatusCodes.Status405MethodNotAllowed, TextContentType, MethodNotAllowedBody);
        }

        return endpoint switch
        {
            DistricEndpoint.Metrics => WriteMetricsAsync(context),
            DistricEndpoint.Live => WriteBodyAsync(context, endpoint, StatusCodes.Status200OK, JsonContentType, LiveBody),
            _ => WriteReadyAsync(context),
        };
    }

    private async Task WriteMetricsAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        ExpositionFormat format = ContentNegotiation.SelectFormat(request.Headers.Accept);
        bool gzip = ContentNegotiation.AcceptsGzip(request.Headers.AcceptEncoding);
        context.Response.Headers.Vary = "Accept, Accept-Encoding";

        using var rendered = new PooledBufferWriter(InitialMetricsBuffer);
        try
        {
            _metrics.WriteTo(rendered, format);
        }
#pragma warning disable CA1031 // Any render failure must become a 500, never a half-written scrape.
        catch (Exception)
#pragma warning restore CA1031
        {
            await WriteBodyAsync(context, DistricEndpoint.Metrics, StatusCodes.Status500InternalServerError, TextContentType, InternalErrorBody).ConfigureAwait(false);
            return;
        }

        if (!gzip)
        {
            await WriteBodyAsync(context, DistricEndpoint.Metrics, StatusCodes.Status200OK, format.ContentType(), rendered.WrittenMemory).ConfigureAwait(false);
            return;
        }

        using var compressed = new PooledBufferWriter(Math.Max(1024, rendered.WrittenMemory.Length / 4));
        using (var zip = new GZipStream(new BufferWriterStream(compressed), CompressionLevel.Fastest))
        {
            zip.Write(rendered.WrittenMemory.Span);
        }

        context.Response.Headers.ContentEncoding = "gzip";
        await WriteBodyAsync(context, DistricEndpoint.Metrics, StatusCodes.Status200OK, format.ContentType(), compressed.WrittenMemory).ConfigureAwait(false);
    }

    private async Task WriteReadyAsync(HttpContext context)
    {
        using var json = new PooledBufferWriter(1024);
        // The status code follows the overall status written into the body, so the two always agree.
        HealthStatus overall = _health.WriteJson(json);
        int status = overall == HealthStatus.Up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        await WriteBodyAsync(context, DistricEndpoint.Ready, status, JsonContentType, json.WrittenMemory).ConfigureAwait(false);
    }

    private async Task WriteBodyAsync(HttpContext context, DistricEndpoint endpoint, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";

        // Counted before the body is sent, so a client that has read its response also sees it counted.
        Self.RecordRequest(endpoint, status);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await response.BodyWriter.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
