using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

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
    public async Task Concurrent_updates_that_keep_the_message_never_bring_back_a_replaced_one()
    {
        // A state is one immutable record, so status and message cannot tear. What can go wrong is "keep the previous
        // message" (Update without one) racing an update that sets a new message: a read-then-store would write the
        // old message back over the new one. One writer sets messages 1..N in order while another keeps the message;
        // both check after each of their updates that the number never went below the highest they have seen, and
        // the last message must be N.
        const int Updates = 200_000;
        HealthComponent component = new HealthRegistry().Register("service");
        component.Update(HealthStatus.Up, "0");
        using var keeperStarted = new ManualResetEventSlim();
        int setterDone = 0;
        int Current() => int.Parse(component.State.Message!, CultureInfo.InvariantCulture);

        Task<string?> keeper = Task.Factory.StartNew(
            () =>
            {
                int highest = 0;
                do
                {
                    highest = Math.Max(highest, Current());
                    Assert.Equal(DistricStatus.Ok, component.Update(HealthStatus.Degraded));
                    keeperStarted.Set();
                    if (Current() < highest)
                    {
                        return $"keeper saw {highest}, then {Current()}";
                    }
                }
                while (Volatile.Read(ref setterDone) == 0);
                return null;
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Task<string?> setter = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    keeperStarted.Wait();
                    for (int i = 1; i <= Updates; i++)
                    {
                        Assert.Equal(DistricStatus.Ok, component.Update(HealthStatus.Down, i.ToString(CultureInfo.InvariantCulture)));
                        if (Current() < i)
                        {
                            return $"setter wrote {i}, then read {Current()}";
                        }
                    }

                    return null;
                }
                finally
                {
                    Volatile.Write(ref setterDone, 1);
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Awaiting rethrows a writer's failure here, on the test thread.
        string?[] regressions = await Task.WhenAll(setter, keeper);
        Assert.Equal(new string?[] { null, null }, regressions);
        Assert.Equal(Updates.ToString(CultureInfo.InvariantCulture), component.Message);
        Assert.Contains(component.Status, new[] { HealthStatus.Down, HealthStatus.Degraded });
    }

    [Theory]
    [InlineData(HealthStatus.Up, "UP")]
    [InlineData(HealthStatus.Degraded, "DEGRADED")]
    [InlineData(HealthStatus.Down, "DOWN")]
    [InlineData((HealthStatus)9, "UNKNOWN")]
    public void Wire_names_match_the_seed(HealthStatus status, string expected) => Assert.Equal(expected, status.ToWireName());
}
