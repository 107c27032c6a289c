namespace DistriC.Package.Tests;

/// <summary>
/// Program.cs of a consumer with one mistake per DSC1xx rule and three DSC0xx rules, in the shapes a user writes (public
/// partial methods, members of the rejected metrics called from the program). Each line where the build must report a
/// diagnostic ends with <c>// expect: ID</c>; the test reads the expectations from these markers.
/// </summary>
internal static class MistakesConsumerSource
{
    public const string Program = """
        using DistriC;

        namespace Consumer;

        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "http", "Not partial")]
            public static void NotPartial(this JsonLogger logger, int status) { } // expect: DSC101

            [LogEvent(LogLevel.Info, "http", "Unsupported")]
            public static partial void Unsupported(this JsonLogger logger, List<int> ids); // expect: DSC102

            [LogEvent(LogLevel.Info, "http", "Duplicate")]
            public static partial void Duplicate(this JsonLogger logger, [LogField("id")] int first, [LogField("id")] int second); // expect: DSC103

            [LogEvent(LogLevel.Info, "http", "Reserved")]
            public static partial void Reserved(this JsonLogger logger, string level); // expect: DSC104

            [LogEvent(LogLevel.Info, "http", "No logger")]
            public static partial void NoLogger(int status); // expect: DSC105

            [LogEvent(LogLevel.Info, "", "Empty component")] // expect: DSC106
            public static partial void EmptyComponent(this JsonLogger logger, int status);

            [LogEvent(LogLevel.Info, "http", "Returns text")]
            public static partial string ReturnsText(this JsonLogger logger, int status); // expect: DSC107

            [LogEvent((LogLevel)42, "http", "Undefined level")] // expect: DSC108
            public static partial void UndefinedLevel(this JsonLogger logger, int status);
        }

        [Flags]
        public enum Features { None = 0, Search = 1, Export = 2 }

        [Metric(MetricKind.Counter, "feature_uses_total")]
        [Label<Features>("feature")] // expect: DSC001
        public sealed partial class FeatureUses;

        [Metric(MetricKind.Counter, "bad-name_total")] // expect: DSC004
        public sealed partial class BadName;

        [Metric(MetricKind.Gauge, "queue_depth")]
        public sealed partial class QueueDepth;

        [Metric(MetricKind.Gauge, "queue_depth")] // expect: DSC006
        public sealed partial class QueueDepthAgain;

        public static class Program
        {
            public static void Main()
            {
                var registry = new MetricRegistry();
                new FeatureUses(registry).Inc(Features.Search);
                new BadName(registry).Inc();
                new QueueDepth(registry).Set(1);
                new QueueDepthAgain(registry).Set(2);
                using var logger = new JsonLogger(Stream.Null);
                logger.NotPartial(200);
                logger.Unsupported([1, 2]);
                logger.Duplicate(1, 2);
                logger.Reserved("x");
                Log.NoLogger(200);
                logger.EmptyComponent(200);
                Console.WriteLine(logger.ReturnsText(200));
                logger.UndefinedLevel(200);
            }
        }
        """;
}
