using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DistriC.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Analyzers.Tests.Logging;

/// <summary>
/// Runs <see cref="LogEventAnalyzer"/> on source written with markup: <c>{|DSC101:text|}</c> marks the exact
/// span where a diagnostic is expected. Every expected diagnostic must be reported and nothing else.
/// </summary>
internal static partial class LoggingAnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !p.EndsWith("DistriC.Runtime.dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(JsonLogger).Assembly.Location))
            .ToImmutableArray());

    private const string Usings = "using System;\nusing DistriC;\n";

    /// <summary>Checks the analyzer's diagnostics against the markup.</summary>
    /// <param name="markup">Source with <c>{|DSCnnn:span|}</c> marks.</param>
    /// <param name="afterMetricsGenerator">Analyze the compilation the metrics generator produced (as a build does), so its label enums exist.</param>
    public static async Task VerifyAsync(string markup, bool afterMetricsGenerator = false)
    {
        (string source, string[] expected) = ParseMarkup(Usings + markup);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        Compilation compilation = CSharpCompilation.Create(
            "LoggingAnalyzerTests",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (afterMetricsGenerator)
        {
            CSharpGeneratorDriver.Create(new[] { new DistriC.Generator.Metrics.MetricsGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LogEventAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        string[] actual = diagnostics
            .Select(d => Describe(d.Id, d.Location.SourceSpan, source))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal).ToArray(), actual);
    }

    private static (string Source, string[] Expected) ParseMarkup(string markup)
    {
        var source = new StringBuilder();
        var expected = new System.Collections.Generic.List<(string Id, TextSpan Span)>();
        int last = 0;
        foreach (Match match in MarkupPattern().Matches(markup))
        {
            source.Append(markup, last, match.Index - last);
            expected.Add((match.Groups[1].Value, new TextSpan(source.Length, match.Groups[2].Length)));
            source.Append(match.Groups[2].Value);
            last = match.Index + match.Length;
        }

        source.Append(markup, last, markup.Length - last);
        string text = source.ToString();
        return (text, expected.Select(e => Describe(e.Id, e.Span, text)).ToArray());
    }

    private static string Describe(string id, TextSpan span, string source) =>
        id + " at " + span + " '" + source.Substring(span.Start, span.Length) + "'";

    [GeneratedRegex(@"\{\|(DSC\d+):(.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex MarkupPattern();
}
