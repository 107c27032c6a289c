using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DistriC.Hosting.Endpoints;

/// <summary>Chooses the exposition format from <c>Accept</c> and whether to gzip from <c>Accept-Encoding</c>.</summary>
internal static class ContentNegotiation
{
    private const string OpenMetricsMediaType = "application/openmetrics-text";

    /// <summary>
    /// OpenMetrics 1.0 when the client accepts <c>application/openmetrics-text</c> in a version we can answer with a
    /// quality at least as high as any text/plain (or wildcard) entry, as Prometheus asks; Prometheus text 0.0.4
    /// otherwise, and when the header is absent or unparsable.
    /// </summary>
    /// <remarks>
    /// The <c>version=</c> parameter of an OpenMetrics entry: absent, any <c>1.x</c> (we write the closest, 1.0.0) or
    /// <c>0.0.1</c> (the draft name of the same format, still listed by Prometheus 2) is answered with OpenMetrics 1.0.0;
    /// any other version (a major version we do not write) makes the entry unacceptable, so the client gets the text
    /// format it also lists, or 0.0.4. A text/plain entry of any version is answered with 0.0.4, the text format we write.
    /// </remarks>
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
                if (!IsOpenMetricsVersionWeWrite(type))
                {
                    continue;
                }

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

    /// <summary>The entry's <c>version=</c> is absent, <c>0.0.1</c> or <c>1</c>, <c>1.x</c> or <c>1.x.y</c>.</summary>
    private static bool IsOpenMetricsVersionWeWrite(MediaTypeHeaderValue type)
    {
        StringSegment version = default;
        foreach (NameValueHeaderValue parameter in type.Parameters)
        {
            if (parameter.Name.Equals("version", StringComparison.OrdinalIgnoreCase))
            {
                version = HeaderUtilities.RemoveQuotes(parameter.Value);
            }
        }

        if (!version.HasValue || version.Length == 0)
        {
            return true;
        }

        string text = version.Value!;
        if (text == "0.0.1")
        {
            return true;
        }

        string[] parts = text.Split('.');
        foreach (string part in parts)
        {
            if (part.Length == 0 || !part.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return parts.Length <= 3 && parts[0] == "1";
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
