using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Runtime.Tests.Tracing;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>Exemplars: taken from the sampled active span (or an explicit context), bounded, and never torn.</summary>
public sealed partial class ExemplarTests
{
    [Fact]
    public void An_update_inside_a_sampled_active_span_links_the_counter_and_the_histogram_bucket_to_it()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        Counter orders = registry.CreateCounterWithExemplars("orders_total", "Orders");
        Histogram latency = registry.CreateHistogramWithExemplars("latency_seconds", "Latency", new[] { 0.1, 1.0 });
        using Tracer tracer = TestTracers.Manual(new CollectingExporter());
        TraceSpan span = tracer.StartSpan("request");
        using (span.Activate())
        {
            orders.Inc();
            latency.Observe(0.5);
        }

        span.Finish();
        string ids = $"# {{trace_id=\"{span.TraceId}\",span_id=\"{span.SpanId}\"}}";
        string text = registry.ExportText(ExpositionFormat.OpenMetrics);
        Assert.Contains($"orders_total 1 {ids} 1 1704067200\n", text, StringComparison.Ordinal);
        Assert.Contains($"latency_seconds_bucket{{le=\"1\"}} 1 {ids} 0.5 1704067200\n", text, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(text, "trace_id="));
        Assert.DoesNotContain("trace_id", registry.ExportText(ExpositionFormat.Prometheus), StringComparison.Ordinal);
    }

    [Fact]
    public void Updates_outside_spans_inside_unsampled_spans_and_on_metrics_without_exemplars_record_none()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        Counter linked = registry.CreateCounterWithExemplars("linked_total", "Linked");
        Counter plain = registry.CreateCounter("plain_total", "Plain");
        using Tracer tracer = TestTracers.Manual(new CollectingExporter(), sampling: new SamplingOptions { NormalKeep = 0, NormalDrop = 1 });
        linked.Inc();
        TraceSpan unsampled = tracer.StartSpan("dropped");
        Assert.False(unsampled.Context.IsSampled);
        using (unsampled.Activate())
        {
            linked.Inc();
            linked.Add(2, unsampled.Context);
        }

        plain.Add(1, ExpositionSamples.Span);
        Assert.DoesNotContain("trace_id", registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
        Assert.Equal(4, linked.Get());
    }

    [Fact]
    public async Task The_active_span_follows_the_async_flow_across_threads_and_does_not_stay_behind_on_them()
    {
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        Counter counter = registry.CreateCounterWithExemplars("flow_total", "Flow", new LabelDefinition("where", "inside", "outside"));
        using Tracer tracer = TestTracers.Manual(new CollectingExporter());
        TraceSpan span = tracer.StartSpan("flow");
        using (span.Activate())
        {
            await Task.Run(() => counter.Inc("inside"));      // a pool thread, the span flowing with the context
            await Task.Yield();
            counter.Inc("inside");
        }

        span.Finish();
        // Pool threads that ran inside the span run these without it: the mirror of the active span follows the context.
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => counter.Inc("outside"))));

        string text = registry.ExportText(ExpositionFormat.OpenMetrics);
        Assert.Contains($"flow_total{{where=\"inside\"}} 2 # {{trace_id=\"{span.TraceId}\",span_id=\"{span.SpanId}\"}} 1 ", text, StringComparison.Ordinal);
        Assert.Contains("flow_total{where=\"outside\"} 64\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exemplar_is_replaced_at_most_once_per_interval()
    {
        var clock = new FrozenClock();
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = clock, ExemplarInterval = TimeSpan.FromSeconds(1) });
        Counter orders = registry.CreateCounterWithExemplars("orders_total", "Orders");

        orders.Add(1, ExpositionSamples.Span);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        orders.Add(2, ExpositionSamples.OtherSpan);
        Assert.Contains("orders_total 3 # {trace_id=\"0af7651916cd43dd8448eb211c80319c\",span_id=\"b7ad6b7169203331\"} 1 1704067200\n",
            registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        orders.Add(4, ExpositionSamples.OtherSpan);
        Assert.Contains("orders_total 7 # {trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\",span_id=\"00f067aa0ba902b7\"} 4 1704067201\n",
            registry.ExportText(ExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void The_exemplar_label_set_is_within_the_128_characters_OpenMetrics_allows()
    {
        string text = ExpositionSamples.EveryKind().ExportText(ExpositionFormat.OpenMetrics);
        foreach (Match match in ExemplarPattern().Matches(text))
        {
            // The spec counts the label names and values: trace_id + 32 hex + span_id + 16 hex.
            Assert.Equal(63, "trace_id".Length + match.Groups["trace"].Length + "span_id".Length + match.Groups["span"].Length);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Concurrent_updates_and_scrapes_never_show_a_torn_exemplar(bool histogram)
    {
        // Each write links tuple k: trace id (k, k), span id k, value k. A torn read mixes two tuples, which the
        // checks below see as halves or fields that disagree.
        MetricRegistry registry = ExpositionSamples.NewRegistry();
        Counter counter = registry.CreateCounterWithExemplars("torn_total", "Torn");
        Histogram latency = registry.CreateHistogramWithExemplars("torn_seconds", "Torn", new[] { 1e12 });
        const int Writers = 2;
        const int WritesPerWriter = 200_000;
        int done = 0;
        int checkedExemplars = 0;
        TestThreads.Run(Writers + 1, t =>
        {
            if (t < Writers)
            {
                for (int i = 1; i <= WritesPerWriter; i++)
                {
                    ulong k = (ulong)((i * Writers) + t);
                    var context = new TraceContext(new TraceId(k, k), new SpanId(k), IsSampled: true);
                    _ = histogram ? latency.Observe(k, context) : counter.Add((long)k, context);
                }

                Interlocked.Increment(ref done);
                return;
            }

            // Scrape until both writers finished, then once more.
            bool last = false;
            while (!last)
            {
                last = Volatile.Read(ref done) == Writers;
                foreach (Match match in ExemplarPattern().Matches(registry.ExportText(ExpositionFormat.OpenMetrics)))
                {
                    string trace = match.Groups["trace"].Value;
                    ulong span = ulong.Parse(match.Groups["span"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    Assert.Equal(trace[..16], trace[16..]);
                    Assert.Equal(span, ulong.Parse(trace[..16], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    Assert.Equal((double)span, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
                    checkedExemplars++;
                }
            }
        });

        Assert.True(checkedExemplars > 0);
    }

    [GeneratedRegex("# \\{trace_id=\"(?<trace>[0-9a-f]{32})\",span_id=\"(?<span>[0-9a-f]{16})\"\\} (?<value>\\S+) (?<time>\\S+)\n")]
    private static partial Regex ExemplarPattern();
}
