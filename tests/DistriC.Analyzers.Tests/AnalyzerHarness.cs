using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Analyzers.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// Runs the metrics analyzer over in-memory sources written with markup: <c>{|DSC001:text|}</c>
/// expects diagnostic DSC001 exactly on <c>text</c>. Every analyzer diagnostic must be expected and
/// every expectation met, so a source without markup asserts that nothing is reported.
/// </summary>
internal static class AnalyzerHarness
{
    private const string Usings = "using System;\nusing DistriC;\n";

    /// <summary>The .NET 8 reference assemblies and the runtime: what a consumer of the package compiles against.</summary>
    internal static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(MetricRegistry).Assembly.Location))
        .ToImmutableArray();

    /// <summary>Analyzes the marked-up sources (each gets <c>using System; using DistriC;</c>) and checks ids and spans.</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string[] markedSources, IReadOnlyDictionary<string, string>? properties = null)
    {
        var expected = new List<(string Id, string Path, TextSpan Span)>();
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < markedSources.Length; i++)
        {
            string path = $"File{i}.cs";
            (string text, List<(string Id, TextSpan Span)> marks) = Parse(Usings + markedSources[i]);
            trees.Add(CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path));
            expected.AddRange(marks.Select(m => (m.Id, path, m.Span)));
        }

        ImmutableArray<Diagnostic> actual = await AnalyzeAsync(Compilation(trees), properties);
        string Describe(IEnumerable<(string Id, string Path, TextSpan Span)> items) =>
            string.Join("\n", items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => $"{d.Id} {d.Path}{d.Span}"));
        string wanted = Describe(expected);
        string got = Describe(actual.Select(d => (d.Id, d.Location.SourceTree?.FilePath ?? "none", d.Location.SourceSpan)));
        if (wanted != got)
        {
            Assert.Fail($"Expected:\n{wanted}\nActual:\n{got}{Messages(actual)}");
        }

        return actual;
    }

    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markedSource, IReadOnlyDictionary<string, string>? properties = null) =>
        VerifyAsync(new[] { markedSource }, properties);

    /// <summary>Analyzes <paramref name="source"/> (with the usual usings) without checking markup.</summary>
    public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source) =>
        AnalyzeAsync(Compilation(new[] { CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest), "File0.cs") }), null);

    /// <summary>The files (hint name → text) the metrics generator produces for <paramref name="source"/>.</summary>
    public static ImmutableDictionary<string, string> GeneratedFiles(string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new DistriC.Generator.Metrics.MetricsGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGenerators(Compilation(new[] { CSharpSyntaxTree.ParseText(Usings + source, parse, "File0.cs") }));
        return driver.GetRunResult().Results.Single().GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>Applies the DSC010 code fix to <paramref name="source"/> and returns the fixed text (without the added usings).</summary>
    public static async Task<string> ApplyCounterNameFixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        Document document = project.AddDocument("File0.cs", Usings + source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Diagnostic diagnostic = (await AnalyzeAsync(compilation, null)).Single(d => d.Id == "DSC010");

        var actions = new List<CodeAction>();
        var fix = new CounterNameCodeFix();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        CodeAction only = Assert.Single(actions);
        ApplyChangesOperation change = Assert.IsType<ApplyChangesOperation>(Assert.Single(await only.GetOperationsAsync(CancellationToken.None)));
        SourceText fixedText = await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
        return fixedText.ToString()[Usings.Length..];
    }

    private static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Consumer", trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, IReadOnlyDictionary<string, string>? properties)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(properties ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MetricDeclarationAnalyzer()), options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        // An exception inside the analyzer surfaces as AD0001: never acceptable.
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string Messages(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty ? string.Empty : "\n--- messages:\n" + string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static (string Text, List<(string Id, TextSpan Span)> Marks) Parse(string marked)
    {
        var text = new StringBuilder();
        var marks = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < marked.Length)
        {
            if (marked[i] == '{' && i + 1 < marked.Length && marked[i + 1] == '|')
            {
                int colon = marked.IndexOf(':', i);
                open.Push((marked[(i + 2)..colon], text.Length));
                i = colon + 1;
            }
            else if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == '}' && open.Count > 0)
            {
                (string id, int start) = open.Pop();
                marks.Add((id, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else
            {
                text.Append(marked[i]);
                i++;
            }
        }

        return (text.ToString(), marks);
    }

    private sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(properties);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
