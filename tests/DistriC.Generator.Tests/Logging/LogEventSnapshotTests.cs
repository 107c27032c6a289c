using System.Collections.Generic;

namespace DistriC.Generator.Tests.Logging;

public sealed class LogEventSnapshotTests
{
    [Fact]
    public void Extension_method_output_matches_the_snapshot()
    {
        IReadOnlyDictionary<string, string> files = LoggingGeneratorHarness.Run(LoggingSources.Http).Files;
        Assert.Equal(new[] { "Sample.Log.Log.g.cs" }, files.Keys);
        LoggingGeneratorHarness.VerifySnapshot("Http", files["Sample.Log.Log.g.cs"]);
    }

    [Fact]
    public void All_kinds_output_matches_the_snapshots_with_one_file_per_type()
    {
        IReadOnlyDictionary<string, string> files = LoggingGeneratorHarness.Run(LoggingSources.AllKinds).Files;
        Assert.Equal(
            new[] { "Sample.Kinds.Log.g.cs", "Sample.OptionalLogger.Log.g.cs", "Sample.Worker.Log.g.cs", "Sample.Worker.Nested_T_.Log.g.cs" },
            new SortedSet<string>(files.Keys, System.StringComparer.Ordinal));
        LoggingGeneratorHarness.VerifySnapshot("Kinds", files["Sample.Kinds.Log.g.cs"]);
        LoggingGeneratorHarness.VerifySnapshot("Worker", files["Sample.Worker.Log.g.cs"]);
        LoggingGeneratorHarness.VerifySnapshot("WorkerNested", files["Sample.Worker.Nested_T_.Log.g.cs"]);
        LoggingGeneratorHarness.VerifySnapshot("OptionalLogger", files["Sample.OptionalLogger.Log.g.cs"]);
    }

    [Fact]
    public void Output_is_identical_whatever_the_order_of_source_files()
    {
        IReadOnlyDictionary<string, string> forward = LoggingGeneratorHarness.Run(LoggingSources.Http, LoggingSources.AllKinds).Files;
        IReadOnlyDictionary<string, string> backward = LoggingGeneratorHarness.Run(LoggingSources.AllKinds, LoggingSources.Http).Files;
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Invalid_declarations_produce_no_output_and_no_generator_exception()
    {
        const string Source = """
            using DistriC;
            public static partial class Bad
            {
                [LogEvent(LogLevel.Info, "", "m")] static partial void EmptyComponent(this JsonLogger l);
                [LogEvent(LogLevel.Info, "c", "m")] static partial void Unsupported(this JsonLogger l, object o);
                [LogEvent(LogLevel.Info, "c", "m")] static partial void Reserved(this JsonLogger l, string message);
                [LogEvent(LogLevel.Info, "c", "m")] static partial void NoLogger(int x);
                [LogEvent((LogLevel)9, "c", "m")] static partial void BadLevel(this JsonLogger l);
                [LogEvent(LogLevel.Info, "c", "m")] static void NotPartial(this JsonLogger l) { }
                [LogEvent(LogLevel.Info, "c", "m")] static partial void Generic<T>(this JsonLogger l);
            }
            """;
        Assert.Empty(LoggingGeneratorHarness.Run(Source).Files);
    }
}
