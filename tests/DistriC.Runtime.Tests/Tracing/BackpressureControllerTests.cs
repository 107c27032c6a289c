using System;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>The drop-rate signal in isolation (queue empty), on a manual clock with 100 ms evaluations.</summary>
public sealed class BackpressureControllerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Five_drops_within_a_second_enter()
    {
        var time = new ManualTimeProvider();
        var controller = new BackpressureController(time);
        controller.Evaluate(0, 64, 0);

        time.Advance(Tick);
        controller.Evaluate(0, 64, 4);
        Assert.False(controller.InBackpressure);
        time.Advance(Tick);
        controller.Evaluate(0, 64, 5);

        Assert.True(controller.InBackpressure);
        Assert.True(controller.DropSignal);
        Assert.False(controller.FillSignal);
    }

    [Fact]
    public void Four_drops_per_second_for_a_minute_never_enter()
    {
        var time = new ManualTimeProvider();
        var controller = new BackpressureController(time);
        long drops = 0;
        for (int tick = 0; tick < 600; tick++)
        {
            // 4 drops per second, spread as evenly as 100 ms ticks allow (ticks 0, 3, 5, 8 of every 10).
            if (tick % 10 is 0 or 3 or 5 or 8)
            {
                drops++;
            }

            controller.Evaluate(0, 64, drops);
            Assert.False(controller.InBackpressure, $"tick {tick}");
            time.Advance(Tick);
        }

        Assert.Equal(240, drops);
        Assert.Equal(0, controller.Transitions);
    }

    [Fact]
    public void The_seed_window_bug_is_not_ported_sparse_drops_never_add_up_to_a_rate()
    {
        var time = new ManualTimeProvider();
        var controller = new BackpressureController(time);
        for (long drops = 0; drops < 20; drops++)
        {
            controller.Evaluate(0, 64, drops); // one drop every 2 s
            time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.False(controller.InBackpressure);
    }

    [Fact]
    public void Drops_every_two_seconds_hold_backpressure_and_three_quiet_seconds_release_it()
    {
        var time = new ManualTimeProvider();
        var controller = new BackpressureController(time);
        controller.Evaluate(0, 64, 0);
        controller.Evaluate(0, 64, 10);
        Assert.True(controller.InBackpressure);

        // A trickle below the entry rate keeps it raised (no oscillation): the exit needs 3 s without any drop.
        long drops = 10;
        for (int i = 0; i < 60; i++)
        {
            time.Advance(Tick);
            if (i % 20 == 19)
            {
                drops++;
            }

            controller.Evaluate(0, 64, drops);
            Assert.True(controller.InBackpressure, $"step {i}");
        }

        // Last drop was at step 59; exit exactly 3 s later.
        time.Advance(TimeSpan.FromMilliseconds(2900));
        controller.Evaluate(0, 64, drops);
        Assert.True(controller.InBackpressure);
        time.Advance(Tick);
        controller.Evaluate(0, 64, drops);
        Assert.False(controller.InBackpressure);
        Assert.Equal(2, controller.Transitions);
    }

    [Fact]
    public void Either_signal_holds_backpressure_until_both_are_down()
    {
        var time = new ManualTimeProvider();
        var controller = new BackpressureController(time);
        controller.Evaluate(48, 64, 0);
        Assert.True(controller.FillSignal);
        controller.Evaluate(48, 64, 5);
        Assert.True(controller.DropSignal);

        controller.Evaluate(10, 64, 5);
        Assert.False(controller.FillSignal);
        Assert.True(controller.InBackpressure);

        time.Advance(TimeSpan.FromSeconds(3));
        controller.Evaluate(10, 64, 5);
        Assert.False(controller.InBackpressure);
        Assert.Equal(2, controller.Transitions);
    }
}
