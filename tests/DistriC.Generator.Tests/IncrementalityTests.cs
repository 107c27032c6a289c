using System;
using System.Linq;
using DistriC.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests;

/// <summary>
/// The pipeline caches: an unrelated edit leaves every step Cached or Unchanged (no regeneration),
/// editing an allowlist regenerates exactly that metric, and no step output holds a symbol, syntax
/// node or compilation (which would defeat caching and keep compilations alive).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] Steps = { TrackingNames.MetricModel, TrackingNames.MetricValid, TrackingNames.MetricCatalog };

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        CSharpCompilation first = GeneratorHarness.Metrics.Compilation(ConsumerSources.Design);
        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(first);

        CSharpCompilation second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.Metrics.ParseOptions, path: "Unrelated.cs"));
        (_, driver) = GeneratorHarness.Metrics.Run(second, driver);

        AssertAllReused(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Editing_an_unrelated_member_of_the_same_file_leaves_the_models_unchanged()
    {
        string edited = ConsumerSources.Design.Replace(
            "public sealed partial class QueueDepth;",
            "public sealed partial class QueueDepth;\n\npublic static class Helper { public static int Twice(int x) => 2 * x; }",
            StringComparison.Ordinal);
        CSharpCompilation first = GeneratorHarness.Metrics.Compilation(ConsumerSources.Design);
        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(first);

        CSharpCompilation second = first.ReplaceSyntaxTree(first.SyntaxTrees.Single(), GeneratorHarness.Metrics.Tree(edited, "File0.cs"));
        (_, driver) = GeneratorHarness.Metrics.Run(second, driver);

        AssertAllReused(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Editing_an_allowlist_regenerates_that_metric_and_the_catalog_only()
    {
        CSharpCompilation first = GeneratorHarness.Metrics.Compilation(ConsumerSources.Design);
        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(first);
        var before = GeneratorHarness.Generated(driver);

        string edited = ConsumerSources.Design.Replace("\"DELETE\"", "\"PATCH\"", StringComparison.Ordinal);
        CSharpCompilation second = first.ReplaceSyntaxTree(first.SyntaxTrees.Single(), GeneratorHarness.Metrics.Tree(edited, "File0.cs"));
        (_, driver) = GeneratorHarness.Metrics.Run(second, driver);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var models = result.TrackedSteps[TrackingNames.MetricModel].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, models.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, models.Count(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached));
        Assert.Contains(result.TrackedSteps[TrackingNames.MetricCatalog].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);

        var after = GeneratorHarness.Generated(driver);
        string[] changed = after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Demo.HttpRequests.Metric.g.cs", "DistriC.Generated.DistricMetricsCatalog.g.cs" }, changed);
        Assert.Contains("PATCH = 3,", after["Demo.HttpRequests.Metric.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_reaches_a_symbol_a_syntax_node_or_a_compilation()
    {
        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(GeneratorHarness.Metrics.Compilation(ConsumerSources.Design, ConsumerSources.Shapes, ConsumerSources.Global));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        int walked = StepAssertions.AssertOutputsArePlainData(result, Steps);
        Assert.True(walked >= 9, $"only {walked} outputs walked");
    }

    [Fact]
    public void Binding_steps_are_reused_after_an_unrelated_edit_and_hold_plain_data_only()
    {
        string[] steps = { TrackingNames.MeterBindingModel, TrackingNames.MeterBindingValid, TrackingNames.MetricCatalog };
        CSharpCompilation first = GeneratorHarness.Metrics.Compilation(ConsumerSources.Bindings);
        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(first);
        Assert.True(StepAssertions.AssertOutputsArePlainData(driver.GetRunResult().Results.Single(), steps) >= 7);

        CSharpCompilation second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.Metrics.ParseOptions, path: "Unrelated.cs"));
        (_, driver) = GeneratorHarness.Metrics.Run(second, driver);

        StepAssertions.AssertAllReused(driver.GetRunResult().Results.Single(), steps);
    }

    [Fact]
    public void Editing_a_bindings_values_regenerates_that_binding_and_the_catalog_only()
    {
        CSharpCompilation first = GeneratorHarness.Metrics.Compilation(ConsumerSources.Bindings);
        (_, GeneratorDriver driver) = GeneratorHarness.Metrics.Run(first);
        var before = GeneratorHarness.Generated(driver);

        string edited = ConsumerSources.Bindings.Replace("\"sepa\"", "\"ideal\"", StringComparison.Ordinal);
        CSharpCompilation second = first.ReplaceSyntaxTree(first.SyntaxTrees.Single(), GeneratorHarness.Metrics.Tree(edited, "File0.cs"));
        (_, driver) = GeneratorHarness.Metrics.Run(second, driver);

        var after = GeneratorHarness.Generated(driver);
        string[] changed = after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Demo.Bindings.PaymentsProcessed.MeterInstrument.g.cs", "DistriC.Generated.DistricMetricsCatalog.g.cs" }, changed);
        Assert.Contains("\"ideal\" => 1,", after["Demo.Bindings.PaymentsProcessed.MeterInstrument.g.cs"], StringComparison.Ordinal);
    }

    private static void AssertAllReused(GeneratorRunResult result) => StepAssertions.AssertAllReused(result, Steps);
}
