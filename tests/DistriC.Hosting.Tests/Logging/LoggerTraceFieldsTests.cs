using System.Collections.Generic;
using System.Text.Json;
using DistriC.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting.Tests.Logging;

#pragma warning disable CA1848, CA1873, CA1727 // the everyday ILogger extension methods, as in LoggerProviderTests

/// <summary>The ILogger bridge writes the active span's ids after the fixed fields, and renames a hole that would clash.</summary>
public sealed class LoggerTraceFieldsTests
{
    [Fact]
    public void A_line_written_while_a_span_is_active_carries_its_ids_and_a_clashing_hole_is_renamed()
    {
        using var host = new LoggingHost();
        ILogger logger = host.CreateLogger("traced");
        TraceSpan span = host.Services.GetRequiredService<Tracer>().StartSpan("op");
        using (span.Activate())
        {
            logger.LogInformation(new EventId(5, "Ev"), "with {trace_id}", "mine");
        }

        logger.LogInformation("after");
        IReadOnlyList<JsonElement> lines = host.Finish();

        Assert.Equal(2, lines.Count);
        Assert.Equal(["timestamp", "level", "component", "message", "trace_id", "span_id", "event_id", "event_name", "state.trace_id"], JsonLines.Names(lines[0]));
        Assert.Equal(span.TraceId.ToString(), JsonLines.Text(lines[0], "trace_id"));
        Assert.Equal(span.SpanId.ToString(), JsonLines.Text(lines[0], "span_id"));
        Assert.Equal("mine", JsonLines.Text(lines[0], "state.trace_id"));
        Assert.Equal(["timestamp", "level", "component", "message"], JsonLines.Names(lines[1]));
    }
}
