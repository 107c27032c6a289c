using System;
using System.Threading;

namespace DistriC.Benchmarks;

/// <summary>
/// Runs one piece of work on N threads at once: the calling thread plus N − 1 workers that spin
/// (yielding, never sleeping) between runs, so a run starts and ends within microseconds and the
/// measurement is the work, not thread start-up or wake-up latency.
/// </summary>
internal sealed class SpinningWorkers : IDisposable
{
    private readonly Thread[] _workers;
    private Action<int>? _work;
    private int _share;
    private int _generation;
    private int _pending;
    private volatile bool _stopped;

    public SpinningWorkers(int threads)
    {
        _workers = new Thread[threads - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = "bench-worker-" + i };
            _workers[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/>(share) on every thread, share = <paramref name="total"/> / threads, and returns when all are done.</summary>
    public void Run(Action<int> work, int total)
    {
        _work = work;
        _share = total / (_workers.Length + 1);
        Volatile.Write(ref _pending, _workers.Length);
        Interlocked.Increment(ref _generation);
        work(_share);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _pending) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        foreach (Thread worker in _workers)
        {
            worker.Join();
        }
    }

    private void WorkerLoop()
    {
        int seen = 0;
        while (true)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _generation) == seen)
            {
                if (_stopped)
                {
                    return;
                }

                spin.SpinOnce(sleep1Threshold: -1);
            }

            seen = Volatile.Read(ref _generation);
            _work!(_share);
            Interlocked.Decrement(ref _pending);
        }
    }
}
