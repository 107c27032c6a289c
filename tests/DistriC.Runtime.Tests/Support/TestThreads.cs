using System;
using System.Collections.Concurrent;
using System.Threading;

namespace DistriC.Tests.Support;

/// <summary>
/// Runs a body on dedicated threads (real parallelism, no thread-pool scheduling) and brings every failure back
/// to the test thread. An exception escaping a raw thread, a failed <c>Assert</c> included, would otherwise crash
/// the test host instead of failing the test. The threads start their bodies together, at a barrier, so they really
/// contend instead of finishing one by one as they are created.
/// </summary>
internal static class TestThreads
{
    /// <summary>Runs <paramref name="body"/>(index) on <paramref name="count"/> threads, joins them all, then rethrows what any of them threw.</summary>
    public static void Run(int count, Action<int> body)
    {
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(count);
        var threads = new Thread[count];
        for (int t = 0; t < count; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    body(index);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (!failures.IsEmpty)
        {
            throw failures.Count == 1 && failures.TryPeek(out Exception? only) ? only : new AggregateException(failures);
        }
    }
}
