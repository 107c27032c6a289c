using System;
using System.Threading;

namespace DistriC;

/// <summary>
/// The seed's two-signal adaptive sampling state machine, with hysteresis on both signals:
/// <list type="bullet">
/// <item>Signal A (queue fill): raised at 75 % fill, lowered below 50 %.</item>
/// <item>Signal B (drop rate): raised at 5 or more drops per second, lowered after 3 s without a new drop.</item>
/// </list>
/// Backpressure is A or B. One writer at a time (the evaluation timer, or a test calling it directly);
/// producers only read <see cref="InBackpressure"/>. Time comes from the tracer's <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Unlike the seed, the drop rate is measured over a sliding one-second window (the seed summed drops into a
/// window that was only reset when it saw none, so one drop every two seconds eventually "entered" at 5/s).
/// </remarks>
internal sealed class BackpressureController
{
    internal const int FillEnterPercent = 75;
    internal const int FillExitPercent = 50;
    internal const int DropRateEnterPerSecond = 5;
    internal static readonly TimeSpan DropClearWindow = TimeSpan.FromSeconds(3);

    private const int HistoryLength = 64;

    private readonly TimeProvider _time;
    private readonly long _oneSecond;
    private readonly long _clearWindow;
    private readonly object _gate = new();
    private readonly (long Timestamp, long Drops)[] _history = new (long, long)[HistoryLength];
    private int _historyCount;
    private int _historyNext;
    private long _lastDropCount;
    private long _lastDropTimestamp;
    private bool _fillSignal;
    private bool _dropSignal;
    private volatile bool _inBackpressure;
    private long _transitions;

    public BackpressureController(TimeProvider time)
    {
        _time = time;
        _oneSecond = time.TimestampFrequency;
        _clearWindow = (long)(DropClearWindow.TotalSeconds * time.TimestampFrequency);

        // Baseline "no drops at creation", so drops before the first evaluation still count towards the rate.
        long now = time.GetTimestamp();
        _lastDropTimestamp = now;
        _history[0] = (now, 0);
        _historyCount = 1;
        _historyNext = 1;
    }

    /// <summary>The combined signal; read by every span start.</summary>
    public bool InBackpressure => _inBackpressure;

    /// <summary>Signal A.</summary>
    public bool FillSignal { get { lock (_gate) { return _fillSignal; } } }

    /// <summary>Signal B.</summary>
    public bool DropSignal { get { lock (_gate) { return _dropSignal; } } }

    /// <summary>How many times <see cref="InBackpressure"/> has changed (entries plus exits).</summary>
    public long Transitions => Interlocked.Read(ref _transitions);

    /// <summary>Re-evaluates both signals from the current queue depth and the cumulative drop count.</summary>
    public void Evaluate(int depth, int capacity, long totalDrops)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            EvaluateFill(depth, capacity);
            EvaluateDrops(now, totalDrops);
            bool combined = _fillSignal || _dropSignal;
            if (combined != _inBackpressure)
            {
                _inBackpressure = combined;
                _transitions++;
            }
        }
    }

    private void EvaluateFill(int depth, int capacity)
    {
        long scaled = (long)depth * 100;
        if (!_fillSignal && scaled >= (long)capacity * FillEnterPercent)
        {
            _fillSignal = true;
        }
        else if (_fillSignal && scaled < (long)capacity * FillExitPercent)
        {
            _fillSignal = false;
        }
    }

    private void EvaluateDrops(long now, long totalDrops)
    {
        if (totalDrops != _lastDropCount)
        {
            _lastDropCount = totalDrops;
            _lastDropTimestamp = now;
        }

        (long baseTimestamp, long baseDrops) = WindowBaseline(now, totalDrops);
        if (!_dropSignal)
        {
            // Drops in the window, against 5 per second over the window's age counted as at least one second:
            // a young window needs 5 drops outright, an old one (sparse evaluation) needs the same rate.
            long age = Math.Max(now - baseTimestamp, _oneSecond);
            if ((totalDrops - baseDrops) * (double)_oneSecond >= DropRateEnterPerSecond * (double)age)
            {
                _dropSignal = true;
            }
        }
        else if (now - _lastDropTimestamp >= _clearWindow)
        {
            _dropSignal = false;
        }

        _history[_historyNext] = (now, totalDrops);
        _historyNext = (_historyNext + 1) % HistoryLength;
        _historyCount = Math.Min(_historyCount + 1, HistoryLength);
    }

    /// <summary>The newest sample at least one second old, else the oldest sample kept (else "now").</summary>
    private (long Timestamp, long Drops) WindowBaseline(long now, long totalDrops)
    {
        (long Timestamp, long Drops) baseline = (now, totalDrops);
        for (int i = 1; i <= _historyCount; i++)
        {
            (long Timestamp, long Drops) sample = _history[(_historyNext - i + HistoryLength) % HistoryLength];
            baseline = sample;
            if (now - sample.Timestamp >= _oneSecond)
            {
                break;
            }
        }

        return baseline;
    }
}
