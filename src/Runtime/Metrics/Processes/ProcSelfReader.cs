using System;
using System.Buffers.Text;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DistriC.Metrics.Processes;

/// <summary>
/// Reads the process's own figures from <c>/proc/self</c> at each call, as the Prometheus Go client's process collector
/// does: <c>stat</c> (CPU time, virtual and resident memory, start time), <c>limits</c> (open-file limit) and the
/// entries of <c>fd</c>. The files stay open and are re-read from offset 0 (procfs regenerates them) into stack
/// buffers, so a read allocates nothing; none of it depends on the number of threads.
/// </summary>
internal sealed class ProcSelfReader : IProcessReader
{
    private static readonly byte[] FdDirectory = "/proc/self/fd\0"u8.ToArray();
    private readonly SafeFileHandle _stat;
    private readonly SafeFileHandle _limits;
    private readonly double _ticksPerSecond;
    private readonly double _startTime;
    private readonly long _pageSize = Environment.SystemPageSize;

    public ProcSelfReader()
    {
        _stat = File.OpenHandle("/proc/self/stat");
        _limits = File.OpenHandle("/proc/self/limits");
        long ticks = LibC.SystemConfiguration(LibC.ClockTicksName);
        _ticksPerSecond = ticks > 0 ? ticks : 100;
        // The start time never changes: boot time (btime in /proc/stat) plus the start tick in /proc/self/stat.
        _startTime = BootTime() + (StatField(StartTimeField) / _ticksPerSecond);
    }

    // Fields of /proc/self/stat counted from the first one after the command name's closing parenthesis (field 3, state).
    private const int UserTicksField = 14 - 3;
    private const int SystemTicksField = 15 - 3;
    private const int StartTimeField = 22 - 3;
    private const int VirtualBytesField = 23 - 3;
    private const int ResidentPagesField = 24 - 3;

    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists("/proc/self/stat");

    public double CpuSeconds() => (StatField(UserTicksField) + StatField(SystemTicksField)) / _ticksPerSecond;

    public double ResidentBytes() => StatField(ResidentPagesField) * (double)_pageSize;

    public double VirtualBytes() => StatField(VirtualBytesField);

    public double StartTimeSeconds() => _startTime;

    public double OpenFileDescriptors()
    {
        IntPtr directory = LibC.OpenDirectory(FdDirectory);
        if (directory == IntPtr.Zero)
        {
            return double.NaN;
        }

        long count = 0;
        try
        {
            IntPtr entry;
            while ((entry = LibC.ReadDirectory(directory)) != IntPtr.Zero)
            {
                byte first = Marshal.ReadByte(entry, LibC.DirentNameOffset);
                byte second = Marshal.ReadByte(entry, LibC.DirentNameOffset + 1);
                bool dots = first == '.' && (second == 0 || (second == '.' && Marshal.ReadByte(entry, LibC.DirentNameOffset + 2) == 0));
                if (!dots)
                {
                    count++;
                }
            }
        }
        finally
        {
            _ = LibC.CloseDirectory(directory);
        }

        // The directory stream being read is a descriptor of its own; it is not the process's.
        return count - 1;
    }

    public double MaxFileDescriptors()
    {
        Span<byte> buffer = stackalloc byte[4096];
        int length = RandomAccess.Read(_limits, buffer, 0);
        ReadOnlySpan<byte> text = buffer[..length];
        int line = text.IndexOf("Max open files"u8);
        if (line < 0)
        {
            return double.NaN;
        }

        // "Max open files            1048576              1048576              files": the first number is the soft limit.
        ReadOnlySpan<byte> rest = text[(line + "Max open files".Length)..].TrimStart((byte)' ');
        if (rest.StartsWith("unlimited"u8))
        {
            return double.PositiveInfinity;
        }

        return Utf8Parser.TryParse(rest, out long limit, out _) ? limit : double.NaN;
    }

    private double StatField(int index)
    {
        Span<byte> buffer = stackalloc byte[1024];
        int length = RandomAccess.Read(_stat, buffer, 0);
        ReadOnlySpan<byte> text = buffer[..length];
        // The command name may hold spaces and parentheses; the fields start after its last ')'.
        text = text[(text.LastIndexOf((byte)')') + 2)..];
        for (int i = 0; i < index; i++)
        {
            int space = text.IndexOf((byte)' ');
            if (space < 0)
            {
                return double.NaN;
            }

            text = text[(space + 1)..];
        }

        return Utf8Parser.TryParse(text, out ulong value, out _) ? value : double.NaN;
    }

    private static double BootTime()
    {
        foreach (string line in File.ReadLines("/proc/stat"))
        {
            if (line.StartsWith("btime ", StringComparison.Ordinal))
            {
                return double.Parse(line.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }
}
