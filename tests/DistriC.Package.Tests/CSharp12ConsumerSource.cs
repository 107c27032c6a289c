namespace DistriC.Package.Tests;

/// <summary>
/// Program.cs of the net8.0 consumer compiled as C# 12: every call the README documents for the dynamic API (metrics,
/// logging, tracing, health) and the generated API, in the call shapes the README shows. It prints one line per part with
/// the statuses and values the calls returned, then the exposition of a small registry, all deterministic.
/// </summary>
internal static class CSharp12ConsumerSource
{
    public const string Program = """
        using System.Buffers;
        using DistriC;
        using DistriC.Generated;

        namespace Consumer;

        public enum StatusClass { [LabelValue("2xx")] Success, [LabelValue("4xx")] ClientError, [LabelValue("5xx")] ServerError }

        [Metric(MetricKind.Counter, "http_requests_total", Help = "HTTP requests served")]
        [Label("method", "GET", "POST")]
        [Label<StatusClass>("status")]
        public sealed partial class HttpRequests;

        [Metric(MetricKind.Gauge, "worker_queue_depth", Help = "Items waiting")]
        public sealed partial class QueueDepth;

        [Metric(MetricKind.Histogram, "job_duration_seconds", Help = "Job latency", Buckets = new[] { 0.1, 1 })]
        [Label<StatusClass>("status")]
        public sealed partial class JobDuration;

        public static partial class Log
        {
            [LogEvent(LogLevel.Info, "http", "Request received")]
            public static partial void RequestReceived(this JsonLogger logger, string method, StatusClass status, int elapsedMs);
        }

        public sealed partial class Worker
        {
            private readonly JsonLogger _logger;

            public Worker(JsonLogger logger) => _logger = logger;

            [LogEvent(LogLevel.Warn, "worker", "Queue backed up")]
            public partial void QueueBackedUp([LogField("queue.depth")] int depth, HttpRequests.Method method, bool retried);
        }

        internal sealed class FixedClock : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(1704067200000);
        }

        internal sealed class CountingSink : IJsonLogSink
        {
            public int Lines;
            public int Flushes;

            public void Write(ReadOnlySpan<byte> lines, int lineCount) => Lines += lineCount;

            public void Flush() => Flushes++;
        }

        internal sealed class CountingExporter : ISpanExporter
        {
            public int Spans;

            public bool Export(ReadOnlySpan<FinishedSpan> batch)
            {
                Interlocked.Add(ref Spans, batch.Length);
                return true;
            }
        }

        public static class Program
        {
            public static int Main()
            {
                Generated();
                Dynamic();
                Logging();
                Tracing();
                Health();
                return 0;
            }

            private static void Generated()
            {
                var registry = new MetricRegistry();
                var requests = new HttpRequests(registry);
                var depth = new QueueDepth(registry);
                var duration = new JobDuration(registry);
                DistricStatus[] statuses =
                [
                    requests.Inc(HttpRequests.Method.GET, StatusClass.Success),
                    requests.Add(HttpRequests.Method.POST, StatusClass.ServerError, 3),
                    requests.Add(HttpRequests.Method.POST, StatusClass.ServerError, -1),
                    requests.Inc((HttpRequests.Method)7, StatusClass.Success),
                    depth.Set(17), depth.Add(2.5), depth.Inc(), depth.Dec(),
                    duration.Observe(StatusClass.Success, 0.05), duration.Observe(StatusClass.Success, 0.5),
                ];
                Console.WriteLine($"generated: {string.Join(',', statuses)}");
                Console.WriteLine(
                    $"generated: get={requests.Get(HttpRequests.Method.POST, StatusClass.ServerError)} depth={depth.Get()} " +
                    $"count={duration.GetCount(StatusClass.Success)} sum={duration.GetSum(StatusClass.Success)} " +
                    $"cardinality={HttpRequests.Cardinality} series={DistricMetricsCatalog.TotalSeries} " +
                    $"catalog={string.Join('|', DistricMetricsCatalog.Metrics.Select(m => $"{m.Name}:{m.Kind}:{m.Series}"))}");
            }

            private static void Dynamic()
            {
                var registry = new MetricRegistry(new MetricRegistryOptions { MaxMetrics = 16, MaxCardinality = 100 });
                Counter requests = registry.CreateCounter("http_requests_total", "HTTP requests served",
                    new LabelDefinition("method", "GET", "POST"),
                    new LabelDefinition("status", "2xx", "4xx", "5xx"));
                Gauge temperature = registry.CreateGauge("room_temperature_celsius", "Room temperature", new LabelDefinition("room", "lab"));
                Histogram latency = registry.CreateHistogram("rpc_duration_seconds", "RPC latency", new[] { 0.1, 1.0 });
                Histogram defaults = registry.CreateHistogram("task_duration_seconds", "Task latency", new LabelDefinition("queue", "fast"));
                registry.CreateObservableGauge("uptime_ratio", "Share of time up", () => 0.5);
                registry.CreateObservableCounter("ticks_total", "Ticks seen", () => 42);
                DistricStatus[] statuses =
                [
                    requests.Inc("GET", "2xx"), requests.Add(2, "POST", "5xx"), requests.Inc("PATCH", "2xx"),
                    temperature.Set(21.5, "lab"), temperature.Add(0.5, "lab"), temperature.Inc("lab"), temperature.Dec("lab"),
                    latency.Observe(0.05), latency.Observe(0.5), defaults.Observe(0.2, "fast"),
                ];
                registry.Freeze();
                string? refused = null;
                try
                {
                    registry.CreateCounter("late_total", "Too late");
                }
                catch (MetricRegistrationException e)
                {
                    refused = e.Status.ToString();
                }

                Console.WriteLine($"dynamic: {string.Join(',', statuses)} frozen={registry.IsFrozen} refused={refused}");
                Console.WriteLine(
                    $"dynamic: get={requests.Get("POST", "5xx")} temperature={temperature.Get("lab")} count={latency.GetCount()} " +
                    $"sum={latency.GetSum()} bucket0={latency.GetBucketCount(0)} defaults={defaults.GetCount("fast")}");
                var buffer = new ArrayBufferWriter<byte>();
                registry.WriteTo(buffer, ExpositionFormat.OpenMetrics);
                string openMetrics = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                Console.WriteLine($"dynamic: openmetrics ends with EOF={openMetrics.EndsWith("# EOF\n", StringComparison.Ordinal)}");
                Console.Write(registry.ExportText());
            }

            private static void Logging()
            {
                var registry = new MetricRegistry();
                using var stream = new MemoryStream();
                DistricStatus[] statuses;
                using (var logger = new JsonLogger(stream, new JsonLoggerOptions { Mode = LogMode.Sync, MinimumLevel = LogLevel.Info, TimeProvider = new FixedClock() }))
                {
                    logger.RegisterMetrics(registry);
                    logger.RequestReceived("GET", StatusClass.ClientError, 12);
                    new Worker(logger).QueueBackedUp(250, HttpRequests.Method.POST, retried: true);
                    statuses =
                    [
                        logger.Write(LogLevel.Warn, "db", "Slow query"),
                        logger.Write(LogLevel.Warn, "db", "Slow query", new KeyValuePair<string, string?>("table", "users")),
                        logger.Write(LogLevel.Error, "db", "Failed query", new KeyValuePair<string, string?>("table", "users"), new KeyValuePair<string, string?>("code", null)),
                        logger.Write(LogLevel.Debug, "db", "Below the minimum level"),
                    ];
                    Console.WriteLine($"logging: {string.Join(',', statuses)} dropped={logger.DroppedCount} oversized={logger.OversizedDropCount} healthy={logger.IsWriterHealthy}");
                }

                Console.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                Sinks();
            }

            // A sink of the consumer's own beside an OTLP log exporter (which sends nothing here: no line reaches it).
            private static void Sinks()
            {
                var counting = new CountingSink();
                using var otlp = new OtlpLogExporter(new OtlpExporterOptions
                {
                    Endpoint = OtlpExporterOptions.ForBaseEndpoint(new Uri("http://127.0.0.1:4318"), OtlpSignal.Logs),
                    Resource = OtlpResource.Create("consumer"),
                }, new OtlpLogBatchOptions { MaxQueueSize = 4096 });
                using (var onlySinks = new JsonLogger(new JsonLoggerOptions { Sinks = { counting } }))
                {
                    onlySinks.Write(LogLevel.Info, "sink", "one");
                    onlySinks.Write(LogLevel.Info, "sink", "two", new KeyValuePair<string, string?>("k", "v"));
                }

                using (var both = new JsonLogger(Stream.Null, new JsonLoggerOptions { Sinks = { otlp } }))
                {
                    both.MinimumLevel = LogLevel.Fatal;
                    both.Write(LogLevel.Info, "sink", "below the minimum: reaches no sink");
                }

                OtlpExporterStats stats = otlp.GetStats();
                Console.WriteLine($"sinks: lines={counting.Lines} flushed={counting.Flushes > 0} otlp={otlp.Options.Endpoint!.AbsolutePath} exported={stats.Exported} dropped={stats.Dropped} batch={otlp.Batching.MaxExportBatchSize}");
            }

            private static void Tracing()
            {
                var exporter = new CountingExporter();
                var registry = new MetricRegistry();
                string injected;
                DistricStatus extracted;
                using (var tracer = new Tracer(new TracerOptions { Exporter = exporter }))
                {
                    tracer.RegisterMetrics(registry);
                    using (TraceSpan span = tracer.StartSpan("GET /api/users"))
                    using (span.Activate())
                    {
                        span.SetTag("http.method", "GET");
                        DistricStatus typed = span.SetTag("http.response.status_code", 200);
                        DistricStatus ratio = span.SetTag("sampling.ratio", 0.5);
                        DistricStatus flag = span.SetTag("cache.hit", false);
                        DistricStatus retry = span.AddEvent("retry", [new("attempt", 1), new("reason", "timeout")]);
                        DistricStatus done = span.AddEvent("done");
                        var json = new OtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:4318/v1/traces"), Protocol = OtlpProtocol.HttpJson };
                        Console.WriteLine($"tracing: typed={typed},{ratio},{flag} events={retry},{done} protocol={json.Protocol} tag={new SpanTag("n", 7L).Type}");
                        Span<char> header = stackalloc char[TraceContext.TraceParentLength];
                        span.Inject(header, out int n);
                        injected = header[..n].ToString();
                        span.SetStatus(SpanStatus.Ok);
                        using TraceSpan child = tracer.StartChildSpan(span, "query");
                        using TraceSpan nested = tracer.StartSpan("nested");
                        Console.WriteLine($"tracing: child of span={child.ParentSpanId == span.SpanId} nested under active={nested.ParentSpanId == span.SpanId}");
                    }

                    extracted = TraceContext.Extract("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", out TraceContext parent);
                    using (TraceSpan server = tracer.StartSpanFromContext(parent, "handle"))
                    {
                        Console.WriteLine($"tracing: extracted={extracted} trace={server.TraceId} parent={server.ParentSpanId} header={injected.Length}:{injected.StartsWith("00-", StringComparison.Ordinal)}");
                    }

                    DistricStatus malformed = TraceContext.Extract("not a traceparent", out _);
                    Console.WriteLine($"tracing: malformed={malformed} created={tracer.GetStats().SpansCreated}");
                }

                Console.WriteLine($"tracing: exported={exporter.Spans}");
            }

            private static void Health()
            {
                var health = new HealthRegistry();
                HealthComponent db = health.Register("database");
                HealthComponent queue = health.Register("queue");
                DistricStatus[] statuses = [db.Update(HealthStatus.Up), queue.Update(HealthStatus.Degraded, "backed up")];
                Console.WriteLine($"health: {string.Join(',', statuses)} overall={health.Overall} components={health.Count}");
            }
        }
        """;

