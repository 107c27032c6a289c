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

namespace DistriC.Analyzers.Tests;

/// <summary>
/// Runs an analyzer (the metrics one unless told) over in-memory sources written with <see cref="Markup"/>:
/// <c>{|DSC001:text|}</c> expects diagnostic DSC001 exactly on <c>text</c>. Every analyzer diagnostic must be
/// expected and every expectation met, so a source without markup asserts that nothing is reported.
/// Used by the metrics and the logging analyzer tests alike.
/// </summary>
internal static class AnalyzerHarness
{
    private const string Usings = "using System;\nusing DistriC;\n";

    /// <summary>The consumer's parse options: the newest C# version.</summary>
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The .NET 8 reference assemblies and the runtime: what a consumer of the package compiles against.</summary>
    internal static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(MetricRegistry).Assembly.Location))
        .ToImmutableArray();

    /// <summary>Runs the metrics analyzer on the marked-up sources (each gets <c>using System; using DistriC;</c>) and checks ids and spans.</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string[] markedSources, IReadOnlyDictionary<string, string>? properties = null) =>
        VerifyAsync(new MetricDeclarationAnalyzer(), markedSources, properties, afterMetricsGenerator: false);

    /// <summary>
    /// Runs <paramref name="analyzer"/> on the marked-up sources (each gets <c>using System; using DistriC;</c>):
    /// every diagnostic it reports must be marked, and every mark must be reported, with its id on its exact span.
    /// </summary>
    /// <param name="analyzer">The analyzer under test.</param>
    /// <param name="markedSources">One source per file, with marks.</param>
    /// <param name="properties">MSBuild properties the analyzer sees as global options.</param>
    /// <param name="afterMetricsGenerator">Analyze the compilation the metrics generator produced (as a build does), so its label enums exist.</param>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(
        DiagnosticAnalyzer analyzer, string[] markedSources, IReadOnlyDictionary<string, string>? properties, bool afterMetricsGenerator)
    {
        var expected = new List<(string Id, string Path, TextSpan Span)>();
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < markedSources.Length; i++)
        {
            string path = $"File{i}.cs";
            (string text, ImmutableArray<(string Id, TextSpan Span)> marks) = Markup.Parse(Usings + markedSources[i]);
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, path));
            expected.AddRange(marks.Select(m => (m.Id, path, m.Span)));
        }

        Compilation compilation = Compilation(trees);
        if (afterMetricsGenerator)
        {
            CSharpGeneratorDriver.Create(new[] { new DistriC.Generator.Metrics.MetricsGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        ImmutableArray<Diagnostic> actual = await AnalyzeAsync(analyzer, compilation, properties);
        string Describe(IEnumerable<(string Id, string Path, TextSpan Span)> items) =>
            string.Join("\n", items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => $"{d.Id} {d.Path}{d.Span} '{Spanned(trees, d.Path, d.Span)}'"));
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
        AnalyzeAsync(new MetricDeclarationAnalyzer(), Compilation(new[] { CSharpSyntaxTree.ParseText(Usings + source, ParseOptions, "File0.cs") }), null);

    /// <summary>The files (hint name → text) the metrics generator produces for <paramref name="source"/>.</summary>
    public static ImmutableDictionary<string, string> GeneratedFiles(string source)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new DistriC.Generator.Metrics.MetricsGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGenerators(Compilation(new[] { CSharpSyntaxTree.ParseText(Usings + source, ParseOptions, "File0.cs") }));
        return driver.GetRunResult().Results.Single().GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>Applies the DSC010 code fix to <paramref name="source"/> and returns the fixed text (without the added usings).</summary>
    public static async Task<string> ApplyCounterNameFixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(ParseOptions);
        Document document = project.AddDocument("File0.cs", Usings + source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Diagnostic diagnostic = (await AnalyzeAsync(new MetricDeclarationAnalyzer(), compilation, null)).Single(d => d.Id == "DSC010");

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

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, Compilation compilation, IReadOnlyDictionary<string, string>? properties)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(properties ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        // An exception inside the analyzer surfaces as AD0001: never acceptable.
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string Messages(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty ? string.Empty : "\n--- messages:\n" + string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static string Spanned(List<SyntaxTree> trees, string path, TextSpan span) =>
        trees.FirstOrDefault(t => t.FilePath == path) is { } tree && span.End <= tree.Length ? tree.GetText().ToString(span) : string.Empty;

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
