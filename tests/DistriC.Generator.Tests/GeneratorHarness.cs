using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using DistriC.Generator.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests;

/// <summary>
/// Builds consumer compilations in memory (net8.0 reference assemblies + DistriC.Runtime), runs the
/// metrics generator over them with step tracking, and emits and loads the result.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(MetricRegistry).Assembly.Location))
        .ToImmutableArray();

    /// <summary>
    /// A consumer as strict as ours: nullable on, every warning an error, overflow checking on, docs
    /// checked. The test's own sources opt out of CS1591 per file, so generated files are still checked.
    /// </summary>
    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText("#pragma warning disable CS1591\n" + text, ParseOptions, path: $"File{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                checkOverflow: true,
                deterministic: true));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new MetricsGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the updated compilation and the driver (for a second, incremental run).</summary>
    public static (Compilation Output, GeneratorDriver Driver) Run(Compilation input, GeneratorDriver? driver = null)
    {
        GeneratorDriver ran = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        return (output, ran);
    }

    /// <summary>Generated files by hint name.</summary>
    public static ImmutableDictionary<string, string> Generated(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Compiles with the generator, asserts not a single diagnostic, and loads the assembly in a collectible context.</summary>
    public static Assembly BuildAndLoad(params string[] sources)
    {
        (Compilation output, _) = Run(Compilation(sources));
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        image.Position = 0;
        return new AssemblyLoadContext("consumer", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>Calls a public static method of the loaded consumer.</summary>
    public static object? Call(Assembly assembly, string type, string method, params object?[] arguments) =>
        assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
}
