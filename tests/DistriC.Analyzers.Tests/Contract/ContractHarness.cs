using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Analyzers.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Analyzers.Tests.Contract;

/// <summary>
/// Runs <see cref="MetricContractAnalyzer"/> over marked-up sources and marked-up baseline files (AdditionalFiles):
/// <c>{|DSC202:line|}</c> in a baseline file expects the diagnostic exactly on that line. Every diagnostic must be
/// marked and every mark reported, with its id, file and span.
/// </summary>
internal static class ContractHarness
{
    public const string Shipped = "DistricMetrics.Shipped.txt";
    public const string Unshipped = "DistricMetrics.Unshipped.txt";

    private const string Usings = "using System;\nusing DistriC;\n";

    /// <summary>Checks the analyzer's diagnostics against the marks; a null baseline text means the project has no such file.</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markedSource, string? shipped, string? unshipped)
    {
        var expected = new List<(string Id, string Path, TextSpan Span)>();
        (string source, ImmutableArray<(string Id, TextSpan Span)> marks) = Markup.Parse(Usings + markedSource);
        expected.AddRange(marks.Select(m => (m.Id, "File0.cs", m.Span)));
        var additional = new List<AdditionalText>();
        foreach ((string name, string? marked) in new[] { (Shipped, shipped), (Unshipped, unshipped) })
        {
            if (marked is null)
            {
                continue;
            }

            (string text, ImmutableArray<(string Id, TextSpan Span)> fileMarks) = Markup.Parse(marked);
            additional.Add(new InMemoryText("/project/" + name, text));
            expected.AddRange(fileMarks.Select(m => (m.Id, "/project/" + name, m.Span)));
        }

        Compilation compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, AnalyzerHarness.ParseOptions, "File0.cs") },
            AnalyzerHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        ImmutableArray<Diagnostic> actual = await AnalyzeAsync(compilation, additional.ToImmutableArray());
        string Describe(IEnumerable<(string Id, string Path, TextSpan Span)> items) =>
            string.Join("\n", items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => $"{d.Id} {d.Path}{d.Span}"));
        string wanted = Describe(expected);
        string got = Describe(actual.Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan)));
        if (wanted != got)
        {
            Assert.Fail($"Expected:\n{wanted}\nActual:\n{got}\n--- messages:\n{string.Join("\n", actual.Select(d => d.ToString()))}");
        }

        return actual;
    }

    /// <summary>Applies the contract code fix for the first <paramref name="id"/> diagnostic; returns the new Unshipped text.</summary>
    public static async Task<string> ApplyFixAsync(string source, string? shipped, string? unshipped, string id)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(AnalyzerHarness.References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(AnalyzerHarness.ParseOptions);
        Document document = project.AddDocument("File0.cs", Usings + source, filePath: "/project/File0.cs");
        project = document.Project;
        if (shipped is not null)
        {
            project = project.AddAdditionalDocument(Shipped, shipped, filePath: "/project/" + Shipped).Project;
        }

        if (unshipped is not null)
        {
            project = project.AddAdditionalDocument(Unshipped, unshipped, filePath: "/project/" + Unshipped).Project;
        }

        document = project.GetDocument(document.Id)!;
        Compilation compilation = (await project.GetCompilationAsync())!;
        Diagnostic diagnostic = (await AnalyzeAsync(compilation, project.AnalyzerOptions.AdditionalFiles)).First(d => d.Id == id);

        var actions = new List<CodeAction>();
        await new MetricContractCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        CodeAction only = Assert.Single(actions);
        ApplyChangesOperation change = Assert.IsType<ApplyChangesOperation>(Assert.Single(await only.GetOperationsAsync(CancellationToken.None)));
        TextDocument written = change.ChangedSolution.GetProject(project.Id)!.AdditionalDocuments.Single(d => d.Name == Unshipped);
        return (await written.GetTextAsync()).ToString();
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<AdditionalText> additional)
    {
        var options = new AnalyzerOptions(additional);
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MetricContractAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
