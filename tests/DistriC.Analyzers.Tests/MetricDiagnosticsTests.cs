using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Tests;

/// <summary>Every metrics diagnostic with a case that must report it (exact span) and one that must not.</summary>
public sealed class MetricDiagnosticsTests
{
    private const string Status = """
        public enum StatusClass { [LabelValue("2xx")] Success, [LabelValue("4xx")] ClientError, [LabelValue("5xx")] ServerError }
        """;

    [Fact]
    public Task The_design_example_is_clean() => AnalyzerHarness.VerifyAsync(Status + """

        [Metric(MetricKind.Counter, "http_requests_total", Help = "HTTP requests served")]
        [Label("method", "GET", "POST", "PUT", "DELETE")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;

        [Metric(MetricKind.Histogram, "http_request_duration_seconds", Help = "Request latency", Buckets = new[] { 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5 })]
        [Label<StatusClass>("status")]
        public sealed partial class RequestDuration;

        [Metric(MetricKind.Gauge, "worker_queue_depth", Help = "Items waiting")]
        public sealed partial class QueueDepth;
        """);

    // DSC001 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC001_an_empty_inline_allowlist_is_unbounded() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, "g")]
        [{|DSC001:Label("method")|}]
        public partial class G;
        """);

    [Fact]
    public Task DSC001_a_flags_enum_or_an_empty_enum_is_unbounded() => AnalyzerHarness.VerifyAsync("""
        [Flags] public enum Perms { None = 0, Read = 1, Write = 2 }
        public enum Nothing { }

        [Metric(MetricKind.Gauge, "g")]
        [{|DSC001:Label<Perms>("perms")|}]
        [{|DSC001:Label<Nothing>("nothing")|}]
        public partial class G;
        """);

    [Fact]
    public async Task DSC001_a_label_typed_by_a_non_enum_is_unbounded()
    {
        // The compiler also rejects the type argument (CS0315/CS0453); the analyzer says why it matters.
        var reported = await AnalyzerHarness.VerifyAsync("""
            [Metric(MetricKind.Gauge, "g")]
            [{|DSC001:Label<int>("code")|}]
            public partial class G;
            """);
        Assert.Contains("'int' is not an enum", reported.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task DSC001_a_plain_enum_and_a_non_empty_allowlist_are_bounded() => AnalyzerHarness.VerifyAsync(Status + """

        [Metric(MetricKind.Gauge, "g")]
        [Label<StatusClass>("status")]
        [Label("method", "GET")]
        public partial class G;
        """);

    // DSC002 ---------------------------------------------------------------------------------

    [Fact]
    public async Task DSC002_cardinality_above_the_default_cap_shows_the_product()
    {
        string regions = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"\"r{i}\""));
        var reported = await AnalyzerHarness.VerifyAsync(Status + $$"""

            [{|DSC002:Metric(MetricKind.Counter, "http_requests_total")|}]
            [Label("method", "GET", "POST", "PUT", "DELETE")]
            [Label<StatusClass>("status")]
            [Label("region", {{regions}})]
            public partial class Requests;
            """);

        Assert.Equal(
            "Metric 'http_requests_total' has method(4) × status(3) × region(1000) = 12000 > 10000 label combinations: drop or coarsen a label, split the metric, or raise the cap (MSBuild property DistricMaxCardinality)",
            reported.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task DSC002_the_cap_comes_from_the_DistricMaxCardinality_property() => AnalyzerHarness.VerifyAsync(
        Status + """

        [{|DSC002:Metric(MetricKind.Counter, "a_total")|}]
        [Label("method", "GET", "POST", "PUT", "DELETE")]
        [Label<StatusClass>("status")]
        public partial class A;
        """,
        new Dictionary<string, string> { ["build_property.DistricMaxCardinality"] = "11" });

    [Fact]
    public Task DSC002_cardinality_at_the_cap_is_accepted() => AnalyzerHarness.VerifyAsync(
        Status + """

