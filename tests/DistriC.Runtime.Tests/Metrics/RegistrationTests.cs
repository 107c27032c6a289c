using System;
using System.Linq;

namespace DistriC.Tests.Metrics;

/// <summary>Registration limits and bad input (test_metrics.c, fm4/fm5/fm11 of test_failure_modes.c, and the bad-input list).</summary>
public sealed class RegistrationTests
{
    private static readonly LabelDefinition Method = new("method", "GET", "POST");

    [Fact]
    public void Registry_full_is_reported_and_nothing_is_added()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MaxMetrics = 3 });
        registry.CreateCounter("a_total", "a");
        registry.CreateGauge("b", "b");
        registry.CreateHistogram("c", "c");

        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("d_total", "d"));
        Assert.Equal(DistricStatus.RegistryFull, ex.Status);
        Assert.Contains("d_total", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, registry.Count);
        Assert.DoesNotContain("\nd_total", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Frozen_registry_rejects_registration_but_keeps_updating_and_exporting()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("a_total", "a");
        registry.Freeze();
        registry.Freeze();

        Assert.True(registry.IsFrozen);
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateGauge("late", "late"));
        Assert.Equal(DistricStatus.RegistryFrozen, ex.Status);
        Assert.Contains("late", ex.Message, StringComparison.Ordinal);
        Assert.Equal(DistricStatus.Ok, counter.Inc());
        Assert.Contains("a_total 1\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_rejected_across_kinds()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("dup", "first");

        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateGauge("dup", "second"));
        Assert.Equal(DistricStatus.AlreadyExists, ex.Status);
        Assert.Contains("'dup'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Internal_metric_names_are_taken()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter(MetricRegistry.DroppedUpdatesMetricName, "x"));
        Assert.Equal(DistricStatus.AlreadyExists, ex.Status);
    }

    [Fact]
    public void Cardinality_over_the_cap_is_rejected_with_the_product_in_the_message()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MaxCardinality = 100 });
        string[] regions = Enumerable.Range(0, 50).Select(i => "r" + i).ToArray();

        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x",
            new LabelDefinition("method", "GET", "POST", "PUT"), new LabelDefinition("region", regions)));

        Assert.Equal(DistricStatus.HighCardinality, ex.Status);
        Assert.Contains("method(3) × region(50) = 150 > 100", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("At run time the cap is MetricRegistryOptions.MaxCardinality.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Cardinality_exactly_at_the_cap_is_accepted()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MaxCardinality = 6 });
        Counter counter = registry.CreateCounter("x_total", "x", new LabelDefinition("a", "1", "2"), new LabelDefinition("b", "1", "2", "3"));
        Assert.Equal(DistricStatus.Ok, counter.Inc("2", "3"));
    }

    public static TheoryData<string?, string> InvalidNames => new()
    {
        { null, "name" },
        { string.Empty, "name" },
        { "1starts_with_digit", "1starts_with_digit" },
        { "has-dash", "has-dash" },
        { "has space", "has space" },
        { "ünïcode", "ünïcode" },
        { new string('a', 129), "aaaa" },
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_metric_names_are_rejected(string? name, string mentioned)
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter(name!, "help"));
        Assert.Equal(DistricStatus.InvalidArgument, ex.Status);
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, registry.Count);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("_private:sub")]
    [InlineData("ns:metric_total")]
    public void Valid_metric_names_are_accepted(string name)
    {
        var registry = new MetricRegistry();
        registry.CreateCounter(name, "help");
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Maximum_length_name_is_accepted()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge(new string('g', 128), "help");
        Assert.Equal(1, registry.Count);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("9x", "[a-zA-Z_][a-zA-Z0-9_]*")]
    [InlineData("with:colon", "[a-zA-Z_][a-zA-Z0-9_]*")]
    [InlineData("__reserved", "'__'")]
    public void Invalid_label_names_are_rejected(string label, string reason)
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", new LabelDefinition(label, "v")));
        Assert.Equal(DistricStatus.InvalidArgument, ex.Status);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Le_is_reserved_on_histograms_only()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateHistogram("h", "h", new LabelDefinition("le", "1")));
        Assert.Contains("reserved for histogram buckets", ex.Message, StringComparison.Ordinal);
        registry.CreateCounter("c_total", "c", new LabelDefinition("le", "1"));
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void More_than_eight_labels_are_rejected()
    {
        var registry = new MetricRegistry();
        LabelDefinition[] labels = Enumerable.Range(0, 9).Select(i => new LabelDefinition("l" + i, "v")).ToArray();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", labels));
        Assert.Contains("9 labels", ex.Message, StringComparison.Ordinal);
        registry.CreateCounter("y_total", "y", labels[..8]);
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Duplicate_label_names_are_rejected()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", Method, new LabelDefinition("method", "PUT")));
        Assert.Equal("DSC005: Label name 'method' of metric 'x_total' is declared twice; rename the label", ex.Message);
    }

    [Fact]
    public void Empty_allowlist_is_rejected_as_unbounded()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", new LabelDefinition("user_id")));
        Assert.Equal(DistricStatus.HighCardinality, ex.Status);
        Assert.Equal(
            "DSC001: Label 'user_id' of metric 'x_total' is unbounded: its allowlist is empty; list its values in [Label(\"user_id\", \"a\", \"b\")]. "
            + "With the dynamic API, pass the values to new LabelDefinition(\"user_id\", ...).",
            ex.Message);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Empty_allowlist_array_is_rejected_as_unbounded_by_every_kind()
    {
        var registry = new MetricRegistry();
        var unbounded = new LabelDefinition("region", Array.Empty<string>());
        Assert.Equal(DistricStatus.HighCardinality, Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", Method, unbounded)).Status);
        Assert.Equal(DistricStatus.HighCardinality, Assert.Throws<MetricRegistrationException>(() => registry.CreateGauge("g", "g", unbounded)).Status);
        Assert.Equal(DistricStatus.HighCardinality, Assert.Throws<MetricRegistrationException>(() => registry.CreateHistogram("h", "h", unbounded)).Status);
        Assert.Equal(DistricStatus.HighCardinality, Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("y_total", "y", new LabelDefinition("region", null!))).Status);
        Assert.Equal(0, registry.Count);
    }

    [Theory]
    [InlineData(new[] { "a", "" }, "value #1 is empty")]
    [InlineData(new[] { "a", "b", "a" }, "value \"a\" is listed twice")]
    [InlineData(new[] { "a", null }, "value #1 is null")]
    public void Bad_allowlist_values_are_rejected(string?[] values, string reason)
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", new LabelDefinition("k", values!)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_label_value_is_rejected()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", new LabelDefinition("k", new string('v', 129))));
        Assert.Contains("longer than 128", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1.0, double.NaN }, "finite")]
    [InlineData(new[] { 1.0, double.PositiveInfinity }, "finite")]
    [InlineData(new[] { 1.0, 0.5 }, "strictly increasing")]
    [InlineData(new[] { 1.0, 1.0 }, "strictly increasing")]
    [InlineData(new double[0], "no buckets")]
    public void Bad_buckets_are_rejected(double[] buckets, string reason)
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateHistogram("h", "h", buckets));
        Assert.Equal(DistricStatus.InvalidArgument, ex.Status);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_buckets_are_the_seeds()
    {
        Histogram histogram = new MetricRegistry().CreateHistogram("h", "h");
        Assert.Equal(new[] { 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10 }, histogram.Buckets);
    }

    [Fact]
    public void Help_longer_than_256_characters_is_rejected()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.CreateGauge("g", new string('h', 257)));
        Assert.Contains("257 characters", ex.Message, StringComparison.Ordinal);
        registry.CreateGauge("g", new string('h', 256));
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void A_failed_registration_leaves_the_name_free()
    {
        var registry = new MetricRegistry();
        Assert.Throws<MetricRegistrationException>(() => registry.CreateCounter("x_total", "x", new LabelDefinition("k")));
        registry.CreateCounter("x_total", "x", new LabelDefinition("k", "v"));
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Wrong_label_count_and_null_values_are_invalid_labels_not_exceptions()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("x_total", "x", Method);
        Assert.Equal(DistricStatus.InvalidLabel, counter.Inc());
        Assert.Equal(DistricStatus.InvalidLabel, counter.Inc("GET", "extra"));
        Assert.Equal(DistricStatus.InvalidLabel, counter.Inc((string)null!));
        Assert.Equal(3, registry.Drops.InvalidLabel);
    }

    [Fact]
    public void Negative_counter_add_and_NaN_observation_are_invalid_values()
    {
        var registry = new MetricRegistry();
        Counter counter = registry.CreateCounter("x_total", "x");
        Histogram histogram = registry.CreateHistogram("h", "h");
        Assert.Equal(DistricStatus.InvalidValue, counter.Add(-1));
        Assert.Equal(DistricStatus.InvalidValue, histogram.Observe(double.NaN));
        Assert.Equal(0, counter.Get());
        Assert.Equal(0, histogram.GetCount());
        Assert.Equal(2, registry.Drops.InvalidValue);
        Assert.Contains("distric_internal_metric_updates_dropped_total{reason=\"invalid_value\"} 2\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_an_unknown_series_throws_an_argument_exception_naming_the_metric()
    {
        Counter counter = new MetricRegistry().CreateCounter("x_total", "x", Method);
        var ex = Assert.Throws<ArgumentException>(() => counter.Get("PATCH"));
        Assert.Contains("x_total", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_descriptions_are_human_readable_and_distinct()
    {
        DistricStatus[] all = Enum.GetValues<DistricStatus>();
        Assert.Equal(all.Length, all.Select(s => s.Describe()).Distinct().Count());
        Assert.DoesNotContain(all, s => s.Describe() == "unknown error");
        Assert.Equal(-8, (int)DistricStatus.InvalidLabel);
        Assert.Equal(-9, (int)DistricStatus.HighCardinality);
        Assert.Equal(-4, (int)DistricStatus.RegistryFull);
    }
}
