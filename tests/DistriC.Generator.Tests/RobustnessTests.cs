using System.Linq;
using Microsoft.CodeAnalysis;

namespace DistriC.Generator.Tests;

/// <summary>
/// Malformed, half-typed and invalid declarations never make the generator throw, and produce no real code:
/// at most a stand-in (members that register nothing, so the consumer's calls compile and the build shows
/// the DSC error) that itself compiles without a diagnostic.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Broken => new()
    {
        "[Metric(MetricKind.Counter)] public partial class A;",
        "[Metric(\"a_total\", MetricKind.Counter)] public partial class A;",
        "[Metric(MetricKind.Counter, null)] public partial class A;",
        "[Metric((MetricKind)7, \"a\")] public partial class A;",
        "[Metric(MetricKind.Counter, \"a_total\")] [Label()] public partial class A;",
        "[Metric(MetricKind.Counter, \"a_total\")] [Label(\"x\", null)] public partial class A;",
        "[Metric(MetricKind.Counter, \"a_total\")] [Label<Missing>(\"x\")] public partial class A;",
        "[Metric(MetricKind.Counter, \"a_total\")] [Label<int>(\"x\")] public partial class A;",
        "[Metric(MetricKind.Histogram, \"h\", Buckets = new[] { 1.0, double.NaN })] public partial class A;",
        "[Metric(MetricKind.Counter, \"bad-name\")] public partial class A;",
        "[Metric(MetricKind.Counter, \"a_total\")] public class NotPartial;",
        "[Metric(MetricKind.Counter, \"a_total\")] public partial class Generic<T>;",
        "[Metric(MetricKind.Counter, \"a_total\")] [Label(\"x\", \"a-b\", \"a_b\")] public partial class A;",
        "[Metric(MetricKind.Counter, \"a_total\"",
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_declaration_generates_at_most_a_clean_stand_in_and_throws_nothing(string declaration)
    {
        var compilation = GeneratorHarness.Metrics.Compilation("using DistriC;\n" + declaration);

        // The harness asserts the driver reported no diagnostic: a generator exception would surface as CS8785.
        (Compilation output, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.All(result.GeneratedSources, s => Assert.Contains("// Stand-in: this [Metric] declaration is rejected", s.SourceText.ToString(), System.StringComparison.Ordinal));
        var generatedTrees = result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        Assert.Empty(output.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)));
    }

    [Fact]
    public void A_syntax_error_elsewhere_in_the_file_does_not_stop_generation()
    {
        var compilation = GeneratorHarness.Metrics.Compilation("""
            using DistriC;
            [Metric(MetricKind.Counter, "a_total")] public partial class A { void M() { int x = ; } }
            """);

        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(compilation);

        Assert.Contains("A.Metric.g.cs", GeneratorHarness.Generated(driver).Keys);
    }

    [Fact]
    public void A_valid_declaration_beside_a_broken_one_is_still_generated_and_catalogued_alone_beside_the_broken_ones_stand_in()
    {
        var compilation = GeneratorHarness.Metrics.Compilation("""
            using DistriC;
            [Metric(MetricKind.Counter, "bad-name")] public partial class Bad;
            [Metric(MetricKind.Gauge, "good")] public partial class Good;
            """);

        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(compilation);

        var generated = GeneratorHarness.Generated(driver);
        Assert.Equal(new[] { "Bad.Metric.g.cs", "DistriC.Generated.DistricMetricsCatalog.g.cs", "Good.Metric.g.cs" }, generated.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Contains("// Stand-in:", generated["Bad.Metric.g.cs"], System.StringComparison.Ordinal);
        Assert.DoesNotContain("bad-name", generated["DistriC.Generated.DistricMetricsCatalog.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("public const int TotalSeries = 1;", generated["DistriC.Generated.DistricMetricsCatalog.g.cs"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_class_and_a_namespaced_class_with_the_same_dotted_name_get_distinct_files()
    {
        var compilation = GeneratorHarness.Metrics.Compilation("""
            using DistriC;
            namespace Ns { [Metric(MetricKind.Gauge, "in_namespace")] public partial class A; }
            public partial class Ns2 { [Metric(MetricKind.Gauge, "nested")] public partial class A; }
            public partial class Ns { [Metric(MetricKind.Gauge, "nested_too")] public partial class A; }
            """);

        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(compilation);

        Assert.Equal(
            new[] { "DistriC.Generated.DistricMetricsCatalog.g.cs", "Ns+A.Metric.g.cs", "Ns.A.Metric.g.cs", "Ns2+A.Metric.g.cs" },
            GeneratorHarness.Generated(driver).Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }
}
