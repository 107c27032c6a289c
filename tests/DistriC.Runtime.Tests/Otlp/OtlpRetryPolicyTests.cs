using System;
using System.Net;
using System.Net.Http.Headers;
using DistriC.Otlp.Transport;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>Which outcomes are retried and how long the waits are, as pure functions (no clock).</summary>
public sealed class OtlpRetryPolicyTests
{
    [Theory]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    public void Only_the_specified_statuses_are_retryable(int status, bool retryable) =>
        Assert.Equal(retryable, OtlpRetryPolicy.IsRetryable((HttpStatusCode)status));

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 750)]
    [InlineData(2, 1.0, 1500)]
    [InlineData(3, 1.0, 2250)]
    [InlineData(5, 1.0, 5000)] // 1 s * 1.5^4 = 5.06 s, capped at 5 s
    [InlineData(9, 0.5, 3750)]
    public void The_backoff_grows_by_half_again_is_capped_and_jitters_its_upper_half(int retry, double jitter, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs),
            OtlpRetryPolicy.Backoff(retry, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), jitter));

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(3), OtlpRetryPolicy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), now));
        Assert.Equal(TimeSpan.FromSeconds(90), OtlpRetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(90)), now));
        Assert.Equal(TimeSpan.Zero, OtlpRetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
        Assert.Null(OtlpRetryPolicy.RetryAfter(null, now));
    }
}
