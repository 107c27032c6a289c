using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DistriC.Hosting.Endpoints;

/// <summary>
/// Detects path-traversal attempts in the request target <em>as sent</em>. Kestrel decodes percent-escapes and removes
/// dot segments before routing (<c>/x/../metrics</c> arrives as <c>/metrics</c>), so the decoded path cannot show an
/// attack; the raw target can.
/// </summary>
internal static class RequestTargetGuard
{
    // Dot-dot segments, encoded dots, encoded slashes and backslashes, double encoding and encoded NUL.
    private static readonly string[] Suspicious = ["..", "%2e", "%2f", "%5c", "%25", "%00", "\\"];

    /// <summary>True when the path part of the raw request target contains a traversal pattern.</summary>
    public static bool IsTraversal(HttpContext context)
    {
        string? target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = context.Request.PathBase.Add(context.Request.Path).Value ?? string.Empty;
        }

        return IsTraversal(target);
    }

    /// <summary>True when the path part (before any <c>?</c>) of <paramref name="target"/> contains a traversal pattern.</summary>
    public static bool IsTraversal(string target)
    {
        int query = target.IndexOf('?', StringComparison.Ordinal);
        ReadOnlySpan<char> path = query < 0 ? target : target.AsSpan(0, query);
        foreach (string pattern in Suspicious)
        {
            if (path.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
