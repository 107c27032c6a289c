using System.Collections.Generic;
using System.Linq;
using DistriC.Generator.Tests.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests;

/// <summary>
/// Generated code stays C# 11-compatible: the generators run for a C# 11 consumer (their output parsed
/// and bound as C# 11, every warning an error) and not one diagnostic falls in a generated file.
/// The consumers' own sources may use newer syntax (<c>partial class X;</c>); their diagnostics are not
/// the generators' concern here.
/// </summary>
public sealed class LanguageVersionTests
{
    public static TheoryData<string> Consumers => new() { "Metrics.Design", "Metrics.Shapes", "Metrics.Global", "Metrics.Exemplars", "Logging.Http", "Logging.AllKinds" };

    [Theory]
    [MemberData(nameof(Consumers))]
    public void Generated_code_compiles_without_a_diagnostic_as_CSharp_11(string consumer)
    {
        (GeneratorHarness harness, string source) = consumer switch
        {
            "Metrics.Design" => (GeneratorHarness.Metrics, ConsumerSources.Design),
            "Metrics.Shapes" => (GeneratorHarness.Metrics, ConsumerSources.Shapes),
            "Metrics.Global" => (GeneratorHarness.Metrics, ConsumerSources.Global),
            "Metrics.Exemplars" => (GeneratorHarness.Metrics, ConsumerSources.Exemplars),
            "Logging.Http" => (GeneratorHarness.Logging, LoggingSources.Http),
            _ => (GeneratorHarness.Logging, LoggingSources.AllKinds),
        };
        GeneratorHarness csharp11 = harness.WithLanguageVersion(LanguageVersion.CSharp11);

        (Compilation output, GeneratorDriver driver) = csharp11.Run(csharp11.Compilation(source));

        SyntaxTree[] generated = driver.GetRunResult().GeneratedTrees.ToArray();
        Assert.NotEmpty(generated);
        Assert.All(generated, t => Assert.Equal(LanguageVersion.CSharp11, ((CSharpParseOptions)t.Options).LanguageVersion));
        var trees = new HashSet<SyntaxTree>(generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && trees.Contains(tree)));
    }
}
