using System.Threading.Tasks;

namespace DistriC.Analyzers.Tests.Logging;

public sealed class LogEventAnalyzerTests
{
    [Fact]
    public Task Empty_source_gives_no_diagnostics() => LoggingAnalyzerHarness.VerifyAsync(string.Empty);

    [Fact]
    public Task Valid_declarations_give_no_diagnostics() => LoggingAnalyzerHarness.VerifyAsync("""
        public enum Outcome { Ok, Failed }
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "http", "Request received")]
            public static partial void RequestReceived(this JsonLogger logger, string method, string? path, int status, Outcome? outcome, Exception? error, [LogField("http.duration")] TimeSpan duration);

            [LogEvent(LogLevel.Warn, "http", "Slow")]
            public static partial DistricStatus Slow(JsonLogger logger, double seconds, decimal cost, Guid id, DateTimeOffset at, char c, bool b, nint n);
        }
        public sealed partial class Worker
        {
            private JsonLogger Logger { get; } = new JsonLogger(System.IO.Stream.Null);
            [LogEvent(LogLevel.Debug, "worker", "Tick")]
            partial void Tick(ulong n);
        }
        """);

    [Fact]
    public Task DSC101_method_not_partial() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            public static void {|DSC101:NotPartial|}(this JsonLogger logger) { }
        }
        """);

    [Fact]
    public Task DSC101_containing_type_not_partial() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Outer
        {
            public static class {|DSC101:Inner|}
            {
                [LogEvent(LogLevel.Info, "c", "m")]
                static partial void M(this JsonLogger logger);
            }
        }
        """);

    [Fact]
    public Task DSC102_unsupported_parameter_types() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void M(this JsonLogger logger, object {|DSC102:boxed|}, int[] {|DSC102:array|}, ref int {|DSC102:byRef|}, System.Collections.Generic.List<int> {|DSC102:list|}, int ok);
        }
        """);

    [Fact]
    public Task DSC102_accepts_the_label_enum_a_metric_class_generates_and_still_rejects_the_class() => LoggingAnalyzerHarness.VerifyAsync(
        """
        [Metric(MetricKind.Counter, "requests_total")]
        [Label("method", "GET", "POST")]
        public sealed partial class Requests;

        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void M(this JsonLogger logger, Requests.Method method, Requests.Method? previous, Requests {|DSC102:requests|});
        }
        """,
        afterMetricsGenerator: true);

    [Fact]
    public Task DSC102_is_not_piled_onto_the_compiler_error_of_a_missing_type() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void M(this JsonLogger logger, NoSuchType missing, NoSuchType? maybe);
        }
        """);

    [Fact]
    public Task DSC103_duplicate_field_name() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void M(this JsonLogger logger, [LogField("user")] string name, int {|DSC103:user|});
        }
        """);

    [Fact]
    public Task DSC104_reserved_field_names() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void M(this JsonLogger logger, string {|DSC104:message|}, [LogField("timestamp")] long {|DSC104:at|}, string level2);
        }
        """);

    [Fact]
    public Task DSC105_no_logger() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void {|DSC105:NoParameter|}(int x);
        }
        public sealed partial class TwoLoggers
        {
            private JsonLogger? _a;
            private JsonLogger? _b;
            [LogEvent(LogLevel.Info, "c", "m")]
            partial void {|DSC105:Ambiguous|}();
        }
        public sealed partial class InstanceOnly
        {
            private JsonLogger? _logger;
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void {|DSC105:StaticCannotUseInstanceField|}();
        }
        """);

    [Fact]
    public Task DSC106_empty_component_message_or_field_name() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, {|DSC106:""|}, {|DSC106:""|})]
            static partial void M(this JsonLogger logger);

            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void N(this JsonLogger logger, [LogField("")] int {|DSC106:x|});
        }
        """);

    [Fact]
    public Task DSC107_invalid_signature() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            public static partial int {|DSC107:ReturnsInt|}(this JsonLogger logger);

            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void {|DSC107:Generic|}<T>(this JsonLogger logger);
        }
        """);

    [Fact]
    public Task DSC108_undefined_level() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent({|DSC108:(LogLevel)9|}, "c", "m")]
            static partial void M(this JsonLogger logger);
        }
        """);

    [Fact]
    public Task DSC109_trace_context_field_names() => LoggingAnalyzerHarness.VerifyAsync("""
        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void M(this JsonLogger logger, string {|DSC109:trace_id|}, [LogField("span_id")] string {|DSC109:other|});

            [LogEvent(LogLevel.Info, "c", "m")]
            static partial void Renamed(this JsonLogger logger, [LogField("order_trace")] string trace_id, string spanId);
        }
        """);
}
