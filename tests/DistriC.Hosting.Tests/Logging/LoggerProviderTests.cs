using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DistriC.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests.Logging;

// These tests drive the provider through the everyday ILogger extension methods on purpose: their message templates and
// argument arrays are what framework and application code hand to a provider (CA1848/CA1873 want LoggerMessage delegates,
// CA1727 PascalCase holes; the lower-case holes below test the name-clash handling).
#pragma warning disable CA1848, CA1873, CA1727

public sealed class LoggerProviderTests
{
    [Fact]
    public void Every_level_maps_onto_the_json_levels_and_None_writes_nothing()
    {
        using var host = new LoggingHost(o => o.Logging.TimeProvider = new FixedClock());
        ILogger logger = host.CreateLogger("levels");

        foreach (MelLogLevel level in Enum.GetValues<MelLogLevel>())
        {
            logger.Log(level, "at {Level}", level);
        }

        Assert.False(logger.IsEnabled(MelLogLevel.None));
        // Straight to the provider's logger as well, past the logging framework's own filters.
        using var bridge = new DistricLoggerProvider(host.JsonLogger);
        ILogger direct = bridge.CreateLogger("direct");
        Assert.False(direct.IsEnabled(MelLogLevel.None));
        direct.Log(MelLogLevel.None, "never {Level}", MelLogLevel.None);
        direct.Log((MelLogLevel)42, "never {Level}", 42);
        IReadOnlyList<JsonElement> lines = host.Finish();
        Assert.Equal(["DEBUG", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"], lines.Select(l => JsonLines.Text(l, "level")));
        Assert.Equal(
            ["at Trace", "at Debug", "at Information", "at Warning", "at Error", "at Critical"],
            lines.Select(l => JsonLines.Text(l, "message")));
        Assert.All(lines, l => Assert.Equal(FixedClock.UnixMilliseconds, l.GetProperty("timestamp").GetInt64()));
        Assert.All(lines, l => Assert.Equal(["timestamp", "level", "component", "message", "Level"], JsonLines.Names(l)));
    }

    [Fact]
    public void Levels_below_the_json_loggers_minimum_are_disabled_and_write_nothing()
    {
        using var host = new LoggingHost(o => o.Logging.MinimumLevel = DistriC.LogLevel.Warn);
        ILogger logger = host.CreateLogger("quiet");

        Assert.False(logger.IsEnabled(MelLogLevel.Trace));
        Assert.False(logger.IsEnabled(MelLogLevel.Debug));
        Assert.False(logger.IsEnabled(MelLogLevel.Information));
        Assert.True(logger.IsEnabled(MelLogLevel.Warning));
        Assert.True(logger.IsEnabled(MelLogLevel.Critical));
        logger.LogDebug("debug");
        logger.LogInformation("info");
        logger.LogWarning("warn");

        // The level can be changed at run time; the ILogger follows it.
        host.JsonLogger.MinimumLevel = DistriC.LogLevel.Debug;
        Assert.True(logger.IsEnabled(MelLogLevel.Trace));
        logger.LogTrace("trace after lowering");

        IReadOnlyList<JsonElement> lines = host.Finish();
        Assert.Equal(["warn", "trace after lowering"], lines.Select(l => JsonLines.Text(l, "message")));
    }

    [Fact]
    public void Structured_state_becomes_typed_fields_with_category_as_component_and_event_id()
    {
        using var host = new LoggingHost();
        const string hostile = "quote\" backslash\\ newline\n tab\t nul\0 bell\u0007 emoji\U0001F600 lone\uD800";
        ILogger logger = host.CreateLogger("Shop.Orders \"checkout\"");
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        using (logger.BeginScope("scopes are ignored {Scope}", 1))
        {
            logger.LogInformation(
                new EventId(42, "OrderPlaced"),
                "Order {OrderId} by {Customer}: {Amount} {Ratio} paid={Paid} at {When} ref {Ref} kind {Kind} items {Items} none {Missing} big {Big}",
                17, hostile, 12.50m, 0.25, true, when, id, DayOfWeek.Friday, new[] { 1, 2, 3 }, null, ulong.MaxValue);
        }

        JsonElement line = Assert.Single(host.Finish());
        Assert.Equal(
            ["timestamp", "level", "component", "message", "event_id", "event_name",
             "OrderId", "Customer", "Amount", "Ratio", "Paid", "When", "Ref", "Kind", "Items", "Missing", "Big"],
            JsonLines.Names(line));
        Assert.Equal("INFO", JsonLines.Text(line, "level"));
        Assert.Equal("Shop.Orders \"checkout\"", JsonLines.Text(line, "component"));
        Assert.StartsWith("Order 17 by quote\" backslash\\ newline\n", JsonLines.Text(line, "message"), StringComparison.Ordinal);
        Assert.Equal(42, line.GetProperty("event_id").GetInt32());
        Assert.Equal("OrderPlaced", JsonLines.Text(line, "event_name"));
        Assert.Equal(17, line.GetProperty("OrderId").GetInt32());
        Assert.Equal(hostile.Replace("\uD800", "\uFFFD", StringComparison.Ordinal), JsonLines.Text(line, "Customer"));
        Assert.Equal(12.50m, line.GetProperty("Amount").GetDecimal());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("Ratio").ValueKind);
        Assert.Equal(0.25, line.GetProperty("Ratio").GetDouble());
        Assert.Equal(JsonValueKind.True, line.GetProperty("Paid").ValueKind);
        Assert.Equal("2024-05-06T07:08:09.0000000+02:00", JsonLines.Text(line, "When"));
        Assert.Equal(id.ToString(), JsonLines.Text(line, "Ref"));
        Assert.Equal("Friday", JsonLines.Text(line, "Kind"));
        Assert.Equal([1, 2, 3], line.GetProperty("Items").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("Missing").ValueKind);
        Assert.Equal(ulong.MaxValue, line.GetProperty("Big").GetUInt64());
    }

    [Fact]
    public void State_fields_never_shadow_the_lines_own_fields()
    {
        using var host = new LoggingHost();
        ILogger logger = host.CreateLogger("clash");

        logger.LogWarning(new EventId(7), "{message} {level} {component} {timestamp} {event_id} {exception} {Message}", "m", "l", "c", "t", "e", "x", "M");

        JsonElement line = Assert.Single(host.Finish());
        Assert.Equal(
            ["timestamp", "level", "component", "message", "event_id",
             "state.message", "state.level", "state.component", "state.timestamp", "state.event_id", "state.exception", "Message"],
            JsonLines.Names(line));
        Assert.Equal("m l c t e x M", JsonLines.Text(line, "message"));
        Assert.Equal("WARN", JsonLines.Text(line, "level"));
        Assert.Equal("m", JsonLines.Text(line, "state.message"));
        Assert.Equal(7, line.GetProperty("event_id").GetInt32());
    }

    [Fact]
    public void An_exception_is_written_as_an_object_after_the_fields()
    {
        using var host = new LoggingHost();
        ILogger logger = host.CreateLogger("errors");
        InvalidOperationException error = Thrown(new InvalidOperationException("broken \"pipe\""));

        logger.LogError(error, "Payment {PaymentId} failed", 99);

        JsonElement line = Assert.Single(host.Finish());
        Assert.Equal(["timestamp", "level", "component", "message", "PaymentId", "exception"], JsonLines.Names(line));
        Assert.Equal("ERROR", JsonLines.Text(line, "level"));
        Assert.Equal("Payment 99 failed", JsonLines.Text(line, "message"));
        JsonElement exception = line.GetProperty("exception");
        Assert.Equal("System.InvalidOperationException", JsonLines.Text(exception, "type"));
        Assert.Equal("broken \"pipe\"", JsonLines.Text(exception, "message"));
        Assert.Contains(nameof(Thrown), JsonLines.Text(exception, "stack_trace"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_too_large_for_an_entry_is_written_again_without_its_stack_trace()
    {
        using var host = new LoggingHost(o => o.Logging.MaxEntryBytes = 600);
        ILogger logger = host.CreateLogger("errors");
        ArithmeticException deep = Deep();
        Assert.True(deep.StackTrace!.Length > 600);

        logger.LogCritical(deep, "Request crashed");
        logger.LogInformation("Still logging");

        Assert.Equal(1, host.JsonLogger.OversizedDropCount);
        IReadOnlyList<JsonElement> lines = host.Finish();
        Assert.Equal(2, lines.Count);
        Assert.Equal("FATAL", JsonLines.Text(lines[0], "level"));
        Assert.Equal("Request crashed", JsonLines.Text(lines[0], "message"));
        JsonElement exception = lines[0].GetProperty("exception");
        Assert.Equal("System.ArithmeticException", JsonLines.Text(exception, "type"));
        Assert.Equal(JsonValueKind.Null, exception.GetProperty("stack_trace").ValueKind);
        Assert.True(exception.GetProperty("stack_trace_omitted").GetBoolean());
        Assert.Equal("Still logging", JsonLines.Text(lines[1], "message"));
    }

    [Fact]
    public void The_provider_is_added_once_and_writes_into_the_singleton()
    {
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new System.IO.MemoryStream())).AddLoggerProvider().AddLoggerProvider();
        using ServiceProvider provider = services.BuildServiceProvider();

        DistricLoggerProvider bridge = Assert.Single(provider.GetServices<ILoggerProvider>().OfType<DistricLoggerProvider>());
        Assert.Same(provider.GetRequiredService<JsonLogger>(), bridge.Logger);
        Assert.Same(bridge.CreateLogger("a"), bridge.CreateLogger("a"));
    }

    [Fact]
    public void Logging_after_the_json_logger_is_disposed_is_ignored()
    {
        var output = new System.IO.MemoryStream();
        var json = new JsonLogger(output);
        using var bridge = new DistricLoggerProvider(json);
        ILogger logger = bridge.CreateLogger("late");
        logger.LogInformation("before");
        json.Dispose();

        logger.LogInformation("after");

        Assert.Equal(["before"], JsonLines.Parse(output.ToArray()).Select(l => JsonLines.Text(l, "message")));
    }

    private static T Thrown<T>(T exception)
        where T : Exception
    {
        try
        {
            throw exception;
        }
        catch (T caught)
        {
            return caught;
        }
    }

    private static ArithmeticException Deep()
    {
        try
        {
            Dive(40);
        }
        catch (ArithmeticException e)
        {
            return e;
        }

        throw new InvalidOperationException("Dive did not throw.");
    }

    // Not inlined and not a tail call (the + 1), so each level leaves a frame in the stack trace.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Dive(int depth) => depth == 0 ? throw new ArithmeticException("deep") : Dive(depth - 1) + 1;
}
