using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DistriC.Analyzers.Logging;
using DistriC.Analyzers.Metrics;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Tests;

/// <summary>Every DSC descriptor links to its own section of docs/diagnostics.md, and that section exists.</summary>
public sealed class HelpLinkTests
{
    private const string Page = "https://github.com/distric-generated/distric-generated/blob/main/docs/diagnostics.md";

    [Fact]
    public void Every_descriptor_has_a_help_link_to_an_anchor_that_docs_diagnostics_md_defines()
    {
        string docs = File.ReadAllText(DocsPath());
        DiagnosticDescriptor[] descriptors = new MetricDeclarationAnalyzer().SupportedDiagnostics
            .Concat(new LogEventAnalyzer().SupportedDiagnostics)
            .Concat(new MetricContractAnalyzer().SupportedDiagnostics)
            .ToArray();

        Assert.Equal(39, descriptors.Select(d => d.Id).Distinct().Count()); // DSC001-DSC018, DSC101-DSC109, DSC201-DSC212
        Assert.All(descriptors, d =>
        {
            string anchor = d.Id.ToLowerInvariant();
            Assert.Equal(Page + "#" + anchor, d.HelpLinkUri);
            Assert.Contains($"<a id=\"{anchor}\"></a>", docs, StringComparison.Ordinal);
        });
    }

    private static string DocsPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "docs", "diagnostics.md");
}
