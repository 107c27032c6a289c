using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>
/// Real instruments bound by declaration (<see cref="PaymentsProcessed"/>, <see cref="ServerRequestDuration"/>): exactly
/// the declared series, exact counts, other values in the catch-all or dropped and counted, unlisted tags aggregated away.
/// The bindings name one meter, so the tests of this class (run one at a time) each create it anew.
/// </summary>
public sealed class DeclaredBindingTests
{
    public const string MeterName = "DistriC.Tests.DeclaredBinding";

    [Fact]
    public void Counter_records_exactly_the_declared_series_with_the_catch_all_for_other_values()
    {
        using var f = new Fixture(o => o.AddBinding(new PaymentsProcessed()));
        Counter<long> payments = f.Meter.CreateCounter<long>("payments.processed", "{payment}", "Payments processed");
        payments.Add(3, new("payment.method", "card"), new("outcome", "ok"), new("region", "eu"));
        payments.Add(2, new("outcome", "ok"), new("payment.method", "card"), new("region", "us")); // region is aggregated away
        payments.Add(1, new("payment.method", "sepa"), new("outcome", PaymentOutcome.Failed)); // the enum value itself
        payments.Add(4, new("payment.method", "paypal"), new("outcome", "failed")); // not listed: _OTHER
        payments.Add(5, new KeyValuePair<string, object?>("outcome", "ok")); // no method at all: _OTHER
        payments.Add(7, new("payment.method", "card"), new("outcome", "pending")); // outcome has no catch-all: dropped

        Assert.Equal(6, PaymentsProcessed.Cardinality);
        Assert.Equal(
            "# HELP payments_processed_total Payments processed\n# TYPE payments_processed_total counter\n" +
            "payments_processed_total{payment_method=\"card\",outcome=\"ok\"} 5\n" +
            "payments_processed_total{payment_method=\"card\",outcome=\"failed\"} 0\n" +
            "payments_processed_total{payment_method=\"sepa\",outcome=\"ok\"} 0\n" +
            "payments_processed_total{payment_method=\"sepa\",outcome=\"failed\"} 1\n" +
            "payments_processed_total{payment_method=\"_OTHER\",outcome=\"ok\"} 5\n" +
            "payments_processed_total{payment_method=\"_OTHER\",outcome=\"failed\"} 4\n",
            f.Text());
        Assert.Equal(1, f.Registry.Drops.InvalidLabel);
    }

