using System;
using System.Threading;
using System.Collections.Generic;
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
    public void Concurrent_updates_never_tear_status_from_message()
    {
        // Each writer pairs one status with one message; a reader must never see a mixed pair.
        HealthComponent component = new HealthRegistry().Register("service");
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(2);
        Thread[] writers =
        [
            new(() => Write(HealthStatus.Down, "down")),
            new(() => Write(HealthStatus.Degraded, "degraded")),
        ];
        foreach (Thread writer in writers)
        {
            writer.Start();
        }

        Assert.True(started.Wait(TimeSpan.FromSeconds(10)), "writers did not start");
        int mismatches = 0;
        var seen = new HashSet<string?>();
        // Read until both writers have been observed (the race was exercised) and enough reads were made, within a bound.
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; (i < 200_000 || seen.Count < 2) && elapsed.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            HealthComponentState state = component.State;
            seen.Add(state.Message);
            if (!string.Equals(state.Message, state.Status.ToWireName(), StringComparison.OrdinalIgnoreCase))
            {
                mismatches++;
            }
        }

        stop.Cancel();
        foreach (Thread writer in writers)
        {
            writer.Join();
        }

        Assert.Equal(0, mismatches);
        Assert.Equal(new HashSet<string?> { "down", "degraded" }, seen);

        void Write(HealthStatus status, string message)
        {
            component.Update(status, message);
            started.Signal();
            while (!stop.IsCancellationRequested)
            {
                component.Update(status, message);
            }
        }
    }

    [Theory]
    [InlineData(HealthStatus.Up, "UP")]
    [InlineData(HealthStatus.Degraded, "DEGRADED")]
    [InlineData(HealthStatus.Down, "DOWN")]
    [InlineData((HealthStatus)9, "UNKNOWN")]
    public void Wire_names_match_the_seed(HealthStatus status, string expected) => Assert.Equal(expected, status.ToWireName());
}
