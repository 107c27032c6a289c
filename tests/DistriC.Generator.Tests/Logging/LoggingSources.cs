namespace DistriC.Generator.Tests.Logging;

/// <summary>Declarations shared by the snapshot, behaviour and incrementality tests.</summary>
internal static class LoggingSources
{
    public const string Http = """
        using DistriC;

        namespace Sample
        {
            public static partial class Log
            {
                [LogEvent(LogLevel.Info, "http", "Request received")]
                public static partial void RequestReceived(this JsonLogger logger, string method, string path, int status);
            }
        }
        """;

    public const string AllKinds = """
        using System;
        using DistriC;

        namespace Sample
        {
            public enum Outcome { Success, Failure, Alias = 0, @class = 5, [Obsolete] Old = 6 }

            public static partial class Kinds
            {
                [LogEvent(LogLevel.Warn, "types", "All \"types\" é")]
                public static partial DistricStatus AllTypes(this JsonLogger logger, char c, bool b, sbyte i8, byte u8, short i16, ushort u16, int i32, uint u32, long i64, ulong u64, float f, double d, decimal m, Guid g, DateTime dt, DateTimeOffset dto, TimeSpan ts, Outcome o, string? s);

                [LogEvent(LogLevel.Error, "nullable", "Nullables")]
                internal static partial void Nullables(JsonLogger logger, int? a, Outcome? b, DateTime? c, [LogField("renamed.field")] string? @event);

                [LogEvent(LogLevel.Fatal, "errors", "Failed")]
                public static partial void Failed(this JsonLogger logger, Exception? error);
            }

            public sealed partial class Worker
            {
                private readonly JsonLogger _logger;

                public Worker(JsonLogger logger) => _logger = logger;

                [LogEvent(LogLevel.Debug, "worker", "Tick")]
                public partial void Tick(int n);

                public sealed partial class Nested<T>
                {
                    private static JsonLogger Shared { get; } = new JsonLogger(System.IO.Stream.Null);

                    [LogEvent(LogLevel.Info, "worker", "Nested")]
                    private static partial void Ping(Outcome outcome);
                }
            }

            public static class AllocationProbe
            {
                /// <summary>Bytes allocated on this thread by 1000 calls of generated methods (after a warm-up).</summary>
                public static long Measure(JsonLogger logger)
                {
                    var worker = new Worker(logger);
                    for (int i = 0; i < 2; i++)
                    {
                        long before = GC.GetAllocatedBytesForCurrentThread();
                        for (int n = 0; n < 500; n++)
                        {
                            logger.AllTypes('x', true, -1, 1, -2, 2, -3, 3u, -4L, 4UL, 1.25f, 2.5, 3.75m, Guid.Empty, DateTime.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), (Outcome)n, "é\u0001\"");
                            Kinds.Nullables(logger, n, Outcome.Failure, null, null);
                            worker.Tick(n);
                        }

                        if (i == 1)
                        {
                            return GC.GetAllocatedBytesForCurrentThread() - before;
                        }
                    }

                    return -1;
                }
            }

            public sealed partial class OptionalLogger
            {
                public JsonLogger? Logger { get; set; }

                [LogEvent(LogLevel.Info, "optional", "Hello")]
                public partial DistricStatus Hello(string who);
            }
        }
        """;
}
