using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DistriC.Docs.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md is compiled against the current sources, with the DistriC
/// generators and analyzers, as C# 12: no error and no warning unless the block says which it demonstrates.
/// Other fences (json, xml, bash, text) are not compiled.
/// </summary>
/// <remarks>
/// <para>A block is described by HTML comments on the lines directly above its fence, each
/// <c>&lt;!-- compile: clause; clause --&gt;</c>:</para>
/// <list type="bullet">
/// <item><c>program</c> (the default, also for a block without marker): a whole Program.cs, top-level statements first, then
/// any types; compiled as a console app.</item>
/// <item><c>declarations</c>: type declarations only, compiled as a class library in a file that imports <c>DistriC</c>
/// (and <c>DistriC.Hosting</c> with <c>web</c>).</item>
/// <item><c>fragment</c>: statements, compiled as the body of an async method. Leading <c>using</c> directives stay at the
/// top of the file, which also imports <c>DistriC</c> (and <c>DistriC.Hosting</c> with <c>web</c>). The fragment may use,
/// without declaring them, the givens <c>registry</c> (MetricRegistry), <c>health</c> (HealthRegistry), <c>logger</c>
/// (JsonLogger), <c>tracer</c> (Tracer), <c>myExporter</c> (ISpanExporter), <c>incomingHeader</c> (string),
/// <c>builder</c> (WebApplicationBuilder), <c>app</c> (WebApplication) and <c>services</c> (IServiceCollection); a local
/// of the same name shadows a given.</item>
/// <item><c>web</c>: the implicit usings of Microsoft.NET.Sdk.Web (<c>dotnet new web</c>) instead of those of
/// Microsoft.NET.Sdk (<c>dotnet new console</c>).</item>
/// <item><c>expect DSC001 CS0246</c>: the block demonstrates these diagnostics; exactly this set of IDs must be reported.</item>
/// <item><c>set DistricMaxSeries=13</c>: an MSBuild property of the consumer project, seen by the analyzers.</item>
/// <item><c>skip reason</c>: not compiled, only for a block that cannot be (prefer another fence language).</item>
/// </list>
/// <para>Every block gets the implicit usings of its project kind and nullable on. References: the shared frameworks this
/// test runs on (Microsoft.NETCore.App, Microsoft.AspNetCore.App) with the built DistriC.Runtime and DistriC.Hosting. The
/// language version is C# 12, the default of net8.0, so syntax a .NET 8 user cannot write fails here.</para>
/// </remarks>
public sealed class DocBlockTests
{
    /// <summary>One case per compiled block, named by its file and fence line.</summary>
    public static TheoryData<string, int> CSharpBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (CodeBlock block in MarkdownCodeBlocks.All.Where(b => b.IsCSharp && b.Marker.SkipReason is null))
        {
            data.Add(block.File, block.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public async Task Block_compiles(string file, int line)
    {
        CodeBlock block = MarkdownCodeBlocks.All.Single(b => b.File == file && b.Line == line);
        Assert.True(block.Marker.Errors.IsEmpty, $"{block}: marker {string.Join("; ", block.Marker.Errors)}");

        ImmutableArray<Diagnostic> diagnostics = await DocCompiler.CompileAsync(block);

        string reported = string.Join(" ", diagnostics.Select(d => d.Id).Distinct().Order());
        string expected = string.Join(" ", block.Marker.ExpectedIds);
        Assert.True(
            reported == expected,
            $"{block} ({block.Marker.Kind}{(block.Marker.Web ? ", web" : string.Empty)}): expected [{expected}], reported [{reported}]\n" +
            string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void The_documentation_has_compiled_blocks()
    {
        // Guards the extraction itself: README.md alone has several C# blocks.
        Assert.True(MarkdownCodeBlocks.All.Count(b => b.File == "README.md" && b.IsCSharp) >= 4);
        Assert.True(CSharpBlocks().Count >= 10);
    }

    [Fact]
    public void Generators_and_analyzers_are_all_run()
    {
        Assert.Subset(
            new[] { "MetricsGenerator", "LogEventGenerator", "MetricDeclarationAnalyzer", "MetricContractAnalyzer", "LogEventAnalyzer" }.ToHashSet(),
            DocCompiler.ComponentNames.ToHashSet());
    }

    [Fact]
    public void Every_marker_sits_above_a_csharp_fence()
    {
        Assert.Empty(MarkdownCodeBlocks.StrayMarkers);
        Assert.Empty(MarkdownCodeBlocks.All.Where(b => !b.IsCSharp && b.Marker != BlockMarker.Default).Select(b => b.ToString()));
    }

    [Fact]
    public void Every_fence_names_its_language()
    {
        // An untagged fence could hide C# from this test; "cs" and "c#" would too.
        Assert.Empty(MarkdownCodeBlocks.All.Where(b => b.Language is "" or "cs" or "c#" or "C#").Select(b => b.ToString()));
    }
}
