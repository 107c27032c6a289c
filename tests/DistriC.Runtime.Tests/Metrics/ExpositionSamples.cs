using System;
using System.Collections.Generic;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics;

/// <summary>Registries shared by the golden-file, promtool and OpenMetrics parser tests, on a frozen clock.</summary>
internal static class ExpositionSamples
{
    /// <summary>The trace context the exemplar samples link to.</summary>
    public static readonly TraceContext Span = new(new TraceId(0x0af7651916cd43dd, 0x8448eb211c80319c), new SpanId(0xb7ad6b7169203331), IsSampled: true);

    /// <summary>A second span, for a second exemplar.</summary>
    public static readonly TraceContext OtherSpan = new(new TraceId(0x4bf92f3577b34da6, 0xa3ce929d0e0e4736), new SpanId(0x00f067aa0ba902b7), IsSampled: true);

    public static MetricRegistry NewRegistry(FrozenClock? clock = null) =>
        new(new MetricRegistryOptions { TimeProvider = clock ?? new FrozenClock(), ExemplarInterval = TimeSpan.Zero });

    public static MetricRegistry Representative()
    {
        MetricRegistry registry = NewRegistry();
        Counter requests = registry.CreateCounter("http_requests_total", "HTTP requests served",
            new LabelDefinition("method", "GET", "POST"),
            new LabelDefinition("status", "2xx", "4xx", "5xx"));
        Histogram latency = registry.CreateHistogram("http_request_duration_seconds", "Request latency",
            new[] { 0.005, 0.1, 1 },
            new LabelDefinition("status", "2xx", "5xx"));
        Gauge queue = registry.CreateGauge("worker_queue_depth", "Items waiting");
        Gauge temperature = registry.CreateGauge("sensor_celsius", "Temperatures", new LabelDefinition("sensor", "ok", "hot", "cold", "broken"));

        requests.Inc("GET", "2xx");
        requests.Add(41, "GET", "2xx");
        requests.Add(3, "POST", "5xx");
        requests.Inc("PATCH", "2xx");
        latency.Observe(0.003, "2xx");
        latency.Observe(0.25, "2xx");
        latency.Observe(7.5, "5xx");
        queue.Set(-12.75);
        temperature.Set(21.5, "ok");
        temperature.Set(double.PositiveInfinity, "hot");
        temperature.Set(double.NegativeInfinity, "cold");
        temperature.Set(double.NaN, "broken");
        return registry;
    }

    public static MetricRegistry Hostile()
    {
        MetricRegistry registry = NewRegistry();
        Counter counter = registry.CreateCounter("hostile_total", "Back\\slash, \"quotes\", new\nline, ünïcødé ✓ 日本",
            new LabelDefinition("path", "C:\\temp\\", "say \"hi\"", "two\nlines", "ünïcødé 日本 🚀", new string('x', 128)));
        counter.Inc("C:\\temp\\");
        counter.Add(2, "say \"hi\"");
        counter.Add(3, "two\nlines");
        counter.Add(4, "ünïcødé 日本 🚀");
        counter.Add(5, new string('x', 128));
        registry.CreateGauge("long_help", new string('h', 250) + "\\\n\"").Set(1);
        registry.CreateGauge("no_help", string.Empty).Set(0);
        return registry;
    }

    /// <summary>
    /// Every kind, each with and (counter, histogram) without exemplars: exemplars recorded 1.5 s after the families
    /// were created, on one series or bucket each, the others left without.
    /// </summary>
    public static MetricRegistry EveryKind()
    {
        var clock = new FrozenClock();
        MetricRegistry registry = NewRegistry(clock);
        Counter plain = registry.CreateCounter("jobs_total", "Jobs run", new LabelDefinition("queue", "fast", "slow"));
        Counter linked = registry.CreateCounterWithExemplars("orders_total", "Orders placed", new LabelDefinition("channel", "web", "app"));
        Gauge gauge = registry.CreateGauge("pool_size", "Connections");
        Histogram latency = registry.CreateHistogram("render_seconds", "Render time", new[] { 0.1, 1.0 });
        Histogram linkedLatency = registry.CreateHistogramWithExemplars("checkout_seconds", "Checkout time", new[] { 0.1, 1.0 }, new LabelDefinition("channel", "web", "app"));
        registry.CreateInfo("app_build_info", "Build of the running service",
            new KeyValuePair<string, string>("version", "1.4.2"), new KeyValuePair<string, string>("commit", "abc123"));

        clock.Advance(TimeSpan.FromMilliseconds(1500));
        plain.Add(3, "fast");
        plain.Add(2, Span, "slow");                 // no exemplars on this counter: the context is ignored
        linked.Add(5, Span, "web");
        linked.Inc("app");                          // no active span: no exemplar
        gauge.Set(4);
        latency.Observe(0.05);
        latency.Observe(0.5, Span);                 // no exemplars on this histogram
        linkedLatency.Observe(0.05, Span, "web");
        linkedLatency.Observe(0.4, OtherSpan, "web");
        linkedLatency.Observe(7, "app");            // no span: its bucket has none
        return registry;
    }
}
