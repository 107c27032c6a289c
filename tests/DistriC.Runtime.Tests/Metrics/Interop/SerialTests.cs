namespace DistriC.Tests.Metrics.Interop;

/// <summary>
/// Tests that load the CPU on purpose (a busy loop, 500 parked threads) or time scrapes run alone, after the parallel
/// ones, so neither they nor the timing-sensitive tests of other classes disturb each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTests
{
    public const string Name = "Serial: CPU load and timing";
}
