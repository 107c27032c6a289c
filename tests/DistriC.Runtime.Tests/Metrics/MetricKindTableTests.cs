using System;
using System.Linq;
using DistriC.Exposition;
using DistriC.Infrastructure;
using DistriC.Metrics;

namespace DistriC.Tests.Metrics;

/// <summary>The per-kind table covers exactly the public kinds, and a kind value outside it is rejected, never exposed as another kind.</summary>
public sealed class MetricKindTableTests
{
    [Fact]
    public void The_table_has_one_row_per_public_kind_with_its_value_and_name()
    {
        MetricKind[] kinds = Enum.GetValues<MetricKind>();
        Assert.Equal(kinds.Select(k => ((int)k, k.ToString())), MetricKinds.All.Select(k => (k.Value, k.Name)));
    }

    [Fact]
    public void Registering_an_undefined_kind_throws_invalid_argument_with_DSC013()
    {
        var registry = new MetricRegistry();
        var ex = Assert.Throws<MetricRegistrationException>(() => registry.Register(new MetricDescriptor((MetricKind)99, "queue_depth", "x"), null));

        Assert.Equal(DistricStatus.InvalidArgument, ex.Status);
        Assert.Equal(
            "DSC013: Metric 'queue_depth' has kind 99, which is not a MetricKind member: use MetricKind.Counter, MetricKind.Gauge, MetricKind.Histogram or MetricKind.Info",
            ex.Message);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void An_undefined_kind_has_no_family_header_rather_than_a_histogram_one()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FamilyHeader((MetricKind)99, "x", "help", null));
        Assert.Contains("99 is not a metric kind", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strides_are_row_major_with_the_last_label_fastest()
    {
        Assert.Equal(new[] { 12, 4, 1 }, MetricGeometry.Strides(new[] { 2, 3, 4 }));
        Assert.Equal(24, MetricGeometry.Cardinality(new[] { 2, 3, 4 }));
        Assert.Equal(1, MetricGeometry.Cardinality(Array.Empty<int>()));
        Assert.Equal(MetricGeometry.Saturated, MetricGeometry.Cardinality(new[] { 100_000, 100_000 }));
    }

    [Fact]
    public void The_layout_of_a_registered_metric_uses_the_shared_strides()
    {
        var descriptor = new MetricDescriptor(MetricKind.Gauge, "g", "g", new[] { "a", "b" }, new[] { new[] { "1", "2" }, new[] { "x", "y", "z" } });
        MetricLayout layout = DescriptorValidator.Validate(descriptor, 100);
        Assert.Equal(new[] { 3, 1 }, layout.Strides);
        Assert.Equal(6, layout.Cardinality);
        Assert.Equal(new[] { 1, 2 }, layout.OrdinalsOf(5));
    }
}
