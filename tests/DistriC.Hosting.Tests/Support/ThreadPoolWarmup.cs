using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DistriC.Hosting.Tests.Support;

/// <summary>
/// Gives the test process enough thread-pool threads from the start. On a two-core machine the pool starts with two
/// and adds threads slowly while they are busy (Kestrel start-up, parallel test classes, clients blocking on purpose);
/// the lifecycle test's 500 ms shutdown grace timer was measured firing at up to 1 170 ms, so the test measured the
/// pool's growth rather than the server's shutdown (which returns within a few ms of the grace period).
/// </summary>
internal static class ThreadPoolWarmup
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Test assembly: configures its own process.")]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        int wanted = Math.Max(32, Environment.ProcessorCount * 8);
        ThreadPool.SetMinThreads(Math.Max(workers, wanted), Math.Max(io, wanted));
    }
}
