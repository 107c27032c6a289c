using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Benchmarks.RequestCost;

/// <summary>One measured round: a fixed number of GET requests from a few concurrent workers over kept-alive connections.</summary>
internal readonly record struct RoundResult(double RequestsPerSecond, double CpuMicrosecondsPerRequest, double BytesPerRequest);

/// <summary>A bounded load loop over loopback: <c>workers</c> tasks share one counter, each sends until the count is reached.</summary>
internal static class LoopbackLoad
{
    public static async Task<RoundResult> RunAsync(HttpClient client, Uri target, int requests, int workers)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        int next = -1;
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < requests)
                {
                    using HttpResponseMessage response = await client.GetAsync(target).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpuBefore).TotalMicroseconds;
        return new RoundResult(requests / seconds, cpu / requests, (double)bytes / requests);
    }
}
