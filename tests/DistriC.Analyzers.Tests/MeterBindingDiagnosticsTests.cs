using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// <c>[MeterInstrument]</c> bindings: the binding-only rules (DSC016-DSC018) and the <c>[Metric]</c> rules on the metric a
/// binding exposes (its translated name and label names, values, cardinality and the assembly budget).
/// </summary>
public sealed class MeterBindingDiagnosticsTests
{
    private const string Outcome = """
        public enum Outcome { [LabelValue("ok")] Ok, [LabelValue("failed")] Failed }
        """;

    [Fact]
    public Task A_valid_binding_is_clean() => AnalyzerHarness.VerifyAsync(Outcome + """

        [MeterInstrument("Contoso.Payments", "payments.processed", MetricKind.Counter, Unit = "{payment}")]
        [MeterTag("payment.method", "card", "sepa", CatchAll = "_OTHER")]
        [MeterTag<Outcome>("outcome")]
        public sealed partial class PaymentsProcessed;

        [MeterInstrument("Microsoft.AspNetCore.Hosting", "http.server.request.duration", MetricKind.Histogram, Unit = "s")]
        [MeterTag("http.response.status_code", "200", "404", "500", CatchAll = "_OTHER")]
        public sealed partial class RequestDuration;
        """);

    [Fact]
    public Task DSC016_empty_meter_and_instrument_names_an_info_kind_a_record_and_a_metric_too() => AnalyzerHarness.VerifyAsync("""
        [MeterInstrument({|DSC016:""|}, "a", MetricKind.Counter)]
        public sealed partial class A;

        [MeterInstrument("m", {|DSC016:""|}, MetricKind.Gauge)]
        public sealed partial class B;

        [{|DSC016:MeterInstrument("m", "c", MetricKind.Info)|}]
        public sealed partial class C;

        [MeterInstrument("m", "d", MetricKind.Gauge)]
        public sealed partial record {|DSC016:D|};

        [Metric(MetricKind.Gauge, "e_metric")]
        [MeterInstrument("m", "e", MetricKind.Gauge)]
        public sealed partial class {|DSC016:E|};
        """);

    [Fact]
    public Task DSC017_a_tag_listed_twice_is_reported_on_the_second() => AnalyzerHarness.VerifyAsync("""
        [MeterInstrument("m", "a", MetricKind.Counter)]
        [MeterTag("outcome", "ok")]
        [MeterTag({|DSC017:"outcome"|}, "failed")]
        public sealed partial class A;
        """);

    [Fact]
    public Task DSC018_a_catch_all_that_is_listed_or_empty() => AnalyzerHarness.VerifyAsync("""
        [MeterInstrument("m", "a", MetricKind.Counter)]
        [MeterTag("method", "GET", "_OTHER", {|DSC018:CatchAll = "_OTHER"|})]
        [MeterTag("status", "200", {|DSC018:CatchAll = ""|})]
        public sealed partial class A;
        """);

    [Fact]
    public Task Metric_rules_apply_to_the_translated_names_and_the_values() => AnalyzerHarness.VerifyAsync("""
        [MeterInstrument("m", "a", MetricKind.Counter)]
        [MeterTag("http.method", "GET", {|DSC008:"GET"|})]
        [MeterTag({|DSC005:"http_method"|}, "x")]
        [{|DSC001:MeterTag("empty")|}]
        [MeterTag("__reserved", "x")]
        public sealed partial class A;

        [MeterInstrument("m", "b", MetricKind.Histogram, {|DSC009:Buckets = new[] { 2.0, 1.0 }|})]
        public sealed partial class B;
        """);

    [Fact]
    public async Task DSC002_the_cardinality_counts_the_catch_all()
    {
        var reported = await AnalyzerHarness.VerifyAsync(
            """
            [{|DSC002:MeterInstrument("m", "a", MetricKind.Counter)|}]
            [MeterTag("x", "1", "2", CatchAll = "_OTHER")]
            [MeterTag("y", "1", "2")]
            public sealed partial class A;
            """,
            new Dictionary<string, string> { ["build_property.DistricMaxCardinality"] = "5" });

        Assert.Equal(
            "Metric 'a_total' has x(3) × y(2) = 6 > 5 label combinations: drop or coarsen a label, split the metric, or raise the cap (MSBuild property DistricMaxCardinality)",
            reported.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DSC011_and_DSC006_count_bindings_with_the_metrics()
    {
        // The binding's histogram: 2 x (2 buckets + 3) = 10 series, the metric 2, the unlabelled binding 1: 13 > 11.
        var reported = await AnalyzerHarness.VerifyAsync(
            """
            [Metric(MetricKind.Counter, "b_total")]
            [Label("x", "1", "2")]
            public partial class A;

            [{|DSC011:MeterInstrument("m", "b", MetricKind.Histogram, Buckets = new[] { 1.0, 2.0 })|}]
            [MeterTag("x", "1", CatchAll = "_OTHER")]
            public sealed partial class B;

            [MeterInstrument("m", {|DSC006:"b"|}, MetricKind.Counter)]
            public sealed partial class C;
            """,
            new Dictionary<string, string> { ["build_property.DistricMaxSeries"] = "11" });

        Assert.Contains(reported, d => d.Id == "DSC011" && d.GetMessage(CultureInfo.InvariantCulture).StartsWith("The assembly declares 13 series > 11 (largest: b (10 series))", System.StringComparison.Ordinal));
    }
}
