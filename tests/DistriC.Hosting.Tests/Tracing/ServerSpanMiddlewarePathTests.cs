using System;
using System.Linq;
using System.Threading.Tasks;
using DistriC.Hosting.Tracing;
using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Tests.Tracing;

/// <summary>
/// The server-span middleware is not an async method: a pipeline that completes synchronously is finished inline, one
/// that waits is finished in a continuation. Either way the span is active for the rest of the pipeline (after its
/// awaits too), the caller gets its own active span back as soon as the middleware returns, and failures, synchronous
/// or not, end the span as errors and reach the caller as a faulted task.
/// </summary>
public sealed class ServerSpanMiddlewarePathTests
{
    [Fact]
    public async Task A_pipeline_that_waits_keeps_the_span_active_after_its_await_and_gives_the_caller_its_span_back_at_once()
    {
        var collector = new SpanCollector();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SpanId seenAfterAwait = default;
        CollectedSpan[] spans;
        SpanId outerId;
        using (var tracer = new Tracer(new TracerOptions { Exporter = collector }))
        {
            var middleware = new ServerSpanMiddleware(
                async context =>
                {
                    await gate.Task;
                    seenAfterAwait = Tracer.ActiveSpan.SpanId;
                    tracer.StartSpan("after await").Finish();
                    context.Response.StatusCode = StatusCodes.Status201Created;
                },
                tracer);
            TraceSpan outer = tracer.StartSpan("caller");
            outerId = outer.SpanId;
            using (outer.Activate())
            {
                Task pending = middleware.InvokeAsync(NewContext());
                Assert.False(pending.IsCompleted);
                Assert.Equal(outerId, Tracer.ActiveSpan.SpanId);
                gate.SetResult();
                await pending;
                Assert.Equal(outerId, Tracer.ActiveSpan.SpanId);
            }

            outer.Finish();
        }

        spans = collector.Spans;
        CollectedSpan server = spans.Single(s => s.Kind == SpanKind.Server);
        CollectedSpan child = spans.Single(s => s.Name == "after await");
        Assert.Equal(server.SpanId, seenAfterAwait);
        Assert.Equal(server.SpanId, child.ParentSpanId);
        Assert.Equal(server.TraceId, child.TraceId);
        Assert.Equal("201", server.Tag(HttpSemanticConventions.ResponseStatusCode));
        Assert.Equal(SpanStatus.Unset, server.Status);
        Assert.DoesNotContain(spans, s => s.ParentSpanId == outerId);
    }

    [Fact]
    public async Task An_exception_after_an_await_and_a_synchronous_one_are_errors_and_reach_the_caller_as_faulted_tasks()
    {
        var collector = new SpanCollector();
        using (var tracer = new Tracer(new TracerOptions { Exporter = collector }))
        {
            var later = new ServerSpanMiddleware(
                async _ =>
                {
                    await Task.Yield();
                    throw new InvalidOperationException("later");
                },
                tracer);
            var now = new ServerSpanMiddleware(_ => throw new ArgumentException("now"), tracer);

            await Assert.ThrowsAsync<InvalidOperationException>(() => later.InvokeAsync(NewContext()));
            Task faulted = now.InvokeAsync(NewContext());
            Assert.True(faulted.IsFaulted);
            await Assert.ThrowsAsync<ArgumentException>(() => faulted);
            Assert.False(Tracer.ActiveSpan.Context.IsValid);
        }

        CollectedSpan[] spans = collector.Spans;
        Assert.Equal(2, spans.Length);
        Assert.All(spans, s => Assert.Equal(SpanStatus.Error, s.Status));
        Assert.Equal(
            [typeof(ArgumentException).FullName, typeof(InvalidOperationException).FullName],
            spans.Select(s => s.Tag(HttpSemanticConventions.ErrorType)).Order(StringComparer.Ordinal));
        Assert.All(spans, s => Assert.Equal("500", s.Tag(HttpSemanticConventions.ResponseStatusCode)));
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 5000);
        context.Request.Path = "/orders/7";
        context.Request.Protocol = "HTTP/1.1";
        return context;
    }
}
