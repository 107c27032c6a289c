using System;
using System.Linq;
using DistriC.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests.Logging;

/// <summary>
/// The logging pipeline caches: every tracked step (per-method declarations and models, the per-type groups)
/// and every source output is reused after an edit that does not touch a [LogEvent] method, and an edit of one
/// method re-runs exactly that method and its type's file. Outputs hold values only, never Roslyn objects.
/// </summary>
public sealed class LogEventIncrementalTests
{
    private static readonly string[] Steps = { TrackingNames.LogEventDeclarations, TrackingNames.LogEventMethods, TrackingNames.LogEventTypes };

    private static GeneratorHarness Harness => GeneratorHarness.Logging;

    /// <summary>Runs on <paramref name="first"/>, then incrementally on <paramref name="second"/>; returns both drivers.</summary>
    private static (GeneratorDriver First, GeneratorDriver Second) RunTwice(Compilation first, Compilation second)
    {
        (_, GeneratorDriver driver) = Harness.Run(first);
        (_, GeneratorDriver again) = Harness.Run(second, driver);
        return (driver, again);
    }

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    [Fact]
    public void Rerunning_on_a_cloned_compilation_reuses_every_step_and_models_hold_no_roslyn_object()
    {
        CSharpCompilation compilation = Harness.Compilation(LoggingSources.Http, LoggingSources.AllKinds);
        (GeneratorDriver first, GeneratorDriver second) = RunTwice(compilation, compilation.Clone());

        StepAssertions.AssertAllReused(Result(second), Steps);
        // Http has one method, AllKinds six: every one must be walked, down to the last field.
        Assert.True(StepAssertions.AssertOutputsArePlainData(Result(first), TrackingNames.LogEventMethods) == 7, "expected 7 method models");
    }

    [Fact]
    public void Adding_an_unrelated_file_or_editing_an_unrelated_method_body_reuses_every_step()
    {
        const string Unrelated = "public static class Other { public static int F() => 1; }";
        CSharpCompilation compilation = Harness.Compilation(LoggingSources.Http, LoggingSources.AllKinds, Unrelated);
        CSharpCompilation edited = compilation
            .ReplaceSyntaxTree(compilation.SyntaxTrees[2], Harness.Tree(Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal), "File2.cs"))
            .AddSyntaxTrees(Harness.Tree("public sealed class Added { }", "Added.cs"));
        (_, GeneratorDriver second) = RunTwice(compilation, edited);

        StepAssertions.AssertAllReused(Result(second), Steps);
    }

    [Fact]
    public void Editing_one_log_event_method_modifies_that_method_and_its_file_only()
    {
        CSharpCompilation compilation = Harness.Compilation(LoggingSources.Http, LoggingSources.AllKinds);
        string changed = LoggingSources.Http.Replace("Request received", "Request accepted", StringComparison.Ordinal);
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], Harness.Tree(changed, "File0.cs"));
        (GeneratorDriver first, GeneratorDriver second) = RunTwice(compilation, edited);
        GeneratorRunResult result = Result(second);

        // One method of seven changed; the other six (in another file) are reused.
        foreach (string step in new[] { TrackingNames.LogEventDeclarations, TrackingNames.LogEventMethods })
        {
            IncrementalStepRunReason[] reasons = StepAssertions.Reasons(result, step);
            Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(6, reasons.Count(StepAssertions.IsReused));
        }

        // Four types in AllKinds, one in Http: only Http's group is modified.
        IncrementalStepRunReason[] types = StepAssertions.Reasons(result, TrackingNames.LogEventTypes);
        Assert.Equal(1, types.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(4, types.Count(StepAssertions.IsReused));

        var before = GeneratorHarness.Generated(first);
        var after = GeneratorHarness.Generated(second);
        Assert.Equal(new[] { "Sample.Log.Log.g.cs" }, after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key));
        Assert.Contains("Request accepted", after["Sample.Log.Log.g.cs"], StringComparison.Ordinal);
    }
}
