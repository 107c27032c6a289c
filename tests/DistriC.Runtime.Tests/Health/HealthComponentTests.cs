using System;
using System.Threading;
using System.Threading.Tasks;
using DistriC;

namespace DistriC.Runtime.Tests.Health;

public sealed class HealthComponentTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_component_is_up_without_message_and_stamped_at_registration()
    {
        var clock = new ManualTimeProvider(Start);
        var registry = new HealthRegistry(new HealthRegistryOptions { TimeProvider = clock });
        HealthComponent component = registry.Register("service");

        Assert.Equal(HealthStatus.Up, component.Status);
        Assert.Null(component.Message);
        Assert.Equal(Start, component.LastUpdated);
    }

    [Fact]
    public void Update_sets_status_message_and_stamps_the_clock_time()
    {
        var clock = new ManualTimeProvider(Start);
        HealthComponent component = new HealthRegistry(new HealthRegistryOptions { TimeProvider = clock }).Register("service");

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(DistricStatus.Ok, component.Update(HealthStatus.Degraded, "High latency detected"));

        Assert.Equal(new HealthComponentState(HealthStatus.Degraded, "High latency detected", Start.AddSeconds(5)), component.State);
    }

    [Fact]
    public void Update_without_message_keeps_the_previous_message_but_restamps()
    {
        var clock = new ManualTimeProvider(Start);
        HealthComponent component = new HealthRegistry(new HealthRegistryOptions { TimeProvider = clock }).Register("service");
        component.Update(HealthStatus.Down, "Connection refused");

        clock.Advance(TimeSpan.FromMinutes(1));
        component.Update(HealthStatus.Up);

        Assert.Equal(new HealthComponentState(HealthStatus.Up, "Connection refused", Start.AddMinutes(1)), component.State);
    }

    [Fact]
    public void Undefined_status_is_rejected_and_changes_nothing()
    {
        HealthComponent component = new HealthRegistry().Register("service");
        component.Update(HealthStatus.Degraded, "before");
        HealthComponentState before = component.State;

        Assert.Equal(DistricStatus.InvalidArgument, component.Update((HealthStatus)7, "after"));
        Assert.Equal(DistricStatus.InvalidArgument, component.Update((HealthStatus)(-1), "after"));
        Assert.Same(before, component.State);
    }

    [Fact]
    public async Task Concurrent_updates_never_tear_status_from_message()
    {
        // Each writer pairs one status with one message; a reader must never see a mixed pair.
        HealthComponent component = new HealthRegistry().Register("service");
        using var stop = new CancellationTokenSource();
        Task[] writers =
        [
            Task.Run(() => { while (!stop.IsCancellationRequested) { component.Update(HealthStatus.Down, "down"); } }),
            Task.Run(() => { while (!stop.IsCancellationRequested) { component.Update(HealthStatus.Degraded, "degraded"); } }),
        ];

        int mismatches = 0;
        for (int i = 0; i < 200_000; i++)
        {
            HealthComponentState state = component.State;
            if (state.Message is not null && !string.Equals(state.Message, state.Status.ToWireName(), StringComparison.OrdinalIgnoreCase))
            {
                mismatches++;
            }
        }

        stop.Cancel();
        await Task.WhenAll(writers);
        Assert.Equal(0, mismatches);
    }

    [Theory]
    [InlineData(HealthStatus.Up, "UP")]
    [InlineData(HealthStatus.Degraded, "DEGRADED")]
    [InlineData(HealthStatus.Down, "DOWN")]
    [InlineData((HealthStatus)9, "UNKNOWN")]
    public void Wire_names_match_the_seed(HealthStatus status, string expected) => Assert.Equal(expected, status.ToWireName());
}
