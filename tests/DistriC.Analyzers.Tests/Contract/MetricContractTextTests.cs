using System.Linq;
using DistriC.Contract;

namespace DistriC.Analyzers.Tests.Contract;

/// <summary>The text form of a contract line: canonical (sorted), escaped where needed, and read back to the same entry.</summary>
public sealed class MetricContractTextTests
{
    [Fact]
    public void A_line_sorts_labels_and_values_and_writes_unit_and_buckets()
    {
        var entry = new MetricContractEntry(
            "job_duration_seconds",
            "histogram",
            "seconds",
            new[] { new MetricContractLabel("status", new[] { "5xx", "2xx" }), new MetricContractLabel("method", new[] { "POST", "GET" }) },
            new[] { MetricContractText.Number(0.005), MetricContractText.Number(1), MetricContractText.Number(2.5) });
        Assert.Equal("job_duration_seconds histogram unit:seconds method{GET,POST} status{2xx,5xx} buckets:0.005,1,2.5", MetricContractText.Format(entry));
    }

    [Fact]
    public void Values_with_separators_are_percent_escaped_and_read_back()
    {
        var entry = new MetricContractEntry("x_total", "counter", null, new[] { new MetricContractLabel("path", new[] { "/a b", "c,d", "{e}", "50%", "é" }) }, System.Array.Empty<string>());
        string line = MetricContractText.Format(entry);
        Assert.Equal("x_total counter path{/a%20b,50%25,c%2Cd,%7Be%7D,é}", line);
        MetricContractEntry? read = MetricContractText.Parse(line, out string? error);
        Assert.Null(error);
        Assert.Equal(line, MetricContractText.Format(read!));
        Assert.Equal(new[] { "/a b", "50%", "c,d", "{e}", "é" }, read!.Labels[0].Values.OrderBy(v => v, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Any_kind_name_is_accepted_so_a_new_kind_needs_no_change()
    {
        MetricContractEntry? read = MetricContractText.Parse("build_info info version{1.0}", out string? error);
        Assert.Null(error);
        Assert.Equal("info", read!.Kind);
    }

    [Theory]
    [InlineData("lonely")]
    [InlineData("x counter oops")]
    [InlineData("x histogram buckets:1,two")]
    public void Malformed_lines_are_rejected_with_a_reason(string line)
    {
        Assert.Null(MetricContractText.Parse(line, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