    /// <summary>What the program prints.</summary>
    public const string ExpectedOutput = """
        generated: Ok,Ok,InvalidValue,InvalidLabel,Ok,Ok,Ok,Ok,Ok,Ok
        generated: get=3 depth=19.5 count=2 sum=0.55 cardinality=6 series=22 catalog=http_requests_total:Counter:6|job_duration_seconds:Histogram:15|worker_queue_depth:Gauge:1
        dynamic: Ok,Ok,InvalidLabel,Ok,Ok,Ok,Ok,Ok,Ok,Ok frozen=True refused=RegistryFrozen
        dynamic: get=2 temperature=22 count=2 sum=0.55 bucket0=1 defaults=1
        dynamic: openmetrics ends with EOF=True
        # HELP distric_internal_metric_updates_dropped_total Metric updates dropped instead of applied, by reason
        # TYPE distric_internal_metric_updates_dropped_total counter
        distric_internal_metric_updates_dropped_total{reason="invalid_label"} 1
        distric_internal_metric_updates_dropped_total{reason="invalid_value"} 0
        # HELP http_requests_total HTTP requests served
        # TYPE http_requests_total counter
        http_requests_total{method="GET",status="2xx"} 1
        http_requests_total{method="GET",status="4xx"} 0
        http_requests_total{method="GET",status="5xx"} 0
        http_requests_total{method="POST",status="2xx"} 0
        http_requests_total{method="POST",status="4xx"} 0
        http_requests_total{method="POST",status="5xx"} 2
        # HELP room_temperature_celsius Room temperature
        # TYPE room_temperature_celsius gauge
        room_temperature_celsius{room="lab"} 22
        # HELP rpc_duration_seconds RPC latency
        # TYPE rpc_duration_seconds histogram
        rpc_duration_seconds_bucket{le="0.1"} 1
        rpc_duration_seconds_bucket{le="1"} 2
        rpc_duration_seconds_bucket{le="+Inf"} 2
        rpc_duration_seconds_count 2
        rpc_duration_seconds_sum 0.55
        # HELP task_duration_seconds Task latency
        # TYPE task_duration_seconds histogram
        task_duration_seconds_bucket{queue="fast",le="0.001"} 0
        task_duration_seconds_bucket{queue="fast",le="0.005"} 0
        task_duration_seconds_bucket{queue="fast",le="0.01"} 0
        task_duration_seconds_bucket{queue="fast",le="0.05"} 0
        task_duration_seconds_bucket{queue="fast",le="0.1"} 0
        task_duration_seconds_bucket{queue="fast",le="0.5"} 1
        task_duration_seconds_bucket{queue="fast",le="1"} 1
        task_duration_seconds_bucket{queue="fast",le="5"} 1
        task_duration_seconds_bucket{queue="fast",le="10"} 1
        task_duration_seconds_bucket{queue="fast",le="+Inf"} 1
        task_duration_seconds_count{queue="fast"} 1
        task_duration_seconds_sum{queue="fast"} 0.2
        # HELP uptime_ratio Share of time up
        # TYPE uptime_ratio gauge
        uptime_ratio 0.5
        # HELP ticks_total Ticks seen
        # TYPE ticks_total counter
        ticks_total 42
        logging: Ok,Ok,Ok,Ok dropped=0 oversized=0 healthy=True
        {"timestamp":1704067200000,"level":"INFO","component":"http","message":"Request received","method":"GET","status":"ClientError","elapsedMs":12}
        {"timestamp":1704067200000,"level":"WARN","component":"worker","message":"Queue backed up","queue.depth":250,"method":"POST","retried":true}
        {"timestamp":1704067200000,"level":"WARN","component":"db","message":"Slow query"}
        {"timestamp":1704067200000,"level":"WARN","component":"db","message":"Slow query","table":"users"}
        {"timestamp":1704067200000,"level":"ERROR","component":"db","message":"Failed query","table":"users","code":null}
        sinks: lines=2 flushed=True otlp=/v1/logs exported=0 dropped=0 batch=512
        tracing: typed=Ok,Ok,Ok events=Ok,Ok protocol=HttpJson tag=Long
        tracing: child of span=True nested under active=True
        tracing: extracted=Ok trace=4bf92f3577b34da6a3ce929d0e0e4736 parent=00f067aa0ba902b7 header=55:True
        tracing: malformed=InvalidFormat created=4
        tracing: exported=4
        health: Ok,Ok overall=Degraded components=2

        """;
}
