using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// The generator and the analyzers judge a declaration by the same rules: a declaration with a
/// per-declaration error gets its diagnostic and no generated code (so no cascade of compiler errors),
/// and a declaration without one is generated. (The configurable caps, DSC002 and DSC011, and the
/// cross-metric DSC006 fail the build without suppressing generation.)
/// </summary>
public sealed class GeneratorAgreementTests
{
    public static TheoryData<string, string?> Declarations => new()
    {
        { "[Metric(MetricKind.Counter, \"ok_total\")] [Label(\"method\", \"a\", \"b\")] public partial class M;", null },
        { "[Metric(MetricKind.Counter, \"ok\")] public partial class M;", null },
        { "[Metric(MetricKind.Gauge, \"g\")] [Label(\"method\")] public partial class M;", "DSC001" },
        { "[Flags] public enum F { A = 1 } [Metric(MetricKind.Gauge, \"g\")] [Label<F>(\"f\")] public partial class M;", "DSC001" },
        { "[Metric(MetricKind.Gauge, \"g\")] [Label(\"a\",\"x\")] [Label(\"b\",\"x\")] [Label(\"c\",\"x\")] [Label(\"d\",\"x\")] [Label(\"e\",\"x\")] [Label(\"f\",\"x\")] [Label(\"h\",\"x\")] [Label(\"i\",\"x\")] [Label(\"j\",\"x\")] public partial class M;", "DSC003" },
        { "[Metric(MetricKind.Gauge, \"g-1\")] public partial class M;", "DSC004" },
        { "[Metric(MetricKind.Histogram, \"h\")] [Label(\"le\", \"x\")] public partial class M;", "DSC005" },
        { "[Metric(MetricKind.Gauge, \"g\")] public class M;", "DSC007" },
        { "[Metric(MetricKind.Gauge, \"g\")] [Label(\"method\", \"a\", \"a\")] public partial class M;", "DSC008" },
        { "[Metric(MetricKind.Histogram, \"h\", Buckets = new[] { 2.0, 1.0 })] public partial class M;", "DSC009" },
        { "[Metric(MetricKind.Gauge, \"g\", Help = \"" + new string('h', 300) + "\")] public partial class M;", "DSC012" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task An_error_diagnostic_and_generated_code_exclude_each_other(string declaration, string? error)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.DiagnosticsAsync(declaration);
        ImmutableArray<string> generated = AnalyzerHarness.GeneratedFiles(declaration);

        string[] errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToArray();
        if (error is null)
        {
            Assert.Empty(errors);
            Assert.Contains("M.Metric.g.cs", generated);
        }
        else
        {
            Assert.Equal(new[] { error }, errors);
            Assert.Empty(generated);
        }
    }
}
