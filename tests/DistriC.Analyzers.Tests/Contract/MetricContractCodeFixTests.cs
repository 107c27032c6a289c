using System.Threading.Tasks;

namespace DistriC.Analyzers.Tests.Contract;

/// <summary>The code fix of DSC201, DSC208 and DSC209 writes the declared line into DistricMetrics.Unshipped.txt.</summary>
public sealed class MetricContractCodeFixTests
{
    private const string Declarations = """
        public enum StatusClass { [LabelValue("2xx")] Success, [LabelValue("5xx")] ServerError }
        [Metric(MetricKind.Counter, "http_requests_total")]
        [Label("method", "GET", "POST", "PUT")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;
        """;

    [Fact]
    public async Task DSC201_fix_inserts_the_line_sorted_by_name_and_keeps_comments()
    {
        string unshipped = await ContractHarness.ApplyFixAsync(
            Declarations + "\n[Metric(MetricKind.Gauge, \"b_depth\")] public sealed partial class B;\n[Metric(MetricKind.Gauge, \"z_depth\")] public sealed partial class Z;",
            shipped: null,
            unshipped: "# not released yet\nb_depth gauge\nz_depth gauge\n",
            id: "DSC201");
        Assert.Equal("# not released yet\nb_depth gauge\nhttp_requests_total counter method{GET,POST,PUT} status{2xx,5xx}\nz_depth gauge\n", unshipped);
    }

    [Fact]
    public async Task DSC208_fix_replaces_the_metrics_old_Unshipped_line()
    {
        string unshipped = await ContractHarness.ApplyFixAsync(
            Declarations,
            shipped: "http_requests_total counter method{GET,POST} status{2xx,5xx}\n",
            unshipped: "http_requests_total counter method{GET} status{2xx,5xx}\n",
            id: "DSC208");
        Assert.Equal("http_requests_total counter method{GET,POST,PUT} status{2xx,5xx}\n", unshipped);
    }

    [Fact]
    public async Task DSC201_fix_creates_the_Unshipped_file_beside_Shipped_when_there_is_none()
    {
        string unshipped = await ContractHarness.ApplyFixAsync(Declarations, shipped: "# 1.0\n", unshipped: null, id: "DSC201");
        Assert.Equal("http_requests_total counter method{GET,POST,PUT} status{2xx,5xx}\n", unshipped);
    }
}
