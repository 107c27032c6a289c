using System;
using System.Collections.Generic;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DistriC.Hosting.Endpoints;

/// <summary>Chooses the exposition format from <c>Accept</c> and whether to gzip from <c>Accept-Encoding</c>.</summary>
internal static class ContentNegotiation
{
    private const string OpenMetricsMediaType = "application/openmetrics-text";

    /// <summary>
    /// OpenMetrics 1.0 when the client accepts <c>application/openmetrics-text</c> with a quality at least as high as any
    /// text/plain (or wildcard) entry, as Prometheus asks; Prometheus text 0.0.4 otherwise, and when the header is absent or unparsable.
    /// </summary>
    public static ExpositionFormat SelectFormat(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out IList<MediaTypeHeaderValue>? types))
        {
            return ExpositionFormat.Prometheus;
        }

        double openMetrics = 0;
        double text = 0;
        foreach (MediaTypeHeaderValue type in types)
        {
            double quality = type.Quality ?? 1.0;
            if (type.MediaType.Equals(OpenMetricsMediaType, StringComparison.OrdinalIgnoreCase))
            {
                openMetrics = Math.Max(openMetrics, quality);
            }
            else if (type.MatchesAllTypes || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) ||
                     type.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                text = Math.Max(text, quality);
            }
        }

        return openMetrics > 0 && openMetrics >= text ? ExpositionFormat.OpenMetrics : ExpositionFormat.Prometheus;
    }

    /// <summary>True when <c>gzip</c> (or <c>*</c> without a gzip entry) is listed with a non-zero quality.</summary>
    public static bool AcceptsGzip(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) ||
            !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out IList<StringWithQualityHeaderValue>? codings))
        {
            return false;
        }

        double? gzip = null;
        double? any = null;
        foreach (StringWithQualityHeaderValue coding in codings)
        {
            double quality = coding.Quality ?? 1.0;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, quality);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any ?? 0, quality);
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }
}
