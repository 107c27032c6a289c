using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics.Interop;

public sealed class BridgeAllocationAndPromtoolTests
{
    [Fact]
    public void A_measurement_with_three_tags_allocates_nothing_on_the_bridges_side_nor_through_the_instrument()
    {
        using var f = new BridgeFixture();
        Counter<long> requests = f.Meter.CreateCounter<long>("requests");
        Histogram<double> duration = f.Meter.CreateHistogram<double>("duration", "s");
        object status = 200; // boxed once, as ASP.NET Core caches its boxed status codes
        var method = new KeyValuePair<string, object?>("http.request.method", "GET");
        var code = new KeyValuePair<string, object?>("http.response.status_code", status);
        var route = new KeyValuePair<string, object?>("http.route", "/orders/{id}");
        for (int i = 0; i < 100; i++)
        {
            requests.Add(1, method, code, route);
            duration.Record(0.01, method, code, route);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            requests.Add(1, method, code, route);
            duration.Record(0.01, method, code, route);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains("requests_total{http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\"/orders/{id}\"} 10100\n", f.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_callback_alone_allocates_nothing()
    {
        using var f = new BridgeFixture();
        Counter<long> requests = f.Meter.CreateCounter<long>("direct");
        requests.Add(1, new KeyValuePair<string, object?>("a", "x"), new KeyValuePair<string, object?>("b", 1), new KeyValuePair<string, object?>("c", true));
        object state = GetState(f);
        KeyValuePair<string, object?>[] tags = { new("a", "x"), new("b", 1), new("c", true) };
        MeterBridge.OnMeasurement<long>(requests, 1, tags, state);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            MeterBridge.OnMeasurement<long>(requests, 1, tags, state);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains("direct_total{a=\"x\",b=\"1\",c=\"true\"} 10002\n", f.Text(), StringComparison.Ordinal);
    }

    [ToolFact("promtool")]
    public async Task Every_kind_the_bridge_produces_passes_promtool_check_metrics()
    {
        using var f = new BridgeFixture(o => o.MaxSeriesPerInstrument = 3);
        f.Meter.CreateCounter<long>("http.requests", "{request}", "Requests").Add(1, new KeyValuePair<string, object?>("http.route", "/a \"quoted\"\n"));
        f.Meter.CreateCounter<double>("cpu.time", "s", "CPU").Add(0.25);
        f.Meter.CreateUpDownCounter<long>("dotnet.timer.count", "{timer}", "Timers").Add(3);
        f.Meter.CreateObservableUpDownCounter("dotnet.assembly.count", () => 12L, "{assembly}", "Assemblies");
        f.Meter.CreateGauge<double>("load.sum", null, "A gauge named like a histogram part").Record(1);
        f.Meter.CreateHistogram<double>("request.duration", "s", "Duration").Record(0.3, new KeyValuePair<string, object?>("le", "reserved"));
        f.Meter.CreateObservableGauge("cache.hit", () => 0.5, "1", "Ratio");
        f.Meter.CreateHistogram<double>("db.latency", "ms", "Latency").Record(12);
        f.Meter.CreateUpDownCounter<long>("errors.total", null, "A gauge named like a counter").Add(2);
        f.Meter.CreateObservableGauge("heap", () => 2L, "MiBy", "Heap");
        Counter<long> wide = f.Meter.CreateCounter<long>("wide", null, "Overflowing");
        for (int i = 0; i < 10; i++)
        {
            wide.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        string text = f.Registry.ExportText();
        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(text));
        Assert.True(exit == 0, $"promtool exit {exit}: {output}\n{text}");
        Assert.Contains("dotnet_timer_count_current 3\n", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_assembly_count_current 12\n", text, StringComparison.Ordinal);
        Assert.Contains("load_sum_current 1\n", text, StringComparison.Ordinal);
        Assert.Contains("cache_hit_ratio 0.5\n", text, StringComparison.Ordinal);
        Assert.Contains("errors_total_current 2\n", text, StringComparison.Ordinal);
        Assert.Contains("heap_bytes 2097152\n", text, StringComparison.Ordinal);
    }

    private static DistriC.Metrics.Interop.BridgedFamily GetState(BridgeFixture f)
    {
        foreach (var family in f.Registry.Families)
        {
            if (family is DistriC.Metrics.Interop.BridgedFamily bridged && family.Name == "direct_total")
            {
                return bridged;
            }
        }

        throw new InvalidOperationException("not bridged");
    }
}
