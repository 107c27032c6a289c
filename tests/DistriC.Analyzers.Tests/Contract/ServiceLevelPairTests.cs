using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace DistriC.Analyzers.Tests.Contract;

/// <summary>DSC212: a service-level pair is a labelled counter and a labelled histogram with the same labels, the counter naming its errors.</summary>
public sealed class ServiceLevelPairTests
{
    private const string Status = "public enum StatusClass { [LabelValue(\"2xx\")] Success, [LabelValue(\"5xx\")] ServerError }\n";

    [Fact]
    public Task A_counter_and_a_histogram_with_the_same_labels_and_errors_form_a_pair() => ContractHarness.VerifyAsync(Status + """
        [Metric(MetricKind.Counter, "http_requests_total", ServiceLevel = "http", ErrorLabel = "status", ErrorValues = new[] { "5xx" })]
        [Label("method", "GET", "POST")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;

        [Metric(MetricKind.Histogram, "http_request_duration_seconds", ServiceLevel = "http")]
        [Label<StatusClass>("status")]
        [Label("method", "GET", "POST")]
        public sealed partial class HttpDuration;
        """, shipped: null, unshipped: null);

    [Fact]
    public async Task DSC212_a_histogram_with_other_labels_is_reported_on_its_ServiceLevel()
    {
        var reported = await ContractHarness.VerifyAsync(Status + """
            [Metric(MetricKind.Counter, "http_requests_total", ServiceLevel = "http", ErrorLabel = "status", ErrorValues = new[] { "5xx" })]
            [Label("method", "GET", "POST")]
            [Label<StatusClass>("status")]
            public sealed partial class HttpRequests;

            [Metric(MetricKind.Histogram, "http_request_duration_seconds", {|DSC212:ServiceLevel = "http"|})]
            [Label<StatusClass>("status")]
            public sealed partial class HttpDuration;
            """, shipped: null, unshipped: null);
        Assert.StartsWith(
            "Service-level pair 'http' has labels (status) on 'http_request_duration_seconds' but (method, status) on 'http_requests_total'",
            reported.Single().GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task DSC212_a_pair_without_errors_an_unknown_error_value_or_a_missing_half_is_reported() => ContractHarness.VerifyAsync(Status + """
        [Metric(MetricKind.Counter, "a_requests_total", {|DSC212:ServiceLevel = "a"|})]
        [Label<StatusClass>("status")]
        public sealed partial class A;
        [Metric(MetricKind.Histogram, "a_seconds", ServiceLevel = "a")]
        [Label<StatusClass>("status")]
        public sealed partial class ASeconds;

        [Metric(MetricKind.Counter, "b_requests_total", {|DSC212:ServiceLevel = "b"|}, ErrorLabel = "status", ErrorValues = new[] { "500" })]
        [Label<StatusClass>("status")]
        public sealed partial class B;
        [Metric(MetricKind.Histogram, "b_seconds", ServiceLevel = "b")]
        [Label<StatusClass>("status")]
        public sealed partial class BSeconds;

        [Metric(MetricKind.Counter, "c_requests_total", {|DSC212:ServiceLevel = "c"|}, ErrorLabel = "status", ErrorValues = new[] { "5xx" })]
        [Label<StatusClass>("status")]
        public sealed partial class C;

        [Metric(MetricKind.Gauge, "d_depth", {|DSC212:ServiceLevel = "d"|})]
        [Label<StatusClass>("status")]
        public sealed partial class D;

        [Metric(MetricKind.Counter, "e_requests_total", {|DSC212:ErrorLabel = "status"|}, ErrorValues = new[] { "5xx" })]
        [Label<StatusClass>("status")]
        public sealed partial class E;

        [Metric(MetricKind.Counter, "f_requests_total", ServiceLevel = "f", ErrorLabel = "status", ErrorValues = new[] { "5xx" })]
        [Label<StatusClass>("status")]
        public sealed partial class F;
        [Metric(MetricKind.Histogram, "f_seconds", {|DSC212:ServiceLevel = "f"|}, ErrorLabel = "status")]
        [Label<StatusClass>("status")]
        public sealed partial class FSeconds;
        """, shipped: null, unshipped: null);
}
