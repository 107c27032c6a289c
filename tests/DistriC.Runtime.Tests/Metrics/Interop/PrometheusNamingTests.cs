namespace DistriC.Tests.Metrics.Interop;

public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", MetricKind.Histogram, "http_server_request_duration_seconds")]
    [InlineData("http.server.active_requests", "{request}", MetricKind.Gauge, "http_server_active_requests")]
    [InlineData("kestrel.active_connections", "{connection}", MetricKind.Gauge, "kestrel_active_connections")]
    [InlineData("aspnetcore.routing.match_attempts", "{match_attempt}", MetricKind.Counter, "aspnetcore_routing_match_attempts_total")]
    [InlineData("dotnet.gc.collections", "{collection}", MetricKind.Counter, "dotnet_gc_collections_total")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", MetricKind.Counter, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("dotnet.process.memory.working_set", "By", MetricKind.Gauge, "dotnet_process_memory_working_set_bytes")]
    [InlineData("dotnet.process.cpu.time", "s", MetricKind.Counter, "dotnet_process_cpu_time_seconds_total")]
    [InlineData("dotnet.thread_pool.work_item.count", "{work_item}", MetricKind.Counter, "dotnet_thread_pool_work_item_count_total")]
    [InlineData("dotnet.timer.count", "{timer}", MetricKind.Gauge, "dotnet_timer_count_current")]
    [InlineData("dotnet.assembly.count", "{assembly}", MetricKind.Gauge, "dotnet_assembly_count_current")]
    [InlineData("dotnet.process.cpu.count", "{cpu}", MetricKind.Gauge, "dotnet_process_cpu_count_current")]
    [InlineData("queue.sum", null, MetricKind.Gauge, "queue_sum_current")]
    [InlineData("errors.total", null, MetricKind.Gauge, "errors_total_current")]
    [InlineData("batches.total", null, MetricKind.Histogram, "batches_total_current")]
    [InlineData("batch.count", null, MetricKind.Histogram, "batch_count")]
    [InlineData("requests_total", null, MetricKind.Counter, "requests_total")]
    [InlineData("io.throughput", "By/s", MetricKind.Gauge, "io_throughput_bytes_per_second")]
    [InlineData("cache.hit_ratio", "1", MetricKind.Gauge, "cache_hit_ratio")]
    [InlineData("cpu.utilization", "1", MetricKind.Gauge, "cpu_utilization_ratio")]
    [InlineData("job.duration_seconds", "s", MetricKind.Histogram, "job_duration_seconds")]
    [InlineData("my-lib/requests..sent", "{request}", MetricKind.Counter, "my_lib_requests_sent_total")]
    [InlineData("2fa.checks", null, MetricKind.Counter, "_2fa_checks_total")]
    public void Instrument_names_translate_as_dashboards_expect(string instrument, string? unit, MetricKind kind, string expected)
    {
        Assert.Equal(expected, PrometheusNaming.MetricName(instrument, unit, MetricKinds.Get((int)kind)));
    }

    [Theory]
    [InlineData("ms", "s", 0.001)]
    [InlineData("ns", "s", 1e-9)]
    [InlineData("min", "s", 60.0)]
    [InlineData("KiBy", "By", 1024.0)]
    [InlineData("MBy", "By", 1e6)]
    [InlineData("s", "s", 1.0)]
    [InlineData("{request}", "{request}", 1.0)]
    public void Non_base_units_become_seconds_and_bytes(string unit, string expected, double scale)
    {
        Assert.Equal((expected, scale), PrometheusNaming.ToBaseUnit(unit));
    }

    [Theory]
    [InlineData("http.response.status_code", "http_response_status_code")]
    [InlineData("http.route", "http_route")]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    [InlineData("1st", "key_1st")]
    [InlineData("__secret", "key__secret")]
    [InlineData("a:b", "a_b")]
    public void Tag_keys_translate_to_label_names(string key, string expected)
    {
        Assert.Equal(expected, PrometheusNaming.LabelName(key));
    }
}
