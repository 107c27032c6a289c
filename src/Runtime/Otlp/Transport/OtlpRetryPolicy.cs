using System;
using System.Net;
using System.Net.Http.Headers;

namespace DistriC.Otlp.Transport;

/// <summary>
/// The retry rules of the OTLP/HTTP specification: which outcomes are retryable, and how long to wait before the next
/// attempt (exponential backoff with jitter, or the receiver's <c>Retry-After</c> when it sent one).
/// </summary>
internal static class OtlpRetryPolicy
{
    /// <summary>The growth of the backoff per retry (OpenTelemetry's exporters use the same).</summary>
    public const double Multiplier = 1.5;

    /// <summary>429, 502, 503 and 504: the statuses the specification names as retryable.</summary>
    public static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The backoff before retry number <paramref name="retry"/> (1 for the first): <c>initial * 1.5^(retry-1)</c>, at most
    /// <paramref name="max"/>, of which the upper half is jittered by <paramref name="jitter"/> (0 to 1) so that many
    /// clients failing together do not retry in step.
    /// </summary>
    public static TimeSpan Backoff(int retry, TimeSpan initial, TimeSpan max, double jitter)
    {
        double ticks = Math.Min(initial.Ticks * Math.Pow(Multiplier, retry - 1), max.Ticks);
        return TimeSpan.FromTicks((long)((ticks / 2) + (ticks / 2 * Math.Clamp(jitter, 0, 1))));
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds, or a date relative to <paramref name="now"/>), or null.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
