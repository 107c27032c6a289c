using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DistriC.Docs.Tests;

/// <summary>The extraction, the markers and the wrapping that <see cref="DocBlockTests"/> relies on.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void A_marker_applies_to_the_fence_directly_below_it()
    {
        (var blocks, var stray) = MarkdownCodeBlocks.Parse("x.md", new[]
        {
            "<!-- compile: fragment -->", "<!-- compile: expect DSC001 -->", "```csharp", "int a = 1;", "```",
            "<!-- compile: declarations -->", string.Empty, "```csharp", "class C;", "```",
            "  ```json", "  {}", "  ```",
        });

        Assert.Equal(3, blocks.Count);
        Assert.Equal((3, BlockKind.Fragment, "DSC001"), (blocks[0].Line, blocks[0].Marker.Kind, string.Join(" ", blocks[0].Marker.ExpectedIds)));
        Assert.Equal("int a = 1;\n", blocks[0].Code);
        Assert.Equal(BlockMarker.Default, blocks[1].Marker);
        Assert.Equal(("json", "{}\n"), (blocks[2].Language, blocks[2].Code));
        Assert.Equal(new[] { "x.md:6" }, stray);
    }

    [Fact]
    public void Clauses_are_read_and_mistakes_reported()
    {
        BlockMarker marker = BlockMarker.Parse(new[] { " declarations; web; expect DSC011, DSC002 ", " set DistricMaxSeries = 13 " });
        Assert.Equal((BlockKind.Declarations, true), (marker.Kind, marker.Web));
        Assert.Equal(new[] { "DSC002", "DSC011" }, marker.ExpectedIds);
        Assert.Equal("13", marker.Properties["DistricMaxSeries"]);
        Assert.Empty(marker.Errors);

        Assert.Single(BlockMarker.Parse(new[] { " fragmnet " }).Errors);
        Assert.Single(BlockMarker.Parse(new[] { " fragment; program " }).Errors);
        Assert.Single(BlockMarker.Parse(new[] { " expect " }).Errors);
    }

    [Fact]
    public async Task Diagnostics_name_the_markdown_line()
    {
        ImmutableArray<Diagnostic> diagnostics = await Compile("<!-- compile: fragment -->", "using System.Text;", string.Empty, "int count = \"three\";");

        Diagnostic error = Assert.Single(diagnostics);
        Assert.Equal("CS0029", error.Id);
        FileLinePositionSpan where = error.Location.GetMappedLineSpan();
        Assert.Equal(("x.md", 5), (where.Path, where.StartLinePosition.Line + 1));
    }

    [Fact]
    public async Task Fragments_may_await_and_may_hold_spans()
    {
        Assert.Empty(await Compile("<!-- compile: fragment -->", "await Task.Yield();", "Console.WriteLine(registry.ExportText());"));
        Assert.Empty(await Compile("<!-- compile: fragment -->", "Span<char> header = stackalloc char[TraceContext.TraceParentLength];"));
    }

    [Fact]
    public async Task Blocks_are_compiled_as_CSharp_12()
    {
        // The \e escape is C# 13.
        Assert.Contains(await Compile("Console.Write(\"\\e[0m\");"), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(await Compile("Console.Write(\"\\u001b[0m\");"));
    }

    [Fact]
    public async Task Analyzer_diagnostics_and_properties_reach_the_block()
    {
        string[] metric = { "[Metric(MetricKind.Counter, \"jobs_total\")]", "[Label(\"kind\", \"a\", \"b\", \"c\")]", "public sealed partial class Jobs;" };
        Assert.Empty(await Compile(new[] { "<!-- compile: declarations -->" }.Concat(metric).ToArray()));
        Assert.Equal(
            new[] { "DSC011" },
            (await Compile(new[] { "<!-- compile: declarations; set DistricMaxSeries=2 -->" }.Concat(metric).ToArray())).Select(d => d.Id));
    }

    private static Task<ImmutableArray<Diagnostic>> Compile(params string[] markerAndCode)
    {
        string[] lines = markerAndCode.TakeWhile(l => l.StartsWith("<!--", System.StringComparison.Ordinal))
            .Append("```csharp")
            .Concat(markerAndCode.SkipWhile(l => l.StartsWith("<!--", System.StringComparison.Ordinal)))
            .Append("```")
            .ToArray();
        return DocCompiler.CompileAsync(Assert.Single(MarkdownCodeBlocks.Parse("x.md", lines).Blocks));
    }
}
