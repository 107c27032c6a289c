using System;
using SystemProcess = System.Diagnostics.Process;

namespace DistriC.Metrics.Processes;

/// <summary>
/// The process figures where there is no <c>/proc</c> (Windows, macOS): from <see cref="SystemProcess"/> and
/// <see cref="Environment"/>, never through its thread list. These calls may allocate; the maximum of open files is unknown.
/// </summary>
internal sealed class RuntimeProcessReader : IProcessReader
{
    private readonly SystemProcess _process = SystemProcess.GetCurrentProcess();
    private readonly double _startTime;

    public RuntimeProcessReader()
    {
        _startTime = new DateTimeOffset(_process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }

    public double CpuSeconds() => _process.TotalProcessorTime.TotalSeconds;

    public double ResidentBytes() => Environment.WorkingSet;

    public double VirtualBytes()
    {
        _process.Refresh();
        return _process.VirtualMemorySize64;
    }

    public double StartTimeSeconds() => _startTime;

    public double OpenFileDescriptors()
    {
        _process.Refresh();
        return _process.HandleCount;
    }

    public double MaxFileDescriptors() => double.NaN;
}
