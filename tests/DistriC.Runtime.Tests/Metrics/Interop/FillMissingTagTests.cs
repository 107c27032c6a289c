using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace DistriC.Tests.Metrics.Interop;

/// <summary><see cref="MeterBridgeOptions.FillMissingTag"/>: a measurement lacking the tag is recorded under the given value.</summary>
public sealed class FillMissingTagTests
{
    [Fact]
    public void A_missing_or_null_tag_is_recorded_under_the_fill_value_and_a_present_one_is_kept()
    {
        using var f = new BridgeFixture(o => o.FillMissingTag("requests.handled", "route", "_OTHER"));
        Counter<long> requests = f.Meter.CreateCounter<long>("requests.handled");
        requests.Add(1, new KeyValuePair<string, object?>("route", "/orders/{id}"), new("code", 200));
        requests.Add(1, new KeyValuePair<string, object?>("code", 404));
        requests.Add(1, new KeyValuePair<string, object?>("route", null), new("code", 404));
        requests.Add(1);

        Assert.Equal(
            "# HELP requests_handled_total DistriC.Tests." + f.Meter.Name["DistriC.Tests.".Length..] + " requests.handled\n" +
            "# TYPE requests_handled_total counter\n" +
            "requests_handled_total{route=\"/orders/{id}\",code=\"200\"} 1\n" +
            "requests_handled_total{route=\"_OTHER\",code=\"404\"} 2\n" +
            "requests_handled_total{route=\"_OTHER\"} 1\n",
            f.Text());
    }

    [Fact]
    public void Filling_allocates_nothing_once_the_series_exists()
    {
        using var f = new BridgeFixture(o => o.FillMissingTag("requests.timed", "route", "_OTHER"));
        Histogram<double> duration = f.Meter.CreateHistogram<double>("requests.timed", "s");
        var code = new KeyValuePair<string, object?>("code", "404");
        duration.Record(0.1, code);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            duration.Record(0.1, code);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains("requests_timed_seconds_count{code=\"404\",route=\"_OTHER\"} 1001\n", f.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_AspNetCore_preset_fills_the_route_of_the_request_duration_only()
    {
        MeterBridgeOptions options = new MeterBridgeOptions().AddAspNetCore();
        Assert.Equal([new KeyValuePair<string, object?>("http.route", MeterBridgePresets.UnmatchedRoute)], options.FillsFor("http.server.request.duration"));
        Assert.Empty(options.FillsFor("http.server.active_requests"));
        Assert.Throws<ArgumentException>(() => options.FillMissingTag("x", "route", ""));
    }
}
