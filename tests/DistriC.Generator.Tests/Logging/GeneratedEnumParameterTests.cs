using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DistriC.Generator.Logging;
using DistriC.Generator.Metrics;
using DistriC.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generator.Tests.Logging;

/// <summary>
/// <c>[LogEvent]</c> parameters typed by enums that other generators make (the label enums of <c>[Metric]</c>
/// classes, or any generator's): generators do not see each other's output, so the logging generator emits the
/// generic <c>LogEntryWriter.AppendEnum</c>, bound by the compiler in the final compilation. The consumer is
/// compiled as strictly as ours (nullable, every warning an error) with all generators running together.
/// </summary>
public sealed class GeneratedEnumParameterTests
{
    private static readonly Lazy<Assembly> ThroughGenerators = new(() => BuildAndLoad(withOtherGenerator: true, GeneratedEnumSources.Consumer));
    private static readonly Lazy<Assembly> ThroughSource = new(() => BuildAndLoad(withOtherGenerator: false, GeneratedEnumSources.Consumer, GeneratedEnumSources.OtherEnums));

    private static readonly GeneratorHarness WithOtherGenerator = new(LanguageVersion.Latest, new MetricsGenerator(), new LogEventGenerator(), new OtherEnumGenerator());
    private static readonly GeneratorHarness WithoutOtherGenerator = new(LanguageVersion.Latest, new MetricsGenerator(), new LogEventGenerator());

    private static GeneratorHarness Harness(bool withOtherGenerator) => withOtherGenerator ? WithOtherGenerator : WithoutOtherGenerator;

    private static (Compilation Output, GeneratorDriver Driver) Run(bool withOtherGenerator, params string[] sources) =>
        Harness(withOtherGenerator).Run(Harness(withOtherGenerator).Compilation(sources));

    private static Assembly BuildAndLoad(bool withOtherGenerator, params string[] sources) =>
        GeneratorHarness.Load(Run(withOtherGenerator, sources).Output);

    private static object Value(Assembly assembly, string type, long value) => Enum.ToObject(assembly.GetType(type, throwOnError: true)!, value);

    private static object Value(Assembly assembly, string type, ulong value) => Enum.ToObject(assembly.GetType(type, throwOnError: true)!, value);

