using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Hosting.Endpoints;
using DistriC.Hosting.Tests.Support;

namespace DistriC.Hosting.Tests;

public sealed class HostileClientTests
{
    private static readonly TimeSpan HeaderTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Twenty_slow_clients_do_not_delay_a_scrape_and_are_cut_off_after_the_header_timeout()
    {
        await using TestServer server = await TestServer.StartAsync(o => o.HeaderTimeout = HeaderTimeout);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        SlowClient[] slow = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SlowClient.ConnectAsync(server.Port, stop.Token)));
        Stopwatch sinceSlowStarted = Stopwatch.StartNew();
        await WaitUntilAsync(() => server.Server.Self.ActiveConnections >= 20, TimeSpan.FromSeconds(5));

        // A normal scrape while all twenty are still trickling.
        Stopwatch scrape = Stopwatch.StartNew();
        using HttpResponseMessage response = await server.Client.GetAsync("/metrics");
        scrape.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(scrape.Elapsed < HeaderTimeout, $"scrape took {scrape.Elapsed} with slow clients connected");
        if (sinceSlowStarted.Elapsed < HeaderTimeout)
        {
            Assert.All(slow, s => Assert.False(s.Closed.IsCompleted, "a slow client was cut off before its header timeout"));
        }

        // Every slow client is disconnected (with 408 or silently) once the header timeout has passed; Kestrel checks about once a second.
        string[] answers = await Task.WhenAll(slow.Select(s => s.Closed)).WaitAsync(HeaderTimeout + TimeSpan.FromSeconds(5));
        Assert.True(sinceSlowStarted.Elapsed >= HeaderTimeout - TimeSpan.FromMilliseconds(100), $"cut off early, after {sinceSlowStarted.Elapsed}");
        Assert.All(answers, a => Assert.True(a.Length == 0 || a.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), a));
        await stop.CancelAsync();
        foreach (SlowClient s in slow)
        {
            s.Dispose();
        }

        await WaitUntilAsync(() => server.Server.Self.ActiveConnections <= 1, TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Garbage_oversized_and_unknown_requests_get_4xx_or_a_closed_connection_and_serving_continues()
    {
        await using TestServer server = await TestServer.StartAsync();
        byte[][] hostile =
        [
            [0x00, 0x01, 0x02, 0xff, 0xfe, (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n'],
            Encoding.ASCII.GetBytes("this is not http at all\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET /" + new string('a', 8 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET  /metrics HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('b', 20 * 1024) + "\r\n\r\n"),
            Encoding.ASCII.GetBytes("G\0T /metrics HTTP/1.1\r\nHost: x\r\n\r\n"),
        ];

        foreach (byte[] request in hostile)
        {
            RawResponse response = await RawHttp.SendAsync(server.Port, request);
            Assert.True(response.StatusCode is null or >= 400 and < 500, $"unexpected answer: {response.Text[..Math.Min(200, response.Text.Length)]}");
            using HttpResponseMessage after = await server.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        // An unknown protocol version is refused with 505 (a server error by status class, but the right answer).
        Assert.Equal(505, (await RawHttp.SendAsync(server.Port, Encoding.ASCII.GetBytes("GET /metrics HTTP/9.9\r\nHost: x\r\n\r\n"))).StatusCode);

        // A request line just under the 4 KiB limit is still parsed (and is simply an unknown path).
        RawResponse nearLimit = await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", "/" + new string('a', 4000)));
        Assert.Equal(404, nearLimit.StatusCode);
        RawResponse overLimit = await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", "/" + new string('a', 5000)));
        Assert.Equal(414, overLimit.StatusCode);
    }

    [Fact]
    public async Task Internal_request_counters_match_what_was_sent()
    {
        await using TestServer server = await TestServer.StartAsync();
        HealthComponent db = server.Health.Register("db");
        (string Method, string Target, int Expected)[] sent =
        [
            ("GET", "/metrics", 200), ("GET", "/metrics", 200), ("HEAD", "/metrics", 200),
            ("GET", "/health/live", 200), ("GET", "/health/live", 200),
            ("GET", "/health/ready", 200),
            ("POST", "/metrics", 405), ("POST", "/metrics", 405), ("DELETE", "/health/live", 405), ("BREW", "/health/ready", 405),
            ("GET", "/nope", 404), ("GET", "/metrics/", 404), ("PUT", "/unknown", 404),
            ("GET", "/x/../metrics", 400), ("GET", "/%2e%2e/health/live", 400),
        ];

        foreach ((string method, string target, int expected) in sent)
        {
            RawResponse response = await RawHttp.SendAsync(server.Port, RawHttp.Request(method, target, "Content-Length: 0\r\n"));
            Assert.Equal(expected, response.StatusCode);
        }

        db.Update(HealthStatus.Down, "gone");
        Assert.Equal(503, (await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", "/health/ready"))).StatusCode);
        // Protocol-level rejections (answered by Kestrel before our handler) are not requests to our endpoints.
        await RawHttp.SendAsync(server.Port, Encoding.ASCII.GetBytes("garbage\r\n\r\n"));

        string body = await server.Client.GetStringAsync("/metrics");
        var samples = ExpositionValidator.Samples(body);
        double Count(string path, int code) => samples[$"distric_internal_http_requests_total{{path=\"{path}\",code=\"{code}\"}}"];

        Assert.Equal(3, Count("/metrics", 200));
        Assert.Equal(2, Count("/health/live", 200));
        Assert.Equal(1, Count("/health/ready", 200));
        Assert.Equal(1, Count("/health/ready", 503));
        Assert.Equal(2, Count("/metrics", 405));
        Assert.Equal(1, Count("/health/live", 405));
        Assert.Equal(1, Count("/health/ready", 405));
        Assert.Equal(3, Count("other", 404));
        Assert.Equal(2, Count("other", 400));
        double total = samples.Where(s => s.Key.StartsWith("distric_internal_http_requests_total", StringComparison.Ordinal)).Sum(s => s.Value);
        Assert.Equal(sent.Length + 1, total);
        Assert.Equal(4, server.Server.Self.GetRequests(DistricEndpoint.Metrics, 200));
    }

    [Fact]
    public async Task Active_connections_gauge_follows_open_connections()
    {
        await using TestServer server = await TestServer.StartAsync();
        using var first = new TcpClient();
        using var second = new TcpClient();
        await first.ConnectAsync(IPAddress.Loopback, server.Port);
        await second.ConnectAsync(IPAddress.Loopback, server.Port);
        await WaitUntilAsync(() => server.Server.Self.ActiveConnections == 2, TimeSpan.FromSeconds(5));

        // The scrape's own connection makes three.
        RawResponse scrape = await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", "/metrics"));
        Assert.Contains("\ndistric_internal_http_active_connections 3\n", scrape.Body, StringComparison.Ordinal);

        first.Close();
        second.Close();
        await WaitUntilAsync(() => server.Server.Self.ActiveConnections == 0, TimeSpan.FromSeconds(5));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        Stopwatch waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < limit, $"condition not met within {limit}");
            await Task.Delay(20);
        }
    }

    /// <summary>A client that sends a request line, then one header byte every 100 ms, and records what the server answers.</summary>
    private sealed class SlowClient : IDisposable
    {
        private readonly TcpClient _client;

        private SlowClient(TcpClient client, Task<string> closed)
        {
            _client = client;
            Closed = closed;
        }

        /// <summary>Completes with everything the server sent once it closes the connection.</summary>
        public Task<string> Closed { get; }

        public static async Task<SlowClient> ConnectAsync(int port, CancellationToken stop)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, stop);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: "u8.ToArray(), stop);
            _ = Task.Run(() => TrickleAsync(stream, stop), stop);
            return new SlowClient(client, ReadUntilClosedAsync(stream, stop));
        }

        public void Dispose() => _client.Dispose();

        private static async Task TrickleAsync(NetworkStream stream, CancellationToken stop)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await stream.WriteAsync("a"u8.ToArray(), stop);
                    await Task.Delay(100, stop);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server closed the connection: exactly what the test waits for.
            }
        }

        private static async Task<string> ReadUntilClosedAsync(NetworkStream stream, CancellationToken stop)
        {
            var received = new MemoryStream();
            var buffer = new byte[1024];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, stop)) > 0)
                {
                    received.Write(buffer, 0, read);
                }
            }
            catch (IOException)
            {
                // Reset instead of a clean close: also a disconnect.
            }

            return Encoding.ASCII.GetString(received.ToArray());
        }
    }
}
