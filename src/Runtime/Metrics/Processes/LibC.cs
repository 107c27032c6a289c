using System;
using System.Runtime.InteropServices;

namespace DistriC.Metrics.Processes;

/// <summary>The few libc calls the Linux process collector needs; blittable signatures, so a call allocates nothing.</summary>
internal static class LibC
{
    /// <summary><c>_SC_CLK_TCK</c> on Linux.</summary>
    public const int ClockTicksName = 2;

    /// <summary>Offset of <c>d_name</c> in glibc's and musl's 64-bit <c>struct dirent</c> (after ino, off, reclen, type).</summary>
    public const int DirentNameOffset = 19;

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this assembly does not allow; these signatures need no marshalling.
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [DllImport("libc", EntryPoint = "opendir")]
    public static extern IntPtr OpenDirectory(byte[] nulTerminatedPath);

    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [DllImport("libc", EntryPoint = "readdir")]
    public static extern IntPtr ReadDirectory(IntPtr directory);

    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [DllImport("libc", EntryPoint = "closedir")]
    public static extern int CloseDirectory(IntPtr directory);

    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [DllImport("libc", EntryPoint = "sysconf")]
    public static extern long SystemConfiguration(int name);
#pragma warning restore SYSLIB1054
}
