using System.Threading.Tasks;
using DistriC.Analyzers.Logging;

namespace DistriC.Analyzers.Tests.Logging;

/// <summary>
/// Runs <see cref="LogEventAnalyzer"/> through <see cref="AnalyzerHarness"/> on source written with its markup:
/// <c>{|DSC101:text|}</c> marks the exact span where a diagnostic is expected. Every expected diagnostic must
/// be reported and nothing else.
/// </summary>
internal static class LoggingAnalyzerHarness
{
    /// <summary>Checks the analyzer's diagnostics against the markup.</summary>
    /// <param name="markup">Source with <c>{|DSCnnn:span|}</c> marks.</param>
    /// <param name="afterMetricsGenerator">Analyze the compilation the metrics generator produced (as a build does), so its label enums exist.</param>
    public static Task VerifyAsync(string markup, bool afterMetricsGenerator = false) =>
        AnalyzerHarness.VerifyAsync(new LogEventAnalyzer(), new[] { markup }, properties: null, afterMetricsGenerator);
}
