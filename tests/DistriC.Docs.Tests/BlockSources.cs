using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Docs.Tests;

/// <summary>
/// Turns a documented block into the source files of its compilation. Every line of the block keeps its Markdown
/// file and line through <c>#line</c> directives, so a diagnostic names the place in the documentation.
/// </summary>
internal static partial class BlockSources
{
    /// <summary>C# 12, the newest language a net8.0 project gets by default: C# 13 syntax in a block must fail.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>The implicit usings of a <c>dotnet new console</c> project (Microsoft.NET.Sdk, ImplicitUsings enabled).</summary>
    private static readonly string[] ConsoleUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    /// <summary>What Microsoft.NET.Sdk.Web adds to them (<c>dotnet new web</c>).</summary>
    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    /// <summary>
    /// Names a fragment may use without declaring them: fields of the class around the fragment, so a fragment that
    /// declares a local of the same name simply shadows the given.
    /// </summary>
    private const string Givens = """
        internal static partial class DocFragment
        {
            internal static readonly global::DistriC.MetricRegistry registry = null!;
            internal static readonly global::DistriC.HealthRegistry health = null!;
            internal static readonly global::DistriC.JsonLogger logger = null!;
            internal static readonly global::DistriC.Tracer tracer = null!;
            internal static readonly global::DistriC.ISpanExporter myExporter = null!;
            internal static readonly string incomingHeader = null!;
            internal static readonly global::Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = null!;
            internal static readonly global::Microsoft.AspNetCore.Builder.WebApplication app = null!;
            internal static readonly global::Microsoft.Extensions.DependencyInjection.IServiceCollection services = null!;
        }
        """;

    /// <summary>The syntax trees for <paramref name="block"/>.</summary>
    public static IEnumerable<SyntaxTree> For(CodeBlock block)
    {
        yield return Tree(ImplicitUsings(block.Marker), "ImplicitUsings.cs");
        if (block.Marker.Kind != BlockKind.Fragment)
        {
            yield return Tree(LineDirective(block.FirstCodeLine, block.File) + block.Code, block.File);
            yield break;
        }

        yield return Tree(Givens, "DocFragmentGivens.cs");
        yield return Tree(WrapFragment(block), block.File);
    }

    /// <summary>
    /// The project's implicit usings; a fragment or declarations block also imports DistriC (and DistriC.Hosting in a web
    /// block), as the file it would be pasted into does; a program says its usings itself. Global usings, so a fragment that repeats one gets no warning.
    /// </summary>
    private static string ImplicitUsings(BlockMarker marker)
    {
        IEnumerable<string> namespaces = marker.Web ? ConsoleUsings.Concat(WebUsings) : ConsoleUsings;
        if (marker.Kind != BlockKind.Program)
        {
            namespaces = namespaces.Append("DistriC");
            namespaces = marker.Web ? namespaces.Append("DistriC.Hosting") : namespaces;
        }

        return string.Concat(namespaces.Select(n => $"global using global::{n};\n"));
    }

    /// <summary>
    /// Leading <c>using</c> directives of the fragment stay at the top of the file; the rest becomes the body of a method,
    /// an async one when the fragment awaits.
    /// </summary>
    private static string WrapFragment(CodeBlock block)
    {
        string[] lines = block.Code.Split('\n');
        int head = 0;
        while (head < lines.Length && (lines[head].Trim().Length == 0 || UsingDirective().IsMatch(lines[head])))
        {
            head++;
        }

        var text = new StringBuilder();
        text.Append(LineDirective(block.FirstCodeLine, block.File)).Append(string.Join('\n', lines.Take(head))).Append('\n');
        text.Append("#line hidden\n");
        // Async only when the fragment awaits, the rule of top-level statements: an async method may not hold a
        // Span local (C# 12), and one without await would warn.
        string signature = Awaits(block.Code) ? "async Task RunAsync()" : "void Run()";
        text.Append("internal static partial class DocFragment\n{\n    internal static ").Append(signature).Append("\n    {\n");
        text.Append(LineDirective(block.FirstCodeLine + head, block.File)).Append(string.Join('\n', lines.Skip(head))).Append('\n');
        text.Append("#line hidden\n    }\n}\n");
        return text.ToString();
    }

    private static bool Awaits(string code) =>
        SyntaxFactory.ParseTokens(code).Any(t => t.Text == "await");

    private static string LineDirective(int line, string file) => $"#line {line} \"{file}\"\n";

    private static SyntaxTree Tree(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?\s*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();
}
