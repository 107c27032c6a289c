using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.CallShapes;

/// <summary>
/// The overloads C# 12 callers bind (params arrays, fixed-arity Write) behave exactly like the span overloads:
/// same statuses, same stored values, same log lines.
/// </summary>
public sealed class ArrayOverloadTests
{
    // Valid, outside the allowlist, too few, too many, none, and a null array (no values).
    private static readonly string[]?[] LabelSets =
    {
        new[] { "GET", "2xx" }, new[] { "GET", "bogus" }, new[] { "GET" }, new[] { "GET", "2xx", "x" }, Array.Empty<string>(), null,
    };

    private static readonly LabelDefinition[] Labels = { new("method", "GET", "POST"), new("status", "2xx", "5xx") };

    [Fact]
    public void Counter_array_overloads_match_the_span_ones()
    {
        var registry = new MetricRegistry();
        Counter viaSpan = registry.CreateCounter("span_total", "s", Labels);
        Counter viaArray = registry.CreateCounter("array_total", "a", Labels);
        foreach (string[]? labels in LabelSets)
        {
            Assert.Equal(viaSpan.Inc(new ReadOnlySpan<string>(labels)), viaArray.Inc(labels!));
            Assert.Equal(viaSpan.Add(3, new ReadOnlySpan<string>(labels)), viaArray.Add(3, labels!));
            Assert.Equal(viaSpan.Add(-1, new ReadOnlySpan<string>(labels)), viaArray.Add(-1, labels!));
        }

        foreach (string method in new[] { "GET", "POST" })
        {
            foreach (string status in new[] { "2xx", "5xx" })
            {
                Assert.Equal(viaSpan.Get(method, status), viaArray.Get(new[] { method, status }));
            }
        }

        Assert.Equal(4, viaArray.Get(new[] { "GET", "2xx" }));
        Assert.Throws<ArgumentException>(() => viaArray.Get(new[] { "GET", "bogus" }));
    }

    [Fact]
    public void Gauge_array_overloads_match_the_span_ones()
    {
        var registry = new MetricRegistry();
        Gauge viaSpan = registry.CreateGauge("span", "s", Labels);
        Gauge viaArray = registry.CreateGauge("array", "a", Labels);
        foreach (string[]? labels in LabelSets)
        {
            Assert.Equal(viaSpan.Set(2.5, new ReadOnlySpan<string>(labels)), viaArray.Set(2.5, labels!));
            Assert.Equal(viaSpan.Add(-0.25, new ReadOnlySpan<string>(labels)), viaArray.Add(-0.25, labels!));
            Assert.Equal(viaSpan.Inc(new ReadOnlySpan<string>(labels)), viaArray.Inc(labels!));
            Assert.Equal(viaSpan.Inc(new ReadOnlySpan<string>(labels)), viaArray.Inc(labels!));
            Assert.Equal(viaSpan.Dec(new ReadOnlySpan<string>(labels)), viaArray.Dec(labels!));
        }

        Assert.Equal(3.25, viaArray.Get(new[] { "GET", "2xx" }));
        Assert.Equal(viaSpan.Get("GET", "2xx"), viaArray.Get(new[] { "GET", "2xx" }));
        Assert.Equal(0, viaArray.Get(new[] { "POST", "2xx" }));
        Assert.Throws<ArgumentException>(() => viaArray.Get(new[] { "GET" }));
    }

    [Fact]
    public void Histogram_array_overloads_match_the_span_ones()
    {
        var registry = new MetricRegistry();
        Histogram viaSpan = registry.CreateHistogram("span", "s", new[] { 0.1, 1 }, Labels);
        Histogram viaArray = registry.CreateHistogram("array", "a", new[] { 0.1, 1 }, Labels);
        foreach (string[]? labels in LabelSets)
        {
            Assert.Equal(viaSpan.Observe(0.5, new ReadOnlySpan<string>(labels)), viaArray.Observe(0.5, labels!));
            Assert.Equal(viaSpan.Observe(double.NaN, new ReadOnlySpan<string>(labels)), viaArray.Observe(double.NaN, labels!));
        }

        string[] series = { "GET", "2xx" };
        Assert.Equal(1, viaArray.GetCount(series));
        Assert.Equal(0.5, viaArray.GetSum(series));
        Assert.Equal(new long[] { 0, 1, 0 }, new[] { viaArray.GetBucketCount(0, series), viaArray.GetBucketCount(1, series), viaArray.GetBucketCount(2, series) });
        Assert.Equal(viaSpan.GetCount("GET", "2xx"), viaArray.GetCount(series));
        Assert.Equal(viaSpan.GetSum("GET", "2xx"), viaArray.GetSum(series));
        Assert.Equal(viaSpan.GetBucketCount(1, "GET", "2xx"), viaArray.GetBucketCount(1, series));
        Assert.Throws<ArgumentException>(() => viaArray.GetCount(new[] { "GET", "bogus" }));
    }

    [Fact]
    public void Write_overloads_give_the_same_lines_and_statuses_as_the_span_one()
    {
        KeyValuePair<string, string?> method = new("method", "GET");
        KeyValuePair<string, string?> path = new("path", null);
        KeyValuePair<string, string?> noKey = new(null!, "skipped");
        KeyValuePair<string, string?> status = new("status", "200");

        string expected = Lines(logger =>
        {
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", "none", ReadOnlySpan<KeyValuePair<string, string?>>.Empty));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", "one", new ReadOnlySpan<KeyValuePair<string, string?>>(in method)));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Warn, "c", "two", (ReadOnlySpan<KeyValuePair<string, string?>>)[method, path]));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Error, "c", "three", (ReadOnlySpan<KeyValuePair<string, string?>>)[method, noKey, status]));
            Assert.Equal(DistricStatus.InvalidArgument, logger.Write((LogLevel)7, "c", "bad level", new ReadOnlySpan<KeyValuePair<string, string?>>(in method)));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Debug, "c", "below minimum", (ReadOnlySpan<KeyValuePair<string, string?>>)[method, path]));
        });
        string actual = Lines(logger =>
        {
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", "none", Array.Empty<KeyValuePair<string, string?>>()));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", "one", method));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Warn, "c", "two", method, path));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Error, "c", "three", new[] { method, noKey, status }));
            Assert.Equal(DistricStatus.InvalidArgument, logger.Write((LogLevel)7, "c", "bad level", method));
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Debug, "c", "below minimum", method, path));
        });

        Assert.Equal(expected, actual);
        Assert.Contains("\"message\":\"two\",\"method\":\"GET\",\"path\":null}", actual, StringComparison.Ordinal);
        Assert.Contains("\"message\":\"three\",\"method\":\"GET\",\"status\":\"200\"}", actual, StringComparison.Ordinal);
        Assert.Equal(4, actual.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Write_array_overload_treats_a_null_array_as_no_fields()
    {
        string viaNull = Lines(logger => Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", "m", (KeyValuePair<string, string?>[])null!)));
        string viaSpan = Lines(logger => Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "c", "m", ReadOnlySpan<KeyValuePair<string, string?>>.Empty)));
        Assert.Equal(viaSpan, viaNull);
    }

    private static string Lines(Action<JsonLogger> write)
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock(), MinimumLevel = LogLevel.Info }))
        {
            write(logger);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
