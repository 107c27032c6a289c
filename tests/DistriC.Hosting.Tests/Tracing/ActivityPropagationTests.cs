using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>Activity-based code that propagates through DistributedContextPropagator.Current sends the active DistriC span.</summary>
public sealed class ActivityPropagationTests
{
    [Fact]
    public async Task Inside_a_request_the_process_propagator_injects_the_server_span_and_elsewhere_the_activity()
    {
        await using TracingApp app = await TracingApp.StartAsync(a => a.MapGet("/inject", () =>
        {
            using var activity = new Activity("some-library").Start(); // a library's own span under the request
            return string.Join(";", Inject(activity));
        }));

        string inside = await app.Client.GetStringAsync("/inject");
        using var outside = new Activity("outside");
        outside.SetIdFormat(ActivityIdFormat.W3C);
        outside.Start();
        string[] outsideHeaders = Inject(outside);

        CollectedSpan server = Assert.Single(await app.StopAsync());
        Assert.Equal($"traceparent={server.Context}", inside);
        Assert.Equal($"traceparent={outside.Id}", Assert.Single(outsideHeaders));
    }

    private static string[] Inject(Activity activity)
    {
        var headers = new List<string>();
        DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, key, value) => ((List<string>)carrier!).Add($"{key}={value}"));
        return [.. headers.Where(h => !h.StartsWith("baggage", System.StringComparison.Ordinal))];
    }
}
