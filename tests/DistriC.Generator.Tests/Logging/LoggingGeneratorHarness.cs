using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using DistriC.Generator.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests.Logging;

/// <summary>Runs the logging generator on source text, compiles the result and loads it for behaviour tests.</summary>
internal static class LoggingGeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(p => !p.EndsWith("DistriC.Runtime.dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(JsonLogger).Assembly.Location))
            .ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "LoggingTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new LogEventGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns generated files (hint name → text) and the output compilation.</summary>
    public static (IReadOnlyDictionary<string, string> Files, Compilation Output) Run(params string[] sources)
    {
        CSharpCompilation input = Compile(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var files = result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString(), StringComparer.Ordinal);
        return (files, output);
    }

    /// <summary>Runs the generator, requires a compilation without warnings or errors, and loads the assembly.</summary>
    public static Assembly CompileAndLoad(params string[] sources)
    {
        (_, Compilation output) = Run(sources);
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        image.Position = 0;
        return new AssemblyLoadContext("LoggingGeneratorTests", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with <c>Snapshots/{name}.verified.cs</c>; on a mismatch writes
    /// <c>{name}.received.cs</c> next to it for review and fails. Set UPDATE_SNAPSHOTS=1 to accept.
    /// </summary>
    public static void VerifySnapshot(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        string verified = Path.Combine(directory, name + ".verified.cs");
        string received = Path.Combine(directory, name + ".received.cs");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
        }

        string expected = File.Exists(verified) ? File.ReadAllText(verified) : "<no verified snapshot>";
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
            Assert.Fail("Generated source differs from " + verified + "; see " + received);
        }

        File.Delete(received);
    }
}
