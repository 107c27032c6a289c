using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// The names of server spans, <c>{method} {route template}</c>, made once per endpoint and method and then looked up by
/// reference, so naming a request's span allocates nothing in steady state. Endpoints are the app's own (known at
/// startup), so the cache is bounded by endpoints x 10 methods.
/// </summary>
internal sealed class ServerSpanNames
{
    private readonly ConcurrentDictionary<Endpoint, string?[]> _byEndpoint = new();

    /// <summary>The route template of an endpoint that has one (a route endpoint), otherwise null.</summary>
    public static string? RouteOf(Endpoint? endpoint) => (endpoint as RouteEndpoint)?.RoutePattern.RawText;

    /// <summary>
    /// The span name for a request: <paramref name="methodName"/> alone when no route matched, otherwise
    /// <c>{methodName} {route}</c>.
    /// </summary>
    /// <param name="endpoint">The matched endpoint, or null.</param>
    /// <param name="methodIndex">The index of the method in <see cref="HttpSemanticConventions.StandardMethods"/>, or -1.</param>
    /// <param name="methodName">The method's name part (<c>HTTP</c> for a method outside the standard set).</param>
    public string Get(Endpoint? endpoint, int methodIndex, string methodName)
    {
        string? route = RouteOf(endpoint);
        if (route is null)
        {
            return methodName;
        }

        string?[] names = _byEndpoint.GetOrAdd(endpoint!, static _ => new string?[HttpSemanticConventions.StandardMethods.Length + 1]);
        int slot = methodIndex < 0 ? names.Length - 1 : methodIndex;
        // Benign race: two requests may both build the same string; either one is kept.
        return names[slot] ??= methodName + " " + route;
    }
}
