using System;
using System.Linq;

namespace DistriC.Runtime.Tests.Health;

public sealed class HealthRegistryTests
{
    [Fact]
    public void Register_same_name_twice_returns_the_same_component_and_counts_once()
    {
        var registry = new HealthRegistry();
        HealthComponent first = registry.Register("database");
        HealthComponent second = registry.Register("database");

        Assert.Same(first, second);
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Names_differing_only_in_case_are_different_components()
    {
        var registry = new HealthRegistry();
        Assert.NotSame(registry.Register("db"), registry.Register("DB"));
        Assert.Equal(2, registry.Count);
    }

    [Fact]
    public void Default_cap_is_64_components_then_RegistryFull_but_existing_names_still_resolve()
    {
        var registry = new HealthRegistry();
        for (int i = 0; i < 64; i++)
        {
            registry.Register($"c{i}");
        }

        HealthRegistrationException error = Assert.Throws<HealthRegistrationException>(() => registry.Register("one-too-many"));
        Assert.Equal(DistricStatus.RegistryFull, error.Status);
        Assert.Equal(DistricStatus.RegistryFull, registry.TryRegister("another", out HealthComponent? none));
        Assert.Null(none);
        Assert.Equal(64, registry.Count);

        // Idempotence wins over the cap: an existing name is not a new registration.
        Assert.Equal(DistricStatus.Ok, registry.TryRegister("c10", out HealthComponent? existing));
        Assert.Equal("c10", existing!.Name);
    }

    [Fact]
    public void Custom_cap_is_honoured()
    {
        var registry = new HealthRegistry(new HealthRegistryOptions { MaxComponents = 2 });
        registry.Register("a");
        registry.Register("b");
        Assert.Equal(DistricStatus.RegistryFull, registry.TryRegister("c", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthRegistry(new HealthRegistryOptions { MaxComponents = 0 }));
    }

    // Built in code: attribute arguments cannot carry unpaired surrogates (metadata stores them as U+FFFD).
    private static readonly string?[] InvalidNames = ["", null, "\ud800lone-high-surrogate", "lone-low-surrogate\udc00"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Invalid_names_are_rejected_with_InvalidArgument(int which)
    {
        string? name = InvalidNames[which];
        var registry = new HealthRegistry();
        Assert.Equal(DistricStatus.InvalidArgument, registry.TryRegister(name!, out _));
        Assert.Equal(DistricStatus.InvalidArgument, Assert.Throws<HealthRegistrationException>(() => registry.Register(name!)).Status);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Name_length_limit_is_64_characters_and_longer_names_are_rejected_not_truncated()
    {
        var registry = new HealthRegistry();
        Assert.Equal(DistricStatus.Ok, registry.TryRegister(new string('x', 64), out _));
        Assert.Equal(DistricStatus.InvalidArgument, registry.TryRegister(new string('y', 65), out _));
        Assert.Equal(new string('x', 64), Assert.Single(registry.Components).Name);
    }

    [Fact]
    public void Overall_is_up_when_empty_and_the_worst_component_otherwise()
    {
        var registry = new HealthRegistry();
        Assert.Equal(HealthStatus.Up, registry.Overall);

        HealthComponent db = registry.Register("database");
        HealthComponent cache = registry.Register("cache");
        registry.Register("api");
        Assert.Equal(HealthStatus.Up, registry.Overall);

        cache.Update(HealthStatus.Degraded, "Slow");
        Assert.Equal(HealthStatus.Degraded, registry.Overall);

        db.Update(HealthStatus.Down, "Unavailable");
        Assert.Equal(HealthStatus.Down, registry.Overall);

        db.Update(HealthStatus.Up, "Recovered");
        Assert.Equal(HealthStatus.Degraded, registry.Overall);

        cache.Update(HealthStatus.Up);
        Assert.Equal(HealthStatus.Up, registry.Overall);
    }

    [Fact]
    public void Components_lists_in_registration_order()
    {
        var registry = new HealthRegistry();
        registry.Register("z");
        registry.Register("a");
        registry.Register("m");
        Assert.Equal(new[] { "z", "a", "m" }, registry.Components.Select(c => c.Name));
    }

    [Fact]
    public void RegisterMetrics_exposes_overall_status_as_a_gauge_read_at_scrape_time()
    {
        var health = new HealthRegistry();
        var metrics = new MetricRegistry();
        health.RegisterMetrics(metrics);
        HealthComponent db = health.Register("db");

        Assert.Contains("\ndistric_health_status 0\n", metrics.ExportText(), StringComparison.Ordinal);
        db.Update(HealthStatus.Down);
        Assert.Contains("\ndistric_health_status 2\n", metrics.ExportText(), StringComparison.Ordinal);
    }
}
