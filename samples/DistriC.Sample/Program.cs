using System;
using DistriC;

// A small demo of the metrics runtime: register, update, print the Prometheus text.
var registry = new MetricRegistry();
Counter requests = registry.CreateCounter(
    "http_requests_total",
    "HTTP requests served",
    new LabelDefinition("method", "GET", "POST"),
    new LabelDefinition("status", "2xx", "4xx", "5xx"));
Histogram latency = registry.CreateHistogram(
    "http_request_duration_seconds",
    "Request latency",
    new[] { 0.01, 0.1, 1 },
    new LabelDefinition("status", "2xx", "4xx", "5xx"));
Gauge queue = registry.CreateGauge("worker_queue_depth", "Items waiting");

requests.Inc("GET", "2xx");
requests.Add(3, "POST", "5xx");
requests.Inc("PATCH", "2xx"); // not in the allowlist: dropped and counted
latency.Observe(0.042, "2xx");
queue.Set(7);

Console.Write(registry.ExportText(ExpositionFormat.Prometheus));
Console.WriteLine();
Console.Write(registry.ExportText(ExpositionFormat.OpenMetrics));
