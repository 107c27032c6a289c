using System;
using System.Collections.Generic;
using System.Reflection;

namespace DistriC.Generator.Tests;

/// <summary>
/// Generated bindings compiled into a strict consumer (warnings as errors, documentation checked) and run: the mapping
/// from a measurement's tags to the flat index, value by value and type by type.
/// </summary>
public sealed class BindingCompileTests
{
    private static readonly Lazy<Assembly> Consumer = new(() => GeneratorHarness.Metrics.BuildAndLoad(ConsumerSources.Bindings));

    public static TheoryData<string, object?, string, object?, int> PaymentCases => new()
    {
        // method ordinal x 2 + outcome ordinal; _OTHER is the method's last value (ordinal 2).
        { "payment.method", "card", "outcome", "ok", 0 },
        { "payment.method", "sepa", "outcome", "failed", 3 },
        { "payment.method", "paypal", "outcome", "ok", 4 },
        { "payment.method", null, "outcome", "failed", 5 },
        { "region", "eu", "outcome", "ok", 4 },
        { "payment.method", "card", "outcome", "pending", -1 },
        { "payment.method", "card", "region", "eu", -1 },
    };

    [Theory]
    [MemberData(nameof(PaymentCases))]
    public void Payments_map_text_to_the_flat_index_with_the_catch_all_or_minus_one(string key1, object? value1, string key2, object? value2, int expected)
    {
        MeterInstrumentBinding binding = Create("Demo.Bindings.PaymentsProcessed");
        Assert.Equal(expected, binding.SeriesOf(new KeyValuePair<string, object?>[] { new(key1, value1), new(key2, value2) }));
    }

    [Fact]
    public void An_enum_tag_matches_the_enum_value_itself()
    {
        MeterInstrumentBinding binding = Create("Demo.Bindings.PaymentsProcessed");
        object failed = Enum.ToObject(Consumer.Value.GetType("Demo.Bindings.Outcome", throwOnError: true)!, 1);
        Assert.Equal(1, binding.SeriesOf(new KeyValuePair<string, object?>[] { new("payment.method", "card"), new("outcome", failed) }));
        Assert.Equal(new[] { "card", "sepa", "_OTHER" }, binding.Labels[0].AllowedValues);
        Assert.Equal("payment_method", binding.Labels[0].Key);
    }

    [Theory]
    [InlineData(200, true, 0)]
    [InlineData("404", false, 3)]
    [InlineData(404L, "true", 2)]
    [InlineData(503, false, 5)]
    [InlineData((short)200, true, 4)] // a short is not one of the matched number types: _OTHER
    public void Numbers_and_booleans_match_as_boxed_values_or_text(object status, object retried, int expected)
    {
        MeterInstrumentBinding binding = Create("Demo.Bindings.RequestDuration");
        Assert.Equal(expected, binding.SeriesOf(new KeyValuePair<string, object?>[] { new("http.response.status_code", status), new("retried", retried) }));
        Assert.Equal(MetricKind.Histogram, binding.Kind);
        Assert.Equal("s", binding.Unit);
        Assert.Equal(new[] { 0.1, 1.0 }, binding.Buckets);
    }

    [Fact]
    public void A_binding_without_tags_has_one_series()
    {
        MeterInstrumentBinding binding = Create("Demo.Bindings.QueueLength");
        Assert.Equal(0, binding.SeriesOf(new KeyValuePair<string, object?>[] { new("queue", "a") }));
        Assert.Empty(binding.Labels);
    }

    private static MeterInstrumentBinding Create(string type) =>
        (MeterInstrumentBinding)Activator.CreateInstance(Consumer.Value.GetType(type, throwOnError: true)!, nonPublic: true)!;
}
