using System;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>Builds tracers in manual mode (no thread, no timer): tests drive evaluation and export themselves.</summary>
internal static class TestTracers
{
    public static Tracer Manual(ISpanExporter exporter, TimeProvider? time = null, int capacity = 64,
        SamplingOptions? sampling = null, int maxBatchSize = 16, int maxTags = 16) =>
        new(new TracerOptions
        {
            Exporter = exporter,
            TimeProvider = time ?? new ManualTimeProvider(),
            BufferCapacity = capacity,
            MaxBatchSize = maxBatchSize,
            MaxTags = maxTags,
            Sampling = sampling ?? new SamplingOptions(),
            ShutdownTimeout = TimeSpan.FromSeconds(1), // a test failing with a stalled exporter must not hang in Dispose
        }, startBackgroundWork: false);

    /// <summary>Starts and finishes <paramref name="count"/> root spans; returns how many Finish calls reported a drop.</summary>
    public static int Flood(Tracer tracer, int count, string name = "flood")
    {
        int dropped = 0;
        for (int i = 0; i < count; i++)
        {
            TraceSpan span = tracer.StartSpan(name);
            if (span.Finish() == DistricStatus.Backpressure)
            {
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Asserts both accounting identities on a quiescent tracer (everything finished, no export in flight).</summary>
    public static TracerStats AssertAccounting(Tracer tracer)
    {
        TracerStats s = tracer.GetStats();
        Assert.Equal(s.SpansCreated, s.SpansSampledIn + s.SpansSampledOut);
        Assert.Equal(s.SpansSampledIn, s.SpansExported + s.SpansFailed + s.SpansDropped + s.QueueDepth);
        return s;
    }
}
