using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Runtime.Tests.CallShapes;

/// <summary>
/// Compiles a caller of the runtime API in memory, as a net8.0 project of a given C# version would: the .NET 8
/// reference assemblies plus the DistriC.Runtime.dll these tests run against.
/// </summary>
internal static class CallerCompilation
{
    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(MetricRegistry).Assembly.Location))
        .ToImmutableArray();

    /// <summary>A library compilation of <paramref name="source"/> with nullable on and every warning an error.</summary>
    public static CSharpCompilation Create(string source, LanguageVersion version) =>
        CSharpCompilation.Create(
            "Caller",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(version), path: "Caller.cs") },
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    /// <summary>Emits the compilation (asserting no diagnostic at all) and loads it in a collectible context.</summary>
    public static Assembly EmitAndLoad(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        image.Position = 0;

        // DistriC.Runtime resolves to the copy already loaded by the tests, so the caller shares its types.
        return new AssemblyLoadContext("caller", isCollectible: true).LoadFromStream(image);
    }
}
