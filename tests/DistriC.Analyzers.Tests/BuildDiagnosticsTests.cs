using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// A declaration mistake must reach the user of <c>dotnet build</c> as its DSC error, at the declaration.
/// The command-line compiler reports analyzer diagnostics only when the compilation has no compiler error,
/// so the generators give every rejected declaration a stand-in: these builds must show exactly the DSC
/// error, and no CS8795 (missing partial implementation) or CS1729/CS1061 from the consumer's calls.
/// </summary>
public sealed class BuildDiagnosticsTests
{
    private const string LoggingTemplate = """
        using System;
        using System.Collections.Generic;
        using DistriC;

        namespace Consumer;

        public static partial class Log
        {
            DECLARATION
        }

        public static class Program
        {
            public static void Run(JsonLogger logger)
            {
                CALL
            }
        }
        """;

    private const string MetricsTemplate = """
        using System;
        using DistriC;

        namespace Consumer;

        DECLARATION

        public static class Program
        {
            public static void Run(MetricRegistry registry)
            {
                CALL
            }
        }
        """;

    public static TheoryData<string, string, string> LoggingMistakes => new()
    {
        { "DSC101", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static void Started(this JsonLogger logger) { } //! DSC101", "logger.Started();" },
        { "DSC102", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Counts(this JsonLogger logger, List<int> counts); //! DSC102", "logger.Counts(new List<int>());" },
        { "DSC102", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Boxed(this JsonLogger logger, object value); //! DSC102", "logger.Boxed(1);" },
        { "DSC102", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Read(this JsonLogger logger, out int value); //! DSC102", "logger.Read(out int value);" },
        { "DSC103", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Twice(this JsonLogger logger, [LogField(\"id\")] int a, [LogField(\"id\")] int b); //! DSC103", "logger.Twice(1, 2);" },
        { "DSC104", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Reserved(this JsonLogger logger, string message); //! DSC104", "logger.Reserved(\"x\");" },
        { "DSC105", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void NoLogger(int attempt); //! DSC105", "Log.NoLogger(1);" },
        { "DSC106", "[LogEvent(LogLevel.Info, \"\", \"m\")] public static partial void NoComponent(this JsonLogger logger); //! DSC106", "logger.NoComponent();" },
        { "DSC107", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial int Count(this JsonLogger logger); //! DSC107", "int n = logger.Count();" },
        { "DSC107", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Of<T>(this JsonLogger logger) where T : class, new(); //! DSC107", "logger.Of<object>();" },
        { "DSC108", "[LogEvent((LogLevel)42, \"c\", \"m\")] public static partial void Odd(this JsonLogger logger); //! DSC108", "logger.Odd();" },
        { "DSC109", "[LogEvent(LogLevel.Info, \"c\", \"m\")] public static partial void Traced(this JsonLogger logger, string trace_id); //! DSC109", "logger.Traced(\"t\");" },
    };

    public static TheoryData<string, string, string> MetricMistakes => new()
    {
        {
            "DSC001",
            "[Flags] public enum Access { None = 0, Read = 1, Write = 2 }\n[Metric(MetricKind.Counter, \"access_total\")]\n[Label<Access>(\"access\")] //! DSC001\npublic sealed partial class AccessChecks;",
            "var m = new AccessChecks(registry); m.Inc(Access.Read); m.Add(Access.Write, 2); long v = m.Get(Access.Read); Console.WriteLine(AccessChecks.Cardinality);"
        },
        {
            "DSC001",
            "[Metric(MetricKind.Gauge, \"regions\")]\n[Label(\"region\")] //! DSC001\npublic sealed partial class Regions;",
            "var m = new Regions(registry); m.Set(default(Regions.Region), 1.0); m.Inc(default); m.Dec(default); m.Add(default, 2.0); double v = m.Get(default);"
        },
        {
            "DSC002",
            "[Metric(MetricKind.Counter, \"wide_total\")] //! DSC002\n" + Labels(8, 20) + "\npublic sealed partial class Wide;",
            "var m = new Wide(registry); m.Inc(" + string.Join(", ", Enumerable.Range(0, 8).Select(i => $"Wide.L{i}.V0")) + ");"
        },
        {
            "DSC002",
            "[Metric(MetricKind.Counter, \"capped_total\")] //! DSC002\n" + Labels(2, 101) + "\npublic sealed partial class Capped;",
            "var m = new Capped(registry); m.Inc(Capped.L0.V100, Capped.L1.V7);"
        },
        {
            "DSC004",
            "[Metric(MetricKind.Gauge, \"http-requests\")] //! DSC004\npublic sealed partial class Requests;",
            "var m = new Requests(registry); m.Set(1.0); m.Inc(); double v = m.Get();"
        },
        {
            "DSC005",
            "[Metric(MetricKind.Histogram, \"latency_seconds\")]\n[Label(\"le\", \"fast\", \"slow\")] //! DSC005\npublic sealed partial class Latency;",
            "var m = new Latency(registry); m.Observe(Latency.Le.Fast, 0.5); long n = m.GetCount(Latency.Le.Slow); double s = m.GetSum(Latency.Le.Slow);"
        },
        {
            "DSC005",
            "[Metric(MetricKind.Counter, \"twice_total\")]\n[Label(\"region\", \"eu\")]\n[Label(\"region\", \"us\")] //! DSC005\npublic sealed partial class Twice;",
            "var m = new Twice(registry); m.Inc(Twice.Region.Eu, Twice.Region.Eu);"
        },
        {
            "DSC006",
            "[Metric(MetricKind.Counter, \"jobs_total\")] public sealed partial class Jobs;\n[Metric(MetricKind.Counter, \"jobs_total\")] public sealed partial class MoreJobs; //! DSC006",
            "new Jobs(registry).Inc(); new MoreJobs(registry).Inc();"
        },
        {
            "DSC008",
            "[Metric(MetricKind.Counter, \"methods_total\")]\n[Label(\"method\", \"GET\", \"GET\", \"\")] //! DSC008 DSC008\npublic sealed partial class Methods;",
            "new Methods(registry).Inc(Methods.Method.GET);"
        },
        {
            "DSC009",
            "[Metric(MetricKind.Histogram, \"wait_seconds\", Buckets = new[] { 2.0, 1.0 })] //! DSC009\npublic sealed partial class Wait;",
            "new Wait(registry).Observe(1.0);"
        },
    };

    [Theory]
    [MemberData(nameof(LoggingMistakes))]
    public async Task A_log_event_mistake_builds_with_only_its_DSC_error(string rule, string declaration, string call)
    {
        Compilation output = await BuildHarness.VerifyAsync(LoggingTemplate.Replace("DECLARATION", declaration, StringComparison.Ordinal).Replace("CALL", call, StringComparison.Ordinal));
        Assert.StartsWith("DSC1", rule, StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8795");
    }

    [Theory]
    [MemberData(nameof(MetricMistakes))]
    public async Task A_metric_mistake_builds_with_only_its_DSC_error_while_the_consumer_calls_the_documented_members(string rule, string declaration, string call)
    {
        Compilation output = await BuildHarness.VerifyAsync(MetricsTemplate.Replace("DECLARATION", declaration, StringComparison.Ordinal).Replace("CALL", call, StringComparison.Ordinal));
        Assert.StartsWith("DSC0", rule, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task A_log_event_in_a_type_that_is_not_partial_gets_the_compiler_error_that_names_it_and_DSC101()
    {
        // No stand-in can be added to a type that is not partial; the compiler's own CS0751 ("must be declared
        // within a partial type") says what to do, and is what a command-line build shows.
        const string Source = """
            using DistriC;

            public static class Log //! DSC101
            {
                [LogEvent(LogLevel.Info, "c", "m")] public static partial void Started(this JsonLogger logger); //! CS0751 CS8795
            }
            """;
        await BuildHarness.VerifyAsync(Source);
    }

    [Fact]
    public async Task A_rejected_metric_is_not_in_the_catalog_and_a_valid_one_is()
    {
        const string Source = """
            using DistriC;

            [Metric(MetricKind.Counter, "ok_total")] public sealed partial class Ok;
            [Metric(MetricKind.Gauge, "bad-name")] public sealed partial class Bad; //! DSC004
            """;
        Compilation output = await BuildHarness.VerifyAsync(Source);
        string catalog = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("DistricMetricsCatalog.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("ok_total", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("bad-name", catalog, StringComparison.Ordinal);
    }

    /// <summary><paramref name="count"/> inline labels <c>l0</c>.. of <paramref name="values"/> values <c>v0</c>.. each.</summary>
    private static string Labels(int count, int values) =>
        string.Join("\n", Enumerable.Range(0, count).Select(i =>
            $"[Label(\"l{i}\", {string.Join(", ", Enumerable.Range(0, values).Select(v => $"\"v{v}\""))})]"));
}