    private static string Log(Assembly assembly, Action<Func<string, object?[], object?>> calls)
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new LoggingTestClock() }))
        {
            Type log = assembly.GetType("Sample.EnumLog", throwOnError: true)!;
            calls((method, arguments) => log.GetMethod(method)!.Invoke(null, arguments.Prepend(logger).ToArray()));
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string LogOtherEnums(Assembly a) => Log(a, call =>
    {
        call("Other", new[] { Value(a, "Sample.Region", -3), Value(a, "Sample.Access", 3), Value(a, "Sample.Big", ulong.MaxValue), null });
        call("Other", new[] { Value(a, "Sample.Region", 7), Value(a, "Sample.Access", 128), Value(a, "Sample.Big", 2), Value(a, "Sample.Region", 1000) });
        call("Other", new[] { Value(a, "Sample.Region", -1), Value(a, "Sample.Access", 0), Value(a, "Sample.Big", 1), Value(a, "Sample.Region", -7) });
    });

    [Fact]
    public void Label_enums_of_a_metric_class_are_written_by_member_name()
    {
        Assembly a = ThroughGenerators.Value;
        string text = Log(a, call =>
        {
            call("Request", new[] { Value(a, "Sample.SampleRequests+Method", 0), Value(a, "Sample.SampleRequests+Status", 0), null });
            call("Request", new[] { Value(a, "Sample.SampleRequests+Method", 9), Value(a, "Sample.SampleRequests+Status", 1), Value(a, "Sample.SampleRequests+Method", 1) });
        });

        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal("GET", first.RootElement.GetProperty("method").GetString());
        Assert.Equal("_2xx", first.RootElement.GetProperty("status").GetString()); // the member name, as for every enum ("2xx" is its label value)
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("previous").ValueKind);
        Assert.Equal("9", second.RootElement.GetProperty("method").GetString()); // no member: its number, as a string
        Assert.Equal("_5xx", second.RootElement.GetProperty("status").GetString());
        Assert.Equal("POST", second.RootElement.GetProperty("previous").GetString());
        Assert.Equal(
            "{\"timestamp\":1704067200000,\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request\",\"method\":\"GET\",\"status\":\"_2xx\",\"previous\":null}",
            lines[0]);
    }

    [Fact]
    public void Sparse_negative_flags_and_ulong_enums_of_another_generator_are_written_exactly()
    {
        string text = LogOtherEnums(ThroughGenerators.Value);

        string header = "{\"timestamp\":1704067200000,\"level\":\"WARN\",\"component\":\"other\",\"message\":\"Other\",";
        Assert.Equal(
            header + "\"region\":\"West\",\"access\":\"3\",\"big\":\"Max\",\"maybe\":null}\n" +
            header + "\"region\":\"East\",\"access\":\"Admin\",\"big\":\"2\",\"maybe\":\"South\"}\n" +
            header + "\"region\":\"-1\",\"access\":\"None\",\"big\":\"One\",\"maybe\":\"-7\"}\n",
            text);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument parsed = JsonDocument.Parse(line);
        }
    }

    [Fact]
    public void The_generic_path_writes_what_the_compile_time_switch_writes_for_the_same_enums()
    {
        // Same consumer, but the enums are plain source the logging generator sees: it emits its switch instead.
        Assert.Equal(LogOtherEnums(ThroughSource.Value), LogOtherEnums(ThroughGenerators.Value));
    }

    [Fact]
    public void Generated_enum_parameters_allocate_nothing_in_steady_state()
    {
        using var logger = new JsonLogger(Stream.Null, new JsonLoggerOptions { RingCapacity = 1 << 22 });
        Assert.Equal(0L, GeneratorHarness.Call(ThroughGenerators.Value, "Sample.EnumAllocationProbe", "Measure", logger));
    }

    [Fact]
    public void The_emitted_call_matches_the_snapshot()
    {
        (_, GeneratorDriver driver) = Run(withOtherGenerator: true, GeneratedEnumSources.Consumer);
        GeneratedSourceResult file = driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .Single(s => s.HintName == "Sample.EnumLog.Log.g.cs");
        Snapshot.VerifyNextToTest("GeneratedEnums", file.SourceText.ToString());
    }

    [Fact]
    public void Rerunning_on_a_cloned_compilation_caches_every_logging_step()
    {
        Compilation input = WithOtherGenerator.Compilation(GeneratedEnumSources.Consumer);
        GeneratorDriver driver = WithOtherGenerator.Driver().RunGenerators(input).RunGenerators(input.Clone());
        GeneratorRunResult logging = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(LogEventGenerator));
        foreach (string step in new[] { TrackingNames.LogEventMethods, TrackingNames.LogEventTypes })
        {
            var outputs = logging.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
            Assert.All(outputs, o => Assert.False(o.Value is ISymbol or SyntaxNode or Compilation, step + " leaks a Roslyn object"));
        }
    }

    [Fact]
    public void A_misspelt_type_gets_the_compiler_error_for_that_name_and_no_other()
    {
        const string Typo = """
            using DistriC;
            namespace Sample
            {
                [Metric(MetricKind.Counter, "sample_requests_total")]
                [Label("status", "2xx", "5xx")]
                public sealed partial class SampleRequests;

                public static partial class EnumLog
                {
                    [LogEvent(LogLevel.Info, "http", "Request")]
                    public static partial void Request(this JsonLogger logger, SampleRequests.Statuss status);
                }
            }
            """;
        (Compilation output, GeneratorDriver driver) = Run(withOtherGenerator: false, Typo);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("Sample.EnumLog.Log.g.cs", StringComparison.Ordinal));

        Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.NotEmpty(errors);
        // CS0426 "The type name 'Statuss' does not exist in the type 'SampleRequests'": at the declaration and at its
        // generated implementation, which must repeat the type. No CS8795 (missing implementation), nothing else.
        Assert.All(errors, e => Assert.Equal("CS0426", e.Id));
        Assert.All(errors, e => Assert.Contains("'Statuss'", e.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(2, errors.Length);
    }
}
