namespace DistriC.Metrics.Processes;

/// <summary>The process's own figures, read at each call; NaN where the platform cannot say.</summary>
internal interface IProcessReader
{
    double CpuSeconds();

    double ResidentBytes();

    double VirtualBytes();

    double StartTimeSeconds();

    double OpenFileDescriptors();

    double MaxFileDescriptors();
}
