using System.Threading.Tasks;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// Runs alone: the HttpClient listener is one per process, held while any host with client spans runs, so a host that
/// switched them off sees none only while no other such host runs (as README.md says).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideListenerAlone
{
    public const string Name = "Process-wide HttpClient listener";
}

/// <summary><c>RequestTracing.ClientSpans = false</c>, with no other host of the process holding the listener.</summary>
[Collection(ProcessWideListenerAlone.Name)]
public sealed class ClientSpansOffTests
{
    [Fact]
    public async Task Client_spans_can_be_switched_off()
    {
        await using TracingApp app = await TracingApp.StartAsync(a => RequestChainTests.MapChain(a, useFactory: false), o => o.RequestTracing.ClientSpans = false);

        await RequestChainTests.SendAsync(app, "/orders/42", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", traceState: null);

        Assert.DoesNotContain(await app.StopAsync(), s => s.Kind == SpanKind.Client);
    }
}
