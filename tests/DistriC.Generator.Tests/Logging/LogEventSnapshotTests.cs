using System.Collections.Generic;
using System.Linq;

namespace DistriC.Generator.Tests.Logging;

public sealed class LogEventSnapshotTests
{
    [Fact]
    public void Extension_method_output_matches_the_snapshot()
    {
        IReadOnlyDictionary<string, string> files = GeneratorHarness.Logging.Generate(LoggingSources.Http).Files;
        Assert.Equal(new[] { "Sample.Log.Log.g.cs" }, files.Keys);
        Snapshot.VerifyNextToTest("Http", files["Sample.Log.Log.g.cs"]);
    }

    [Fact]
    public void All_kinds_output_matches_the_snapshots_with_one_file_per_type()
    {
        IReadOnlyDictionary<string, string> files = GeneratorHarness.Logging.Generate(LoggingSources.AllKinds).Files;
        Assert.Equal(
            new[] { "Sample.Kinds.Log.g.cs", "Sample.OptionalLogger.Log.g.cs", "Sample.Worker.Log.g.cs", "Sample.Worker.Nested_T_.Log.g.cs" },
            new SortedSet<string>(files.Keys, System.StringComparer.Ordinal));
        Snapshot.VerifyNextToTest("Kinds", files["Sample.Kinds.Log.g.cs"]);
        Snapshot.VerifyNextToTest("Worker", files["Sample.Worker.Log.g.cs"]);
        Snapshot.VerifyNextToTest("WorkerNested", files["Sample.Worker.Nested_T_.Log.g.cs"]);
        Snapshot.VerifyNextToTest("OptionalLogger", files["Sample.OptionalLogger.Log.g.cs"]);
    }

    [Fact]
    public void Output_is_identical_whatever_the_order_of_source_files()
    {
        IReadOnlyDictionary<string, string> forward = GeneratorHarness.Logging.Generate(LoggingSources.Http, LoggingSources.AllKinds).Files;
        IReadOnlyDictionary<string, string> backward = GeneratorHarness.Logging.Generate(LoggingSources.AllKinds, LoggingSources.Http).Files;
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Invalid_declarations_get_stand_ins_that_compile_cleanly_and_no_generator_exception()
    {
        const string Source = """
            using System.Collections.Generic;
            using DistriC;
            namespace Sample;
            public static partial class Bad
            {
                [LogEvent(LogLevel.Info, "", "m")] static partial void EmptyComponent(this JsonLogger l);
                [LogEvent(LogLevel.Info, "c", "m")] public static partial void Unsupported(this JsonLogger l, object o, List<int>? counts);
                [LogEvent(LogLevel.Info, "c", "m")] internal static partial DistricStatus Reserved(this JsonLogger l, string message);
                [LogEvent(LogLevel.Info, "c", "m")] public static partial void NoLogger(int x, out string? text, ref int count, in long total, params int[] rest);
                [LogEvent((LogLevel)9, "c", "m")] static partial void BadLevel(this JsonLogger l);
                [LogEvent(LogLevel.Info, "c", "m")] static void NotPartial(this JsonLogger l) { }
                [LogEvent(LogLevel.Info, "c", "m")] public static partial int Generic<T, @class>(this JsonLogger l, T value) where T : class?, IComparable<T>, new() where @class : struct;
                [LogEvent(LogLevel.Info, "c", "m")] public static partial ref int ByRef(this JsonLogger l);
            }
            """;
        (IReadOnlyDictionary<string, string> files, Microsoft.CodeAnalysis.Compilation output) = GeneratorHarness.Logging.Generate(Source.Replace("IComparable", "System.IComparable", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "Sample.Bad.LogStandIn.g.cs" }, files.Keys);
        Snapshot.VerifyNextToTest("StandIn", files["Sample.Bad.LogStandIn.g.cs"]);
        Microsoft.CodeAnalysis.SyntaxTree generated = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Sample.Bad.LogStandIn.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Location.SourceTree == generated || d.Id == "CS8795"));
    }
}
