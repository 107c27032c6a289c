namespace DistriC.Tests.Metrics.Interop;

/// <summary>The outcome tag of <see cref="PaymentsProcessed"/>: its values are the members' label values.</summary>
public enum PaymentOutcome
{
    /// <summary>Paid.</summary>
    [LabelValue("ok")]
    Ok,

    /// <summary>Refused.</summary>
    [LabelValue("failed")]
    Failed,
}

/// <summary>A counter bound with an inline tag (with a catch-all) and an enum tag (without one).</summary>
[MeterInstrument(DeclaredBindingTests.MeterName, "payments.processed", MetricKind.Counter, Unit = "{payment}")]
[MeterTag("payment.method", "card", "sepa", CatchAll = "_OTHER")]
[MeterTag<PaymentOutcome>("outcome")]
internal sealed partial class PaymentsProcessed;

/// <summary>A histogram bound with numeric values (ASP.NET Core passes the status code as a boxed int) and declared buckets.</summary>
[MeterInstrument(DeclaredBindingTests.MeterName, "http.server.request.duration", MetricKind.Histogram, Unit = "s", Buckets = new[] { 0.1, 1.0 })]
[MeterTag("http.response.status_code", "200", "404", CatchAll = "_OTHER")]
[MeterTag("http.request.method", "GET", "POST")]
internal sealed partial class ServerRequestDuration;
