using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.Hosting.Tests.Support;

namespace DistriC.Hosting.Tests;

public sealed class EndpointTests
{
    [Fact]
    public async Task Metrics_serves_prometheus_text_with_versioned_content_type_and_exact_length()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Metrics.CreateCounter("test_requests_total", "Test requests").Add(42);

        using HttpResponseMessage response = await server.Client.GetAsync("/metrics");
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        string text = Encoding.UTF8.GetString(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Contains("# TYPE test_requests_total counter\ntest_requests_total 42\n", text, StringComparison.Ordinal);
        Assert.Empty(ExpositionValidator.Problems(text, ExpositionFormat.Prometheus));
    }

    [Fact]
    public async Task Metrics_serves_openmetrics_when_accept_asks_for_it_as_prometheus_does()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Metrics.CreateCounter("test_requests_total", "Test requests").Add(3);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        // The header Prometheus 2.x sends.
        request.Headers.TryAddWithoutValidation("Accept",
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        using HttpResponseMessage response = await server.Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("# EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_requests counter\n", text, StringComparison.Ordinal);
        Assert.Contains("\ntest_requests_total 3\n", text, StringComparison.Ordinal);
        Assert.Empty(ExpositionValidator.Problems(text, ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public async Task Metrics_prefers_text_when_openmetrics_ranks_lower()
    {
        await using TestServer server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;q=0.2,text/plain;q=0.9");
        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Metrics_is_gzipped_when_accept_encoding_allows_and_decodes_to_the_plain_body()
    {
        await using TestServer server = await TestServer.StartAsync();
        Counter counter = server.Metrics.CreateCounter("test_requests_total", "Test requests", new LabelDefinition("method", "GET", "POST"));
        counter.Add(7, "GET");

        using var plainRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        using HttpResponseMessage plain = await server.Client.SendAsync(plainRequest);
        string plainText = await plain.Content.ReadAsStringAsync();

        using var zipRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        zipRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using HttpResponseMessage zipped = await server.Client.SendAsync(zipRequest);
        byte[] compressed = await zipped.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", Assert.Single(zipped.Content.Headers.ContentEncoding));
        Assert.Equal(compressed.Length, zipped.Content.Headers.ContentLength);
        Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        string decoded = await reader.ReadToEndAsync();

        // The two scrapes differ only in the self-monitoring line counting the first scrape.
        Assert.Equal(
            plainText.Replace("distric_internal_http_requests_total{path=\"/metrics\",code=\"200\"} 0", "distric_internal_http_requests_total{path=\"/metrics\",code=\"200\"} 1", StringComparison.Ordinal),
            decoded);
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("br")]
    [InlineData("identity")]
    public async Task Metrics_is_not_gzipped_when_gzip_is_refused_or_absent(string acceptEncoding)
    {
        await using TestServer server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("# HELP", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_metrics_returns_headers_with_the_get_length_and_no_body()
    {
        await using TestServer server = await TestServer.StartAsync();
        RawResponse head = await RawHttp.SendAsync(server.Port, RawHttp.Request("HEAD", "/metrics"));
        int length = int.Parse(Header(head, "Content-Length"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(200, head.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", Header(head, "Content-Type"));
        Assert.Equal(string.Empty, head.Body);
        // A GET right after renders the same families; only the self-monitoring count moved by one digit at most.
        Assert.InRange(server.Metrics.ExportText().Length - length, 0, 1);
    }

    [Fact]
    public async Task Live_is_always_200_up_even_when_components_are_down()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Health.Register("database").Update(HealthStatus.Down, "Connection refused");

        using HttpResponseMessage response = await server.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("{\"status\":\"UP\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal(15, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData(HealthStatus.Up, HttpStatusCode.OK, "UP")]
    [InlineData(HealthStatus.Degraded, HttpStatusCode.ServiceUnavailable, "DEGRADED")]
    [InlineData(HealthStatus.Down, HttpStatusCode.ServiceUnavailable, "DOWN")]
    public async Task Ready_is_200_only_when_every_component_is_up_and_carries_the_health_json(HealthStatus worst, HttpStatusCode expected, string wire)
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Health.Register("database").Update(HealthStatus.Up, "Connected");
        server.Health.Register("cache \"primary\"").Update(worst, "line1\nline2");

        using HttpResponseMessage response = await server.Client.GetAsync("/health/ready");
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(wire, json.RootElement.GetProperty("status").GetString());
        JsonElement cache = json.RootElement.GetProperty("components")[1];
        Assert.Equal("cache \"primary\"", cache.GetProperty("name").GetString());
        Assert.Equal("line1\nline2", cache.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Ready_with_no_components_is_200()
    {
        await using TestServer server = await TestServer.StartAsync();
        using HttpResponseMessage response = await server.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"UP\",\"components\":[]}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/metrics")]
    [InlineData("PUT", "/health/live")]
    [InlineData("DELETE", "/health/ready")]
    [InlineData("OPTIONS", "/metrics")]
    [InlineData("PATCH", "/metrics")]
    [InlineData("BREW", "/metrics")]
    public async Task Other_methods_on_known_paths_get_405_with_allow(string method, string path)
    {
        await using TestServer server = await TestServer.StartAsync();
        RawResponse response = await RawHttp.SendAsync(server.Port, RawHttp.Request(method, path, "Content-Length: 0\r\n"));

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("GET, HEAD", Header(response, "Allow"));
        Assert.Equal("Method Not Allowed\n", response.Body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metrics/")]
    [InlineData("/METRICS")]
    [InlineData("/health")]
    [InlineData("/health/live/extra")]
    [InlineData("/favicon.ico")]
    public async Task Unknown_paths_get_404(string path)
    {
        await using TestServer server = await TestServer.StartAsync();
        using HttpResponseMessage response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/../metrics")]
    [InlineData("/health/../metrics")]
    [InlineData("/%2e%2e/metrics")]
    [InlineData("/%2E%2E/etc/passwd")]
    [InlineData("/health%2flive")]
    [InlineData("/health%2Fready")]
    [InlineData("/metrics%5c..")]
    [InlineData("/%252e%252e/metrics")]
    [InlineData("/metrics/..")]
    public async Task Traversal_attempts_get_400_even_when_they_normalise_to_a_known_path(string target)
    {
        await using TestServer server = await TestServer.StartAsync();
        RawResponse response = await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", target));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Bad Request\n", response.Body);
    }

    [Fact]
    public async Task Dots_in_the_query_string_are_not_traversal()
    {
        await using TestServer server = await TestServer.StartAsync();
        RawResponse response = await RawHttp.SendAsync(server.Port, RawHttp.Request("GET", "/health/live?next=../x"));
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_no_server_header_and_are_not_cacheable()
    {
        await using TestServer server = await TestServer.StartAsync();
        using HttpResponseMessage response = await server.Client.GetAsync("/metrics");

        Assert.Empty(response.Headers.Server);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    private static string Header(RawResponse response, string name)
    {
        foreach (string line in response.Text.Split("\r\n"))
        {
            if (line.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 2)..];
            }
        }

        throw new Xunit.Sdk.XunitException($"no {name} header in:\n{response.Text}");
    }
}
