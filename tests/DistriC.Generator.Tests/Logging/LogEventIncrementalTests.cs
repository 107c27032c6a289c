using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests.Logging;

public sealed class LogEventIncrementalTests
{
    private static readonly string[] Tracked = { DistriC.Generators.TrackingNames.LogEventMethods, DistriC.Generators.TrackingNames.LogEventTypes };

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(Compilation first, Compilation second)
    {
        GeneratorDriver driver = LoggingGeneratorHarness.CreateDriver().RunGenerators(first);
        GeneratorDriverRunResult firstResult = driver.GetRunResult();
        driver = driver.RunGenerators(second);
        return (firstResult, driver.GetRunResult());
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriverRunResult result, string step) =>
        result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Rerunning_on_a_cloned_compilation_caches_every_step_and_models_hold_no_symbols()
    {
        CSharpCompilation compilation = LoggingGeneratorHarness.Compile(LoggingSources.Http, LoggingSources.AllKinds);
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second) = RunTwice(compilation, compilation.Clone());

        foreach (string step in Tracked)
        {
            Assert.NotEmpty(Reasons(second, step));
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + r));
            foreach (object value in first.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value))
            {
                Assert.False(value is ISymbol or SyntaxNode or Compilation, step + " leaks a Roslyn object");
            }
        }
    }

    [Fact]
    public void Adding_an_unrelated_file_or_editing_an_unrelated_method_body_keeps_the_output_cached()
    {
        const string Unrelated = "public static class Other { public static int F() => 1; }";
        CSharpCompilation compilation = LoggingGeneratorHarness.Compile(LoggingSources.Http, Unrelated);
        CSharpCompilation edited = compilation
            .ReplaceSyntaxTree(compilation.SyntaxTrees[1], CSharpSyntaxTree.ParseText(Unrelated.Replace("=> 1", "=> 2", System.StringComparison.Ordinal), LoggingGeneratorHarness.ParseOptions, "Source1.cs"))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Added { }", LoggingGeneratorHarness.ParseOptions, "Added.cs"));
        (_, GeneratorDriverRunResult second) = RunTwice(compilation, edited);

        Assert.All(Reasons(second, DistriC.Generators.TrackingNames.LogEventTypes), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_the_attribute_message_modifies_the_output()
    {
        CSharpCompilation compilation = LoggingGeneratorHarness.Compile(LoggingSources.Http);
        string changed = LoggingSources.Http.Replace("Request received", "Request accepted", System.StringComparison.Ordinal);
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText(changed, LoggingGeneratorHarness.ParseOptions, "Source0.cs"));
        (_, GeneratorDriverRunResult second) = RunTwice(compilation, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, DistriC.Generators.TrackingNames.LogEventMethods));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, DistriC.Generators.TrackingNames.LogEventTypes));
        Assert.Contains("Request accepted", second.GeneratedTrees.Single().GetText().ToString(), System.StringComparison.Ordinal);
    }
}
