namespace DistriC.Tests.Metrics;

/// <summary>Registries shared by the golden-file and promtool tests.</summary>
internal static class ExpositionSamples
{
    public static MetricRegistry Representative()
    {
        var registry = new MetricRegistry();
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
        var registry = new MetricRegistry();
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
}
