using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using DistriC.Analyzers.Metrics;
using DistriC.Generator.Metrics;
using DistriC.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DistriC.Docs.Tests;

/// <summary>
/// Compiles a documented block in memory as a user's project would: the current DistriC.Runtime and DistriC.Hosting, the
/// shared frameworks this test runs on (Microsoft.NETCore.App and Microsoft.AspNetCore.App), every DistriC source
/// generator and every DistriC analyzer.
/// </summary>
internal static class DocCompiler
{
    private static readonly ImmutableArray<MetadataReference> References = FrameworkAssemblies()
        .Append(typeof(MetricRegistry).Assembly.Location)
        .Append(typeof(DistricOptions).Assembly.Location)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    /// <summary>Every generator of the generator assembly, so a new one is run without touching this test.</summary>
    private static readonly ImmutableArray<ISourceGenerator> Generators = LoadableTypes(typeof(MetricsGenerator).Assembly)
        .Where(t => t.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(t))
        .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
        .ToImmutableArray();

    /// <summary>Every analyzer of the analyzer assembly.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = LoadableTypes(typeof(MetricDeclarationAnalyzer).Assembly)
        .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The generator and analyzer types that are run (so a test can check the known ones are among them).</summary>
    public static IEnumerable<string> ComponentNames =>
        Generators.Select(g => g.GetGeneratorType().Name).Concat(Analyzers.Select(a => a.GetType().Name));

    /// <summary>Compiles <paramref name="block"/> and returns every warning and error: compiler, generators and analyzers.</summary>
    public static async Task<ImmutableArray<Diagnostic>> CompileAsync(CodeBlock block)
    {
        var options = new ConsumerProperties(block.Marker.Properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "DocBlock",
            BlockSources.For(block),
            References,
            new CSharpCompilationOptions(
                block.Marker.Kind == BlockKind.Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                // The SDK's default NoWarn: DistriC.Hosting (built for net8.0) unifies with the newer framework's assemblies.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(Generators, parseOptions: BlockSources.ParseOptions, optionsProvider: options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        ImmutableArray<Diagnostic> analyzerDiagnostics = await output
            .WithAnalyzers(Analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options))
            .GetAnalyzerDiagnosticsAsync();

        return generatorDiagnostics.Concat(output.GetDiagnostics()).Concat(analyzerDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .ToImmutableArray();
    }

    /// <summary>
    /// The types of <paramref name="assembly"/> that load: the code fix types need Roslyn's Workspaces layer, which a
    /// compiler (and this test) does not load; the analyzers and generators do not need it.
    /// </summary>
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    /// <summary>
    /// The assemblies of the shared frameworks out of the trusted platform assemblies; the test's own dependencies
    /// (xunit, Roslyn) are left out, so a block cannot compile by accident against them.
    /// </summary>
    private static IEnumerable<string> FrameworkAssemblies()
    {
        string[] frameworks = { Path.GetDirectoryName(typeof(object).Assembly.Location)!, Path.GetDirectoryName(typeof(WebApplication).Assembly.Location)! };
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => frameworks.Contains(Path.GetDirectoryName(path), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The MSBuild properties of the consumer project, as the compiler hands them to generators and analyzers.</summary>
    private sealed class ConsumerProperties(ImmutableDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _global = new(properties);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

        private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
