using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using DistriC.Generator.Logging;
using DistriC.Generator.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests;

/// <summary>
/// The one harness of the generator tests: builds consumer compilations in memory (the .NET 8 reference
/// assemblies + DistriC.Runtime, as a package consumer compiles), runs a set of generators over them with
/// step tracking, and emits and loads the result. Parameterised by the generators and the consumer's
/// C# language version (newest by default; <see cref="WithLanguageVersion"/> gives e.g. a C# 11 consumer).
/// </summary>
internal sealed class GeneratorHarness
{
    /// <summary>The metrics generator alone.</summary>
    public static readonly GeneratorHarness Metrics = new(LanguageVersion.Latest, new MetricsGenerator());

    /// <summary>The logging generator alone.</summary>
    public static readonly GeneratorHarness Logging = new(LanguageVersion.Latest, new LogEventGenerator());

    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(MetricRegistry).Assembly.Location))
        .ToImmutableArray();

    private readonly ImmutableArray<IIncrementalGenerator> _generators;

    public GeneratorHarness(LanguageVersion languageVersion, params IIncrementalGenerator[] generators)
    {
        _generators = generators.ToImmutableArray();
        ParseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
    }

    /// <summary>The consumer's parse options: its language version, documentation comments checked.</summary>
    public CSharpParseOptions ParseOptions { get; }

    /// <summary>The same generators for a consumer on another C# version.</summary>
    public GeneratorHarness WithLanguageVersion(LanguageVersion version) => new(version, _generators.ToArray());

    /// <summary>
    /// One consumer file. The test's own sources opt out of CS1591 (missing XML docs) per file, so
    /// generated files are still checked for it.
    /// </summary>
    public SyntaxTree Tree(string source, string path) =>
        CSharpSyntaxTree.ParseText("#pragma warning disable CS1591\n" + source, ParseOptions, path: path);

    /// <summary>
    /// A consumer as strict as ours: nullable on, every warning an error, overflow checking on, docs
    /// checked. Files are named <c>File{i}.cs</c>.
    /// </summary>
    public CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((text, i) => Tree(text, $"File{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                checkOverflow: true,
                deterministic: true));

    /// <summary>A driver over this harness's generators that records every tracked step.</summary>
    public GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            _generators.Select(g => g.AsSourceGenerator()),
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generators (on <paramref name="driver"/> for an incremental second run); requires no
    /// generator diagnostic and no generator exception. Returns the updated compilation and the driver.
    /// </summary>
    public (Compilation Output, GeneratorDriver Driver) Run(Compilation input, GeneratorDriver? driver = null)
    {
        GeneratorDriver ran = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        Assert.All(ran.GetRunResult().Results, r => Assert.Null(r.Exception));
        return (output, ran);
    }

    /// <summary>Runs the generators on a fresh compilation of <paramref name="sources"/>: generated files by hint name, and the output.</summary>
    public (IReadOnlyDictionary<string, string> Files, Compilation Output) Generate(params string[] sources)
    {
        (Compilation output, GeneratorDriver driver) = Run(Compilation(sources));
        return (Generated(driver), output);
    }

    /// <summary>Generated files of every generator of the last run, by hint name.</summary>
    public static ImmutableDictionary<string, string> Generated(GeneratorDriver driver) =>
        driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Compiles with the generators, asserts not a single diagnostic (warnings are errors), and loads the assembly in a collectible context.</summary>
    public Assembly BuildAndLoad(params string[] sources)
    {
        (_, Compilation output) = Generate(sources);
        return Load(output);
    }

    /// <summary>Emits <paramref name="output"/>, asserts not a single diagnostic, and loads it in a collectible context.</summary>
    public static Assembly Load(Compilation output)
    {
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
