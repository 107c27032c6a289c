using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace DistriC.Analyzers.Tests.Contract;

/// <summary>Every metric contract rule (DSC201-DSC211) with a case that must report it, on its exact location, and one that must not.</summary>
public sealed class MetricContractTests
{
    private const string Status = "public enum StatusClass { [LabelValue(\"2xx\")] Success, [LabelValue(\"5xx\")] ServerError }\n";

    private const string Requests = Status + """
        [Metric(MetricKind.Counter, "http_requests_total")]
        [Label("method", "GET", "POST")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """;

    private const string RequestsLine = "http_requests_total counter method{GET,POST} status{2xx,5xx}";

    [Fact]
    public Task A_project_without_baseline_files_gets_no_contract_diagnostics() =>
        ContractHarness.VerifyAsync(Requests, shipped: null, unshipped: null);

    [Fact]
    public Task A_metric_recorded_in_Shipped_or_in_Unshipped_is_clean()
        => Task.WhenAll(
            ContractHarness.VerifyAsync(Requests, shipped: "# released in 1.0\n" + RequestsLine + "\n", unshipped: string.Empty),
            ContractHarness.VerifyAsync(Requests, shipped: null, unshipped: RequestsLine + "\n"));

    [Fact]
    public async Task DSC201_a_metric_in_neither_file_is_a_warning_on_its_name_with_its_line()
    {
        var reported = await ContractHarness.VerifyAsync(Status + """
            [Metric(MetricKind.Counter, {|DSC201:"http_requests_total"|})]
            [Label("method", "GET", "POST")]
            [Label<StatusClass>("status")]
            public sealed partial class HttpRequests;
            """, shipped: string.Empty, unshipped: string.Empty);
        Assert.Equal(
            $"Metric 'http_requests_total' is in neither DistricMetrics.Shipped.txt nor DistricMetrics.Unshipped.txt: add the line '{RequestsLine}' to DistricMetrics.Unshipped.txt (the code fix does it), so a later rename or removal fails the build",
            reported.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task DSC202_a_renamed_shipped_metric_is_an_error_on_its_Shipped_line() => ContractHarness.VerifyAsync(Status + """
        [Metric(MetricKind.Counter, {|DSC201:"http_server_requests_total"|})]
        [Label("method", "GET", "POST")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """, shipped: "# 1.0\n{|DSC202:" + RequestsLine + "|}\n", unshipped: string.Empty);

    [Fact]
    public Task DSC202_a_shipped_metric_whose_declaration_has_an_error_is_not_reported_as_removed() => ContractHarness.VerifyAsync("""
        [Metric(MetricKind.Counter, "http_requests_total")]
        [Label("method")]
        public sealed partial class HttpRequests;
        """, shipped: RequestsLine + "\n", unshipped: null);

    [Fact]
    public Task DSC203_a_changed_kind_is_an_error_on_the_attribute() => ContractHarness.VerifyAsync("""
        [{|DSC203:Metric(MetricKind.Gauge, "queue_depth")|}]
        public sealed partial class QueueDepth;
        """, shipped: "queue_depth counter\n", unshipped: null);

    [Fact]
    public async Task DSC204_a_changed_unit_is_an_error_on_the_unit()
    {
        var reported = await ContractHarness.VerifyAsync("""
            [Metric(MetricKind.Gauge, "job_duration_milliseconds", {|DSC204:Unit = "milliseconds"|})]
            public sealed partial class JobDuration;
            """, shipped: "job_duration_milliseconds gauge unit:seconds\n", unshipped: null);
        Assert.StartsWith("Shipped metric 'job_duration_milliseconds' had unit 'seconds' and now has unit 'milliseconds'", reported.Single().GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task DSC205_a_removed_label_is_an_error_on_the_attribute() => ContractHarness.VerifyAsync(Status + """
        [{|DSC205:Metric(MetricKind.Counter, "http_requests_total")|}]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """, shipped: RequestsLine + "\n", unshipped: null);

    [Fact]
    public Task DSC205_a_renamed_label_is_a_removal_and_an_addition() => ContractHarness.VerifyAsync(Status + """
        [{|DSC205:Metric(MetricKind.Counter, "http_requests_total")|}]
        [{|DSC208:Label("verb", "GET", "POST")|}]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """, shipped: RequestsLine + "\n", unshipped: null);

    [Fact]
    public async Task DSC206_a_removed_label_value_is_an_error_on_its_label()
    {
        var reported = await ContractHarness.VerifyAsync(Status + """
            [Metric(MetricKind.Counter, "http_requests_total")]
            [{|DSC206:Label("method", "GET")|}]
            [Label<StatusClass>("status")]
            public sealed partial class HttpRequests;
            """, shipped: RequestsLine + "\n", unshipped: null);
        Assert.Contains("Value 'POST' of label 'method'", reported.Single().GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task DSC206_reordering_labels_or_values_changes_nothing() => ContractHarness.VerifyAsync(Status + """
        [Metric(MetricKind.Counter, "http_requests_total")]
        [Label<StatusClass>("status")]
        [Label("method", "POST", "GET")]
        public sealed partial class HttpRequests;
        """, shipped: RequestsLine + "\n", unshipped: null);

    [Fact]
    public async Task DSC207_changed_buckets_are_an_error_on_the_buckets()
    {
        var reported = await ContractHarness.VerifyAsync("""
            [Metric(MetricKind.Histogram, "job_seconds", {|DSC207:Buckets = new[] { 0.1, 1, 10 }|})]
            public sealed partial class JobSeconds;
            """, shipped: "job_seconds histogram buckets:0.1,1\n", unshipped: null);
        Assert.Contains("changed from [0.1, 1] to [0.1, 1, 10]", reported.Single().GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task DSC207_a_histogram_without_buckets_is_recorded_with_the_defaults() => ContractHarness.VerifyAsync("""
        [Metric(MetricKind.Histogram, "job_seconds")]
        public sealed partial class JobSeconds;
        """, shipped: "job_seconds histogram buckets:0.001,0.005,0.01,0.05,0.1,0.5,1,5,10\n", unshipped: null);

    [Fact]
    public Task DSC208_an_added_label_value_is_a_warning_on_the_value_and_an_added_label_on_its_attribute() => ContractHarness.VerifyAsync("""
        public enum StatusClass { [LabelValue("2xx")] Success, [LabelValue("5xx")] ServerError }
        public enum Region { Eu, Us }
        [Metric(MetricKind.Counter, "http_requests_total")]
        [Label("method", "GET", "POST", {|DSC208:"PUT"|})]
        [Label<StatusClass>("status")]
        [{|DSC208:Label<Region>("region")|}]
        public sealed partial class HttpRequests;
        """, shipped: RequestsLine + "\n", unshipped: string.Empty);

    [Fact]
    public Task DSC208_an_addition_recorded_in_Unshipped_is_clean() => ContractHarness.VerifyAsync(Status + """
        [Metric(MetricKind.Counter, "http_requests_total")]
        [Label("method", "GET", "POST", "PUT")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """, shipped: RequestsLine + "\n", unshipped: "http_requests_total counter method{GET,POST,PUT} status{2xx,5xx}\n");

    [Fact]
    public Task DSC209_an_Unshipped_line_that_differs_from_the_declaration_is_a_warning_on_the_name() => ContractHarness.VerifyAsync(Status + """
        [Metric(MetricKind.Counter, {|DSC209:"http_requests_total"|})]
        [Label("method", "GET", "POST")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """, shipped: null, unshipped: "http_requests_total counter method{GET} status{2xx,5xx}\n");

    [Fact]
    public Task DSC210_an_Unshipped_line_of_an_undeclared_metric_is_a_warning_on_the_line() => ContractHarness.VerifyAsync(
        Requests, shipped: null, unshipped: "{|DSC210:gone_total counter|}\n" + RequestsLine + "\n");

    [Fact]
    public Task DSC211_an_unreadable_or_repeated_line_is_a_warning_on_the_line() => ContractHarness.VerifyAsync(
        Requests,
        shipped: RequestsLine + "\n{|DSC211:" + RequestsLine + "|}\n",
        unshipped: "# comments and blank lines are fine\n\n{|DSC211:queue_depth gauge what?|}\n{|DSC211:job_seconds histogram buckets:1,x|}\n");

    [Fact]
    public Task DSC203_DSC204_DSC207_an_unchanged_kind_unit_and_buckets_are_clean() => ContractHarness.VerifyAsync("""
        [Metric(MetricKind.Histogram, "job_duration_seconds", Unit = "seconds", Buckets = new[] { 0.25, 1, 2.5 })]
        [Label("queue", "fast", "slow")]
        public sealed partial class JobDuration;
        """, shipped: "job_duration_seconds histogram unit:seconds queue{fast,slow} buckets:0.25,1,2.5\n", unshipped: "# nothing unreleased\n");
}
