using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace DistriC.Tests.Support;

/// <summary>
/// Approved-file assertions: compares text with <c>Golden/NAME.verified.txt</c> next to the calling
/// test's source file. On mismatch it writes <c>NAME.received.txt</c> beside it and fails with both
/// paths; review the diff and, if right, rename received to verified.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden");
        string verified = Path.Combine(directory, name + ".verified.txt");
        string received = Path.Combine(directory, name + ".received.txt");
        string? expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved file {verified}; review {received} and rename it to approve."
            : $"Output differs from {verified}; see {received} (diff the two files).");
    }
}
