using System;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Runtime.Tests.CallShapes;

/// <summary>
/// What each call shape allocates, measured in callers compiled under C# 12 and under C# 13 and later, and in this
/// test assembly itself (which binds the span overloads).
/// </summary>
public sealed class CallShapeAllocationTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using DistriC;

        public static class Caller
        {
            // Bytes allocated by 100 calls of each shape, measured after a warm-up round (JIT, tiering).
            public static long[] Measure(Counter counter, JsonLogger logger)
            {
                var kvp = new KeyValuePair<string, string?>("method", "GET");
                var bytes = new long[4];
                for (int round = 0; round < 2; round++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 100; i++) { counter.Inc("GET", "2xx"); }
                    bytes[0] = GC.GetAllocatedBytesForCurrentThread() - before;

                    before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 100; i++) { logger.Write(LogLevel.Info, "http", "m"); }
                    bytes[1] = GC.GetAllocatedBytesForCurrentThread() - before;

                    before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 100; i++) { logger.Write(LogLevel.Info, "http", "m", kvp); }
                    bytes[2] = GC.GetAllocatedBytesForCurrentThread() - before;

                    before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 100; i++) { logger.Write(LogLevel.Info, "http", "m", kvp, kvp); }
                    bytes[3] = GC.GetAllocatedBytesForCurrentThread() - before;
                }

                return bytes;
            }
        }
        """;

    [Fact]
    public void The_span_path_of_a_two_label_counter_increment_allocates_nothing()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("c_total", "c", new LabelDefinition("method", "GET", "POST"), new LabelDefinition("status", "2xx", "5xx"));
        ReadOnlySpan<string> labels = ["GET", "2xx"];
        for (int i = 0; i < 100; i++)
        {
            counter.Inc("GET", "2xx");
            counter.Inc(labels);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            counter.Inc("GET", "2xx"); // binds params ReadOnlySpan here (C# 13 and later; see CallShapeBindingTests)
            counter.Inc(labels);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2200, counter.Get("GET", "2xx"));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void Logging_shapes_allocate_nothing_in_any_version_and_metric_labels_only_under_CSharp12(LanguageVersion version)
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("c_total", "c", new LabelDefinition("method", "GET"), new LabelDefinition("status", "2xx"));
        using var logger = new JsonLogger(Stream.Null, new JsonLoggerOptions { RingCapacity = 1 << 22 });
        Assembly caller = CallerCompilation.EmitAndLoad(CallerCompilation.Create(Source, version));

        var bytes = (long[])caller.GetType("Caller", throwOnError: true)!.GetMethod("Measure")!.Invoke(null, new object[] { counter, logger })!;

        Assert.Equal(200, counter.Get("GET", "2xx"));
        Assert.Equal(new long[] { 0, 0, 0 }, bytes[1..]);
        if (version == LanguageVersion.CSharp12)
        {
            Assert.True(bytes[0] > 0, "C# 12 binds Inc(params string[]), which allocates the array per call");
        }
        else
        {
            Assert.Equal(0, bytes[0]);
        }
    }
}
