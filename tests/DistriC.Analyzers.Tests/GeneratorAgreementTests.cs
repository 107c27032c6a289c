using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// The generator and the analyzers judge a declaration by the same rules: a declaration with a
/// per-declaration error gets its diagnostic and only stand-in members (which register nothing and are
/// not in the catalog), so the consumer's calls compile and the DSC error is what the build shows; a
/// declaration that cannot host members (DSC007) gets nothing; a declaration without an error is generated.
/// (The configurable caps, DSC002 and DSC011, and the cross-metric DSC006 fail the build without
/// suppressing generation.)
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
        { "[Metric((MetricKind)99, \"g\")] public partial class M;", "DSC013" },
        { "[Metric(MetricKind.Info, \"g\")] public partial class M;", "DSC014" },
        { "[Metric(MetricKind.Gauge, \"g\", Exemplars = true)] public partial class M;", "DSC015" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task An_error_diagnostic_and_generated_code_exclude_each_other(string declaration, string? error)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.DiagnosticsAsync(declaration);
        ImmutableDictionary<string, string> generated = AnalyzerHarness.GeneratedFiles(declaration);

        string[] errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToArray();
        if (error is null)
        {
            Assert.Empty(errors);
            Assert.DoesNotContain("Stand-in", generated["M.Metric.g.cs"], StringComparison.Ordinal);
            Assert.Contains("DistriC.Generated.DistricMetricsCatalog.g.cs", generated.Keys);
        }
        else
        {
            Assert.Equal(new[] { error }, errors);
            Assert.DoesNotContain("DistriC.Generated.DistricMetricsCatalog.g.cs", generated.Keys);
            if (error == "DSC007")
            {
                Assert.Empty(generated);
            }
            else
            {
                string standIn = Assert.Single(generated).Value;
                Assert.Contains("// Stand-in: this [Metric] declaration is rejected", standIn, StringComparison.Ordinal);
                Assert.DoesNotContain("MetricRegistration", standIn, StringComparison.Ordinal);
            }
        }
    }
}
