using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Sample;

/// <summary>
/// The simulated users: real HTTP requests over loopback to the sample's own <c>/orders/{id}</c> endpoint, so every
/// simulated request is a request ASP.NET Core, HttpClient and DistriC all see.
/// </summary>
internal sealed class SampleTraffic : IDisposable
{
    private readonly HttpClient _client;
#pragma warning disable CA5394 // Simulated traffic, not security: a seeded generator keeps runs reproducible.
    private readonly Random _random = new(7);

    /// <param name="baseAddress">The sample's own address.</param>
    public SampleTraffic(Uri baseAddress) => _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Sends one request: 70 % GET, 30 % POST, to one of 50 orders. The status code is the workload's to choose.</summary>
    public async Task SendAsync()
    {
        HttpMethod method = _random.Next(10) < 7 ? HttpMethod.Get : HttpMethod.Post;
        using var request = new HttpRequestMessage(method, "/orders/" + _random.Next(1, 51).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using HttpResponseMessage response = await _client.SendAsync(request).ConfigureAwait(false);
    }
#pragma warning restore CA5394

    /// <summary>Sends a request every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await SendAsync().ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    // The server is stopping: the loop ends with the next tick's cancellation.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    public void Dispose() => _client.Dispose();
}
