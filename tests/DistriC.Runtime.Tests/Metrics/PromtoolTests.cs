using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>Our Prometheus text, checked by Prometheus' own parser and linter.</summary>
public sealed class PromtoolTests
{
    [ToolFact("promtool")]
    public async Task Representative_exposition_passes_promtool_check_metrics()
    {
        await AssertPromtoolAccepts(ExpositionSamples.Representative().ExportText());
    }

    [ToolFact("promtool")]
    public async Task Hostile_exposition_passes_promtool_check_metrics()
    {
        // The sample registers one gauge without HELP on purpose; that is promtool's only (lint) finding.
        await AssertPromtoolAccepts(ExpositionSamples.Hostile().ExportText(), expectedLint: "no_help no help text");
    }

    [ToolFact("promtool")]
    public async Task Promtool_rejects_what_it_should_so_the_check_above_can_fail()
    {
        (int exit, _) = Assert.NotNull(await Promtool.CheckMetricsAsync("# TYPE x counter\nx{a=\"unterminated} 1\n"));
        Assert.NotEqual(0, exit);
    }

    /// <summary>promtool exits 0 when clean, 3 with lint findings only, 1 on a parse error.</summary>
    private static async Task AssertPromtoolAccepts(string exposition, string expectedLint = "")
    {
        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(exposition));
        Assert.True(exit == (expectedLint.Length == 0 ? 0 : 3), $"promtool exit {exit}: {output}");
        Assert.Equal(expectedLint, output.Trim());
    }
}
