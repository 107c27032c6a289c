using System;
using DistriC.Hosting.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Hosting;

/// <summary>Maps the DistriC endpoints into an existing ASP.NET Core application.</summary>
public static class DistricEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/metrics</c>, <c>/health/live</c> and <c>/health/ready</c> (under <paramref name="prefix"/>) with the same behaviour
    /// as <see cref="ObservabilityServer"/>: content negotiation, gzip, 405 for methods other than GET/HEAD, 400 for traversal,
    /// and <c>distric_internal_http_requests_total</c>. Requires <see cref="DistricServiceCollectionExtensions.AddDistric"/>.
    /// </summary>
    /// <param name="endpoints">The application's route builder (e.g. the <c>WebApplication</c>).</param>
    /// <param name="prefix">Optional path prefix, e.g. <c>/ops</c>; empty by default.</param>
    /// <returns>The route group holding the three endpoints, for conventions such as <c>RequireHost</c> or authorization.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDistric</c> was not called.</exception>
    public static IEndpointConventionBuilder MapDistric(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        DistricEndpointHandler handler = endpoints.ServiceProvider.GetService<DistricEndpointHandler>()
            ?? throw new InvalidOperationException("MapDistric needs the DistriC services: call services.AddDistric() first.");

        RouteGroupBuilder group = endpoints.MapGroup(prefix);
        // Map (not MapGet) so that other methods reach the handler and get 405 with an Allow header rather than routing's 405.
        group.Map(EndpointPaths.Metrics, context => handler.HandleAsync(context, DistricEndpoint.Metrics));
        group.Map(EndpointPaths.Live, context => handler.HandleAsync(context, DistricEndpoint.Live));
        group.Map(EndpointPaths.Ready, context => handler.HandleAsync(context, DistricEndpoint.Ready));
        return group;
    }
}
