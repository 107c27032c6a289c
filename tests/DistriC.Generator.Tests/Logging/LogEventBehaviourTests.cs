using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace DistriC.Generator.Tests.Logging;

public sealed class LogEventBehaviourTests
{
    private const string Prefix = "{\"timestamp\":1704067200000,";
    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.Logging.BuildAndLoad(LoggingSources.Http, LoggingSources.AllKinds));

    private static string Run(Action<JsonLogger> log, LogLevel minimum = LogLevel.Debug)
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new LoggingTestClock(), MinimumLevel = minimum }))
        {
            log(logger);
        }

        string text = Encoding.UTF8.GetString(output.ToArray());
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument parsed = JsonDocument.Parse(line);
        }

        return text;
    }

    private static object? Call(string type, string method, params object?[] args) =>
        Compiled.Value.GetType(type, throwOnError: true)!
            .GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)!
            .Invoke(null, args);

    [Fact]
    public void The_three_field_event_writes_the_documented_line()
    {
        string text = Run(logger => Call("Sample.Log", "RequestReceived", logger, "GET", "/api", 200));
        Assert.Equal(Prefix + "\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"method\":\"GET\",\"path\":\"/api\",\"status\":200}\n", text);
    }

    [Fact]
    public void Every_supported_type_keeps_its_json_type()
    {
        var guid = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        object? status = null;
        string text = Run(logger => status = Call(
            "Sample.Kinds", "AllTypes", logger, '"', true, (sbyte)-8, (byte)8, (short)-16, (ushort)16, -32, 32u, long.MinValue, ulong.MaxValue,
            1.5f, 0.1, 2.50m, guid, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)),
            TimeSpan.FromSeconds(90), Enum.ToObject(Compiled.Value.GetType("Sample.Outcome")!, 5), null));

        Assert.Equal(DistricStatus.Ok, status);
        Assert.Equal(
            Prefix + "\"level\":\"WARN\",\"component\":\"types\",\"message\":\"All \\\"types\\\" é\",\"c\":\"\\\"\",\"b\":true,\"i8\":-8,\"u8\":8,\"i16\":-16,\"u16\":16," +
            "\"i32\":-32,\"u32\":32,\"i64\":-9223372036854775808,\"u64\":18446744073709551615,\"f\":1.5,\"d\":0.1,\"m\":2.50," +
            "\"g\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"dt\":\"2024-01-02T03:04:05.0000000Z\",\"dto\":\"2024-01-02T03:04:05.0000000-05:00\"," +
            "\"ts\":\"00:01:30\",\"o\":\"class\",\"s\":null}\n",
            text);
    }

    [Fact]
    public void Nullable_values_enum_aliases_unnamed_enum_values_and_renamed_fields()
    {
        Type outcome = Compiled.Value.GetType("Sample.Outcome")!;
        string text = Run(logger =>
        {
            Call("Sample.Kinds", "Nullables", logger, 7, Enum.ToObject(outcome, 0), null, "x");
            Call("Sample.Kinds", "Nullables", logger, null, Enum.ToObject(outcome, 42), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), null);
        });

        string header = Prefix + "\"level\":\"ERROR\",\"component\":\"nullable\",\"message\":\"Nullables\",";
        Assert.Equal(
            header + "\"a\":7,\"b\":\"Success\",\"c\":null,\"renamed.field\":\"x\"}\n" +
            header + "\"a\":null,\"b\":\"42\",\"c\":\"2024-01-01T00:00:00.0000000Z\",\"renamed.field\":null}\n",
            text);
    }

    [Fact]
    public void Exceptions_are_written_as_a_nested_object()
    {
        var error = new InvalidOperationException("boom");
        string text = Run(logger => Call("Sample.Kinds", "Failed", logger, error));
        using JsonDocument line = JsonDocument.Parse(text);
        JsonElement written = line.RootElement.GetProperty("error");
        Assert.Equal("System.InvalidOperationException", written.GetProperty("type").GetString());
        Assert.Equal("boom", written.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("stack_trace").ValueKind);
    }

    [Fact]
    public void Instance_methods_write_to_the_logger_field_of_their_class()
    {
        string text = Run(logger =>
        {
            object worker = Activator.CreateInstance(Compiled.Value.GetType("Sample.Worker")!, logger)!;
            worker.GetType().GetMethod("Tick")!.Invoke(worker, new object[] { 3 });
        });

        Assert.Equal(Prefix + "\"level\":\"DEBUG\",\"component\":\"worker\",\"message\":\"Tick\",\"n\":3}\n", text);
    }

    [Fact]
    public void Disabled_levels_write_nothing_and_report_ok_and_oversized_entries_report_overflow()
    {
        object? status = null;
        string text = Run(
            logger =>
            {
                Call("Sample.Log", "RequestReceived", logger, "GET", "/", 200);
                status = Call("Sample.Kinds", "AllTypes", logger, 'c', true, (sbyte)0, (byte)0, (short)0, (ushort)0, 0, 0u, 0L, 0UL, 0f, 0d, 0m, Guid.Empty,
                    DateTime.MinValue, DateTimeOffset.MinValue, TimeSpan.Zero, Enum.ToObject(Compiled.Value.GetType("Sample.Outcome")!, 0), new string('x', 5000));
            },
            LogLevel.Warn);

        Assert.Equal(string.Empty, text);
        Assert.Equal(DistricStatus.BufferOverflow, status);
    }

    [Fact]
    public void A_nullable_logger_property_is_used_when_set_and_reports_invalid_argument_when_null()
    {
        object instance = Activator.CreateInstance(Compiled.Value.GetType("Sample.OptionalLogger")!)!;
        MethodInfo hello = instance.GetType().GetMethod("Hello")!;
        Assert.Equal(DistricStatus.InvalidArgument, hello.Invoke(instance, new object[] { "nobody" }));

        string text = Run(logger =>
        {
            instance.GetType().GetProperty("Logger")!.SetValue(instance, logger);
            Assert.Equal(DistricStatus.Ok, hello.Invoke(instance, new object[] { "world" }));
        });
        Assert.Equal(Prefix + "\"level\":\"INFO\",\"component\":\"optional\",\"message\":\"Hello\",\"who\":\"world\"}\n", text);
    }

    [Fact]
    public void Generated_methods_allocate_nothing_in_steady_state()
    {
        using var logger = new JsonLogger(Stream.Null, new JsonLoggerOptions { RingCapacity = 1 << 22 });
        Assert.Equal(0L, Call("Sample.AllocationProbe", "Measure", logger));
        Assert.Equal(0, logger.OversizedDropCount);
    }

    [Fact]
    public void A_null_logger_is_ignored_instead_of_throwing()
    {
        Call("Sample.Log", "RequestReceived", null, "GET", "/", 200);
    }
}

internal sealed class LoggingTestClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
