using System;
using System.Diagnostics;
using System.IO;

namespace DistriC.Tests.Support;

/// <summary>Ends a process a test started (and only that one, with its children), then removes its scratch directory.</summary>
internal static class ChildProcess
{
    /// <summary>Kills <paramref name="process"/> if it still runs, disposes it and deletes <paramref name="directory"/> (best effort).</summary>
    public static void Stop(Process process, string? directory = null)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
            if (directory is not null)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: a temp directory left behind is harmless.
                }
            }
        }
    }
}
