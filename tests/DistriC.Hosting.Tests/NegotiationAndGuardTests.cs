using DistriC.Hosting.Endpoints;
using Microsoft.Extensions.Primitives;

namespace DistriC.Hosting.Tests;

public sealed class NegotiationAndGuardTests
{
    [Theory]
    [InlineData(null, ExpositionFormat.Prometheus)]
    [InlineData("", ExpositionFormat.Prometheus)]
    [InlineData("*/*", ExpositionFormat.Prometheus)]
    [InlineData("text/plain", ExpositionFormat.Prometheus)]
    [InlineData("application/openmetrics-text", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("APPLICATION/OPENMETRICS-TEXT", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;q=0", ExpositionFormat.Prometheus)]
    [InlineData("text/plain;q=0.5,application/openmetrics-text;q=0.9", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;q=0.4,*/*;q=0.5", ExpositionFormat.Prometheus)]
    [InlineData("application/openmetrics-text, text/plain", ExpositionFormat.OpenMetrics)]
    // version=: the draft 0.0.1 and any 1.x get OpenMetrics 1.0.0 (the closest we write); a major version we do not
    // write makes the entry unacceptable, so the text entry (or 0.0.4) wins.
    [InlineData("application/openmetrics-text;version=0.0.1", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;version=1.1.0", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;version=\"1.0.0\"", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;version=2.0.0", ExpositionFormat.Prometheus)]
    [InlineData("application/openmetrics-text;version=2.0.0,application/openmetrics-text;version=1.0.0;q=0.8,text/plain;q=0.5", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;version=2.0.0,text/plain;version=0.0.4;q=0.5", ExpositionFormat.Prometheus)]
    [InlineData("application/openmetrics-text;version=banana", ExpositionFormat.Prometheus)]
    [InlineData("text/plain;version=1.0.0", ExpositionFormat.Prometheus)]
    // What Prometheus 2.x sends.
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", ExpositionFormat.OpenMetrics)]
    [InlineData("application/json", ExpositionFormat.Prometheus)]
    [InlineData(";;;garbage", ExpositionFormat.Prometheus)]
    public void Format_follows_the_accept_header(string? accept, ExpositionFormat expected) =>
        Assert.Equal(expected, ContentNegotiation.SelectFormat(new StringValues(accept)));

    [Theory]
    [InlineData(null, false)]
    [InlineData("gzip", true)]
    [InlineData("GZIP", true)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("*", true)]
    [InlineData("*;q=0", false)]
    [InlineData("*, gzip;q=0", false)]
    [InlineData("br, deflate", false)]
    [InlineData("identity", false)]
    public void Gzip_follows_accept_encoding(string? acceptEncoding, bool expected) =>
        Assert.Equal(expected, ContentNegotiation.AcceptsGzip(new StringValues(acceptEncoding)));

    [Theory]
    [InlineData("/metrics", false)]
    [InlineData("/health/ready?verbose=1", false)]
    [InlineData("/health/live?next=../../x", false)]
    [InlineData("/metrics.txt", false)]
    [InlineData("/..", true)]
    [InlineData("/a/../metrics", true)]
    [InlineData("/%2e%2e/metrics", true)]
    [InlineData("/%2E./metrics", true)]
    [InlineData("/health%2Flive", true)]
    [InlineData("/health%5clive", true)]
    [InlineData("/health\\live", true)]
    [InlineData("/%252e%252e/", true)]
    [InlineData("/metrics%00", true)]
    public void Traversal_patterns_are_recognised_in_the_raw_path_only(string target, bool expected) =>
        Assert.Equal(expected, RequestTargetGuard.IsTraversal(target));
}
