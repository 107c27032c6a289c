using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DistriC.Analyzers.Logging;
using DistriC.Analyzers.Metrics;
using DistriC.Generator.Logging;
using DistriC.Generator.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// Compiles a consumer as <c>dotnet build</c> does: both generators first, then the compiler and both
/// analyzers over the result. Whole builds are checked by line rather than with <see cref="Markup"/> spans: lines ending in <c>//! DSCnnn</c> expect that diagnostic on that line; every
/// diagnostic of warning or error severity, from the compiler or an analyzer, must be expected.
/// </summary>
internal static class BuildHarness
{
    private const string Marker = "//!";

    /// <summary>The diagnostics as <c>ID File:line</c>, sorted; the compilation the compiler saw.</summary>
    public static async Task<(string[] Diagnostics, Compilation Output)> BuildAsync(string source)
    {
        Compilation input = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, AnalyzerHarness.ParseOptions, "Consumer.cs") },
            AnalyzerHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new MetricsGenerator().AsSourceGenerator(), new LogEventGenerator().AsSourceGenerator() },
            parseOptions: AnalyzerHarness.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);

        ImmutableArray<Diagnostic> all = await output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MetricDeclarationAnalyzer(), new LogEventAnalyzer()))
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        string[] described = all
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id} {System.IO.Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToArray();
        return (described, output);
    }

    /// <summary>Builds <paramref name="source"/> and requires exactly the diagnostics its <c>//!</c> marks expect.</summary>
    public static async Task<Compilation> VerifyAsync(string source)
    {
        (string[] actual, Compilation output) = await BuildAsync(source);
        Assert.Equal(Expected(source), actual);
        return output;
    }

    private static string[] Expected(string source)
    {
        var expected = new List<string>();
        string[] lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                foreach (string id in lines[i][(at + Marker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    expected.Add($"{id} Consumer.cs:{i + 1}");
                }
            }
        }

        return expected.OrderBy(d => d, StringComparer.Ordinal).ToArray();
    }
}