    [Fact]
    public void Histogram_matches_boxed_numbers_and_text_and_uses_the_declared_buckets()
    {
        using var f = new Fixture(o => o.AddBinding(new ServerRequestDuration()));
        Histogram<double> duration = f.Meter.CreateHistogram<double>("http.server.request.duration", "s", "Request duration");
        duration.Record(0.05, new("http.request.method", "GET"), new("http.response.status_code", 200), new("url.path", "/a"));
        duration.Record(0.5, new("http.request.method", "GET"), new("http.response.status_code", "200"));
        duration.Record(2, new("http.request.method", "POST"), new("http.response.status_code", 503)); // _OTHER
        duration.Record(0.01, new("http.request.method", "PUT"), new("http.response.status_code", 200)); // no catch-all: dropped

        string text = f.Text();
        Assert.Contains("http_server_request_duration_seconds_bucket{http_response_status_code=\"200\",http_request_method=\"GET\",le=\"0.1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{http_response_status_code=\"200\",http_request_method=\"GET\",le=\"1\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{http_response_status_code=\"200\",http_request_method=\"GET\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_sum{http_response_status_code=\"200\",http_request_method=\"GET\"} 0.55\n", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{http_response_status_code=\"_OTHER\",http_request_method=\"POST\",le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{http_response_status_code=\"404\",http_request_method=\"POST\"} 0\n", text, StringComparison.Ordinal);
        // 3 status values x 2 methods, each with its _count line: nothing else.
        Assert.Equal(6, text.Split("http_server_request_duration_seconds_count{").Length - 1);
        Assert.Equal(1, f.Registry.Drops.InvalidLabel);
    }

    [Fact]
    public void A_binding_wins_over_its_meter_added_as_a_whole()
    {
        using var f = new Fixture(o => o.AddMeter(MeterName).AddBinding(new PaymentsProcessed()));
        Counter<long> payments = f.Meter.CreateCounter<long>("payments.processed", "{payment}");
        payments.Add(1, new("payment.method", "bitcoin"), new("outcome", "ok"), new("user.id", "u-1"));

        Assert.Contains("payments_processed_total{payment_method=\"_OTHER\",outcome=\"ok\"} 1\n", f.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("user_id", f.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_instrument_of_another_kind_or_unit_than_declared_is_not_bridged()
    {
        using var f = new Fixture(o => o.AddBinding(new PaymentsProcessed()).AddBinding(new ServerRequestDuration()));
        f.Meter.CreateUpDownCounter<long>("payments.processed", "{payment}").Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
        f.Meter.CreateHistogram<double>("http.server.request.duration", "ms").Record(5);

        Assert.Equal(2, f.Bridge.RejectedInstruments);
        Assert.Equal(string.Empty, f.Text());
    }

    [Fact]
    public void A_measurement_with_three_tags_allocates_nothing_on_the_declared_path()
    {
        using var f = new Fixture(o => o.AddBinding(new PaymentsProcessed()).AddBinding(new ServerRequestDuration()));
        Counter<long> payments = f.Meter.CreateCounter<long>("payments.processed", "{payment}");
        Histogram<double> duration = f.Meter.CreateHistogram<double>("http.server.request.duration", "s");
        object status = 200; // boxed once, as ASP.NET Core caches its boxed status codes
        var method = new KeyValuePair<string, object?>("payment.method", "sepa");
        var outcome = new KeyValuePair<string, object?>("outcome", "ok");
        var region = new KeyValuePair<string, object?>("region", "eu");
        var code = new KeyValuePair<string, object?>("http.response.status_code", status);
        var verb = new KeyValuePair<string, object?>("http.request.method", "POST");
        for (int i = 0; i < 100; i++)
        {
            payments.Add(1, method, outcome, region);
            duration.Record(0.2, code, verb, region);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            payments.Add(1, method, outcome, region);
            duration.Record(0.2, code, verb, region);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        string text = f.Text();
        Assert.Contains("payments_processed_total{payment_method=\"sepa\",outcome=\"ok\"} 10100\n", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{http_response_status_code=\"200\",http_request_method=\"POST\"} 10100\n", text, StringComparison.Ordinal);
    }

    [ToolFact("promtool")]
    public async Task Declared_families_pass_promtool_check_metrics()
    {
        using var f = new Fixture(o => o.AddBinding(new PaymentsProcessed()).AddBinding(new ServerRequestDuration()));
        f.Meter.CreateCounter<long>("payments.processed", "{payment}", "Payments processed").Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
        f.Meter.CreateHistogram<double>("http.server.request.duration", "s", "Request duration").Record(0.3, new("http.request.method", "GET"), new("http.response.status_code", 404));

        string text = f.Registry.ExportText();
        (int exit, string output) = Assert.NotNull(await Promtool.CheckMetricsAsync(text));
        Assert.True(exit == 0, $"promtool exit {exit}: {output}\n{text}");
    }

    /// <summary>The bindings' meter, a registry and a bridge started with <c>configure</c>'s options only.</summary>
    private sealed class Fixture : IDisposable
    {
        public Fixture(Action<MeterBridgeOptions> configure)
        {
            Registry = new MetricRegistry();
            var options = new MeterBridgeOptions();
            configure(options);
            Bridge = new MeterBridge(Registry, options);
            Bridge.Start();
            Meter = new Meter(MeterName);
        }

        public Meter Meter { get; }

        public MetricRegistry Registry { get; }

        public MeterBridge Bridge { get; }

        public string Text() => BridgeFixture.WithoutInternal(Registry.ExportText());

        public void Dispose()
        {
            Bridge.Dispose();
            Meter.Dispose();
        }
    }
}
