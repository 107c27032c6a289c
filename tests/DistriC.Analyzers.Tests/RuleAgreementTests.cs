using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using DistriC.Analyzers.Metrics;
using DistriC.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// Every rule that a run-time registration can break is the same rule at build time: the same bad
/// declaration, once as a [Metric] class and once as the descriptor its generated code (or the dynamic
/// API) passes to the registry, gives the DSC diagnostic and a MetricRegistrationException whose
/// message is that diagnostic's, prefixed by its id (plus, for a rule whose remedy is a build setting,
/// where the same setting lives at run time).
/// </summary>
public sealed class RuleAgreementTests
{
    /// <summary>The DSC rules only a C# declaration or a whole compilation can break.</summary>
    // DSC016-DSC018 are rules of [MeterInstrument] declarations, which have no run-time registration of their own.
    private static readonly string[] BuildTimeOnly = { "DSC006", "DSC007", "DSC010", "DSC011", "DSC016", "DSC017", "DSC018" };

    private static readonly string Help300 = new('h', 300);

    public static TheoryData<string, string, MetricDescriptor, DistricStatus> Cases => new()
    {
        {
            "DSC001", "[Metric(MetricKind.Gauge, \"g\")] [Label(\"method\")] public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", null, new[] { "method" }, new[] { Array.Empty<string>() }), DistricStatus.HighCardinality
        },
        {
            "DSC002", $"[Metric(MetricKind.Counter, \"c_total\")] [Label(\"a\", {Quoted(101)})] [Label(\"b\", {Quoted(100)})] public partial class M;",
            new MetricDescriptor(MetricKind.Counter, "c_total", null, new[] { "a", "b" }, new[] { Values(101), Values(100) }), DistricStatus.HighCardinality
        },
        {
            "DSC003", "[Metric(MetricKind.Gauge, \"g\")] " + string.Concat(Enumerable.Range(0, 9).Select(i => $"[Label(\"l{i}\", \"x\")] ")) + "public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", null, Enumerable.Range(0, 9).Select(i => "l" + i).ToArray(), Enumerable.Range(0, 9).Select(_ => new[] { "x" }).ToArray()),
            DistricStatus.InvalidArgument
        },
        { "DSC004", "[Metric(MetricKind.Gauge, \"g-1\")] public partial class M;", new MetricDescriptor(MetricKind.Gauge, "g-1", null), DistricStatus.InvalidArgument },
        {
            "DSC004", "[Metric(MetricKind.Counter, \"latency_total\", Unit = \"seconds\")] public partial class M;",
            new MetricDescriptor(MetricKind.Counter, "latency_total", null, unit: "seconds"), DistricStatus.InvalidArgument
        },
        {
            "DSC005", "[Metric(MetricKind.Histogram, \"h\")] [Label(\"le\", \"x\")] public partial class M;",
            new MetricDescriptor(MetricKind.Histogram, "h", null, new[] { "le" }, new[] { new[] { "x" } }), DistricStatus.InvalidArgument
        },
        {
            "DSC005", "[Metric(MetricKind.Gauge, \"g\")] [Label(\"method\", \"a\")] [Label(\"method\", \"b\")] public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", null, new[] { "method", "method" }, new[] { new[] { "a" }, new[] { "b" } }), DistricStatus.InvalidArgument
        },
        {
            "DSC008", "[Metric(MetricKind.Gauge, \"g\")] [Label(\"method\", \"a\", \"a\")] public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", null, new[] { "method" }, new[] { new[] { "a", "a" } }), DistricStatus.InvalidArgument
        },
        {
            "DSC009", "[Metric(MetricKind.Histogram, \"h\", Buckets = new[] { 2.0, 1.0 })] public partial class M;",
            new MetricDescriptor(MetricKind.Histogram, "h", null, buckets: new[] { 2.0, 1.0 }), DistricStatus.InvalidArgument
        },
        {
            "DSC009", "[Metric(MetricKind.Gauge, \"g\", Buckets = new[] { 1.0 })] public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", null, buckets: new[] { 1.0 }), DistricStatus.InvalidArgument
        },
        {
            "DSC012", $"[Metric(MetricKind.Gauge, \"g\", Help = \"{Help300}\")] public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", Help300), DistricStatus.InvalidArgument
        },
        { "DSC013", "[Metric((MetricKind)99, \"g\")] public partial class M;", new MetricDescriptor((MetricKind)99, "g", null), DistricStatus.InvalidArgument },
        {
            "DSC014", "[Metric(MetricKind.Info, \"g_info\")] [Label(\"v\", \"a\", \"b\")] public partial class M;",
            new MetricDescriptor(MetricKind.Info, "g_info", null, new[] { "v" }, new[] { new[] { "a", "b" } }), DistricStatus.InvalidArgument
        },
        {
            "DSC015", "[Metric(MetricKind.Gauge, \"g\", Exemplars = true)] public partial class M;",
            new MetricDescriptor(MetricKind.Gauge, "g", null) { Exemplars = true }, DistricStatus.InvalidArgument
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_run_time_message_is_the_build_time_message_with_the_rule_id(string id, string declaration, MetricDescriptor descriptor, DistricStatus status)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.DiagnosticsAsync(declaration);
        Diagnostic reported = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, reported.Id);
        string buildTime = reported.GetMessage(CultureInfo.InvariantCulture);

        // The registry's default cap is the build-time default (no DistricMaxCardinality property), so DSC002 compares the same numbers.
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => Register(registry, descriptor));

        Assert.Equal(status, ex.Status);
        string expected = id + ": " + buildTime;
        Assert.True(
            ex.Message == expected || ex.Message.StartsWith(expected + ". ", StringComparison.Ordinal),
            $"run time: {ex.Message}\nbuild time: {buildTime}");
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Every_rule_a_registration_can_break_has_a_case()
    {
        IEnumerable<string> shared = new MetricDeclarationAnalyzer().SupportedDiagnostics.Select(d => d.Id).Except(BuildTimeOnly);
        Assert.Equal(shared.OrderBy(i => i, StringComparer.Ordinal), Cases.Select(c => (string)c[0]).Distinct().OrderBy(i => i, StringComparer.Ordinal));
    }

    private static void Register(MetricRegistry registry, MetricDescriptor descriptor)
    {
        switch (descriptor.Kind)
        {
            case MetricKind.Counter:
                MetricRegistration.RegisterCounter(registry, descriptor);
                break;
            case MetricKind.Gauge:
                MetricRegistration.RegisterGauge(registry, descriptor);
                break;
            case MetricKind.Info:
                MetricRegistration.RegisterInfo(registry, descriptor);
                break;
            default:
                MetricRegistration.RegisterHistogram(registry, descriptor);
                break;
        }
    }

    private static string[] Values(int count) => Enumerable.Range(0, count).Select(i => "v" + i).ToArray();

    private static string Quoted(int count) => string.Join(", ", Values(count).Select(v => "\"" + v + "\""));
}
