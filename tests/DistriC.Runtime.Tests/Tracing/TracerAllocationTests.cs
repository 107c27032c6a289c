using System;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>The hot path allocates nothing in steady state: span storage is pooled and recycled by the export cycle.</summary>
public sealed class TracerAllocationTests
{
    [Fact]
    public void Start_two_tags_finish_and_export_allocate_nothing_in_steady_state()
    {
        var exporter = new CountingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, TimeProvider.System, capacity: 1024, maxBatchSize: 256);
        RunSpans(tracer, 20_000); // warm up: fill the pool, JIT the paths, create this thread's ID generator

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunSpans(tracer, 20_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(40_000, exporter.Spans);
    }

    [Fact]
    public void Sampled_out_spans_allocate_nothing()
    {
        using Tracer tracer = TestTracers.Manual(new CountingExporter(), TimeProvider.System,
            sampling: new SamplingOptions { NormalKeep = 0, NormalDrop = 1 });
        RunSpans(tracer, 1_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunSpans(tracer, 10_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RunSpans(Tracer tracer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            TraceSpan span = tracer.StartSpan("op");
            span.SetTag("http.method", "GET");
            span.SetTag("http.route", "/api/users");
            span.Finish();
            if ((i & 511) == 511)
            {
                tracer.ExportPending();
            }
        }

        tracer.ExportPending();
    }
}