        [Metric(MetricKind.Counter, "a_total")]
        [Label("method", "GET", "POST", "PUT", "DELETE")]
        [Label<StatusClass>("status")]
        public partial class A;
        """,
        new Dictionary<string, string> { ["build_property.DistricMaxCardinality"] = "12" });

    // DSC003 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC003_a_ninth_label_is_reported_on_itself() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, "g")]
        [Label("a", "x")] [Label("b", "x")] [Label("c", "x")] [Label("d", "x")]
        [Label("e", "x")] [Label("f", "x")] [Label("g", "x")] [Label("h", "x")]
        [{|DSC003:Label("i", "x")|}]
        public partial class Many;
        """);

    [Fact]
    public Task DSC003_eight_labels_are_allowed() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, "g")]
        [Label("a", "x")] [Label("b", "x")] [Label("c", "x")] [Label("d", "x")]
        [Label("e", "x")] [Label("f", "x")] [Label("g", "x")] [Label("h", "x")]
        public partial class Many;
        """);

    // DSC004 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC004_invalid_names_and_a_missing_unit_suffix_are_reported_on_the_name() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, {|DSC004:"http-requests"|})]
        public partial class A;

        [Metric(MetricKind.Gauge, {|DSC004:""|})]
        public partial class B;

        [Metric(MetricKind.Histogram, {|DSC004:"latency_ms"|}, Unit = "seconds")]
        public partial class C;
        """);

    [Fact]
    public Task DSC004_valid_names_with_units_are_accepted() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Histogram, "latency_seconds", Unit = "seconds")]
        public partial class A;

        [Metric(MetricKind.Counter, "sent_bytes_total", Unit = "bytes")]
        public partial class B;

        [Metric(MetricKind.Gauge, "ns:sub_metric")]
        public partial class C;
        """);

    // DSC005 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC005_invalid_reserved_duplicate_and_colliding_label_names() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Histogram, "h")]
        [Label({|DSC005:"le"|}, "x")]
        [Label({|DSC005:"__meta"|}, "x")]
        [Label({|DSC005:"bad-name"|}, "x")]
        [Label("ok", "x")]
        [Label({|DSC005:"ok"|}, "y")]
        public partial class H;

        [Metric(MetricKind.Counter, "c_total")]
        [Label("status_code", "x")]
        [Label({|DSC005:"statusCode"|}, "y")]
        [Label({|DSC005:"inc"|}, "y")]
        public partial class C;
        """);

    [Fact]
    public Task DSC005_le_is_only_reserved_on_histograms() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, "g")]
        [Label("le", "x")]
        [Label("_private", "x")]
        public partial class G;
        """);

    // DSC006 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC006_a_duplicate_name_is_reported_on_the_later_declaration() => AnalyzerHarness.VerifyAsync(new[]
    {
        """
        [Metric(MetricKind.Counter, "jobs_total")]
        public partial class Jobs;
        """,
        """
        namespace Other;

        [Metric(MetricKind.Counter, {|DSC006:"jobs_total"|})]
        public partial class Jobs;
        """,
    });

    [Fact]
    public Task DSC006_distinct_names_are_accepted() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Counter, "jobs_total")]
        public partial class Jobs;

        [Metric(MetricKind.Counter, "jobs_failed_total")]
        public partial class Failed;
        """);

    // DSC007 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC007_non_partial_generic_static_and_nested_in_non_partial_types() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, "a")]
        public class {|DSC007:A|};

        [Metric(MetricKind.Gauge, "b")]
        public partial class {|DSC007:B|}<T>;

        [Metric(MetricKind.Gauge, "c")]
        public static partial class {|DSC007:C|};

        public class Outer
        {
            [Metric(MetricKind.Gauge, "d")]
            public partial class {|DSC007:D|};
        }
        """);

    [Fact]
    public Task DSC007_labels_split_over_partial_parts_are_reported() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Gauge, "g")]
        [Label("a", "x")]
        public partial class {|DSC007:G|};

        [Label("b", "y")]
        public partial class G;
        """);

    [Fact]
    public Task DSC007_a_partial_class_nested_in_partial_types_is_accepted() => AnalyzerHarness.VerifyAsync("""
        public partial class Outer
        {
            public partial struct Middle
            {
                [Metric(MetricKind.Gauge, "d")]
                internal sealed partial class D;
            }
        }
        """);

    // DSC008 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC008_duplicate_empty_long_and_colliding_values() => AnalyzerHarness.VerifyAsync($$"""
        [Metric(MetricKind.Gauge, "g")]
        [Label("method", "GET", {|DSC008:"GET"|}, {|DSC008:""|}, {|DSC008:"{{new string('x', 129)}}"|})]
        [Label("zone", "a-b", {|DSC008:"a_b"|})]
        public partial class G;
        """);

    [Fact]
    public Task DSC008_enum_members_sharing_a_value_or_an_exposed_text() => AnalyzerHarness.VerifyAsync("""
        public enum Alias { First = 1, Second = 1 }
        public enum SameText { [LabelValue("x")] A, [LabelValue("x")] B }

        [Metric(MetricKind.Gauge, "g")]
        [{|DSC008:Label<Alias>("alias")|}]
        [{|DSC008:Label<SameText>("text")|}]
        public partial class G;
        """);

    [Fact]
    public Task DSC008_distinct_values_of_128_characters_are_accepted() => AnalyzerHarness.VerifyAsync($$"""
        [Metric(MetricKind.Gauge, "g")]
        [Label("method", "GET", "get", "{{new string('x', 128)}}")]
        public partial class G;
        """);

    // DSC009 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC009_unordered_non_finite_and_empty_buckets_and_buckets_on_a_counter() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Histogram, "a", {|DSC009:Buckets = new[] { 1.0, 0.5 }|})]
        public partial class A;

        [Metric(MetricKind.Histogram, "b", {|DSC009:Buckets = new[] { 1.0, double.PositiveInfinity }|})]
        public partial class B;

        [Metric(MetricKind.Histogram, "c", {|DSC009:Buckets = new double[0]|})]
        public partial class C;

        [Metric(MetricKind.Counter, "d_total", {|DSC009:Buckets = new[] { 1.0 }|})]
        public partial class D;
        """);

    [Fact]
    public Task DSC009_increasing_finite_buckets_and_default_buckets_are_accepted() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Histogram, "a", Buckets = new[] { -1.0, 0, 0.5, 1e9 })]
        public partial class A;

        [Metric(MetricKind.Histogram, "b")]
        public partial class B;
        """);

    // DSC010 ---------------------------------------------------------------------------------

    [Fact]
    public async Task DSC010_a_counter_without_total_is_a_warning_on_the_name()
    {
        var reported = await AnalyzerHarness.VerifyAsync("""
            [Metric(MetricKind.Counter, {|DSC010:"requests"|})]
            public partial class Requests;
            """);
        Assert.Equal(DiagnosticSeverity.Warning, reported.Single().Severity);
    }

    [Fact]
    public Task DSC010_total_counters_and_gauges_without_total_are_accepted() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Counter, "requests_total")]
        public partial class Requests;

        [Metric(MetricKind.Gauge, "in_flight")]
        public partial class InFlight;
        """);

    [Fact]
    public async Task DSC010_code_fix_appends_total_to_the_name()
    {
        string fixedSource = await AnalyzerHarness.ApplyCounterNameFixAsync("""
            [Metric(MetricKind.Counter, "requests", Help = "All requests")]
            public partial class Requests;
            """);

        Assert.Equal(
            """
            [Metric(MetricKind.Counter, "requests_total", Help = "All requests")]
            public partial class Requests;
            """,
            fixedSource);
    }

    // DSC011 ---------------------------------------------------------------------------------

    [Fact]
    public async Task DSC011_the_assembly_series_budget_counts_histogram_buckets_plus_inf_sum_and_count()
    {
        // 2 x (3 buckets + 3) = 12 series for the histogram, 2 for the counter: 14 > 13.
        var reported = await AnalyzerHarness.VerifyAsync(
            """
            [Metric(MetricKind.Counter, "a_total")]
            [Label("x", "1", "2")]
            public partial class A;

            [{|DSC011:Metric(MetricKind.Histogram, "b", Buckets = new[] { 1.0, 2, 3 })|}]
            [Label("x", "1", "2")]
            public partial class B;
            """,
            new Dictionary<string, string> { ["build_property.DistricMaxSeries"] = "13" });

        Assert.Equal(
            "The assembly declares 14 series > 13 (largest: b (12 series)); reduce the labels or buckets of the largest metrics, or raise the budget (MSBuild property DistricMaxSeries)",
            reported.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task DSC011_series_within_the_budget_are_accepted() => AnalyzerHarness.VerifyAsync(
        """
        [Metric(MetricKind.Counter, "a_total")]
        [Label("x", "1", "2")]
        public partial class A;

        [Metric(MetricKind.Histogram, "b", Buckets = new[] { 1.0, 2, 3 })]
        [Label("x", "1", "2")]
        public partial class B;
        """,
        new Dictionary<string, string> { ["build_property.DistricMaxSeries"] = "14" });

    // DSC014, DSC015 -------------------------------------------------------------------------

    [Fact]
    public async Task DSC014_an_info_metric_needs_the_info_suffix_no_unit_and_one_value_per_label()
    {
        const string Source = """
            [Metric(MetricKind.Info, "app_build_info")] [Label("version", "1.4.2")] public partial class Ok;
            [{|DSC014:Metric(MetricKind.Info, "app_build")|}] [Label("version", "1.4.2")] public partial class NoSuffix;
            [{|DSC014:Metric(MetricKind.Info, "app_two_info")|}] [Label("version", "1.4.2", "1.4.3")] public partial class TwoValues;
            [{|DSC014:Metric(MetricKind.Info, "app_unit_info", Unit = "seconds")|}] public partial class WithUnit;
            """;
        await AnalyzerHarness.VerifyAsync(Source);
    }

    [Fact]
    public async Task DSC015_exemplars_only_on_counters_and_histograms()
    {
        const string Source = """
            [Metric(MetricKind.Counter, "a_total", Exemplars = true)] public partial class A;
            [Metric(MetricKind.Histogram, "b_seconds", Exemplars = true)] public partial class B;
            [{|DSC015:Metric(MetricKind.Gauge, "c", Exemplars = true)|}] public partial class C;
            [{|DSC015:Metric(MetricKind.Info, "d_info", Exemplars = true)|}] public partial class D;
            """;
        await AnalyzerHarness.VerifyAsync(Source);
    }

    // DSC013 ---------------------------------------------------------------------------------

    [Fact]
    public async Task DSC013_a_kind_no_MetricKind_member_has_is_rejected_not_generated_as_a_histogram()
    {
        const string Source = """
            [{|DSC013:Metric((MetricKind)99, "queue_depth")|}]
            public partial class Q;

            [{|DSC013:Metric((MetricKind)(-1), "other")|}]
            public partial class R;
            """;
        Diagnostic first = (await AnalyzerHarness.VerifyAsync(Source)).Single(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("queue_depth", System.StringComparison.Ordinal));
        Assert.Equal(
            "Metric 'queue_depth' has kind 99, which is not a MetricKind member: use MetricKind.Counter, MetricKind.Gauge, MetricKind.Histogram or MetricKind.Info",
            first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // Only a stand-in constructor: no histogram (or any other kind's) methods, cells or registration.
        string standIn = AnalyzerHarness.GeneratedFiles("[Metric((MetricKind)99, \"queue_depth\")] public partial class Q;")["Q.Metric.g.cs"];
        Assert.Contains("// Stand-in", standIn, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Observe", standIn, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Histogram", standIn, System.StringComparison.Ordinal);
        Assert.DoesNotContain("MetricKind", standIn, System.StringComparison.Ordinal);
    }

    // DSC012 ---------------------------------------------------------------------------------

    [Fact]
    public Task DSC012_help_longer_than_256_characters() => AnalyzerHarness.VerifyAsync($$"""
        [Metric(MetricKind.Gauge, "a", {|DSC012:Help = "{{new string('h', 257)}}"|})]
        public partial class A;

        [Metric(MetricKind.Gauge, "b", Help = "{{new string('h', 256)}}")]
        public partial class B;
        """);

    // Robustness ------------------------------------------------------------------------------

    [Fact]
    public Task Half_typed_declarations_report_nothing_from_the_analyzer() => AnalyzerHarness.VerifyAsync("""
        [Metric(MetricKind.Counter)]
        public partial class A;

        [Metric("x_total", MetricKind.Counter)]
        public partial class B;

        [Metric(MetricKind.Gauge, "c")]
        [Label()]
        public partial class C;

        [Metric(MetricKind.Gauge, "d")]
        [Label<Missing>("x")]
        public partial class D;

        [Metric(
        public partial class E;
        """);
}
