using System.IO;

namespace DistriC.Runtime.Tests.Logging;

/// <summary>The queue fill gauge is a ratio: 0 to 1 whatever a torn head/tail read of the ring gives.</summary>
public sealed class JsonLoggerFillRatioTests
{
    [Theory]
    [InlineData(0, 1024, 0.0)]
    [InlineData(256, 1024, 0.25)]
    [InlineData(1024, 1024, 1.0)]
    [InlineData(-64, 1024, 0.0)]   // tail read after the writer consumed past the head value read before it
    [InlineData(1088, 1024, 1.0)]  // head read after producers reserved space the writer had freed meanwhile
    public void Fill_ratio_is_used_bytes_over_capacity_clamped_to_0_1(long usedBytes, int capacity, double expected) =>
        Assert.Equal(expected, JsonLogger.FillRatio(usedBytes, capacity));

    [Fact]
    public void Synchronous_logger_reports_an_empty_queue()
    {
        using var output = new MemoryStream();
        using var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync });
        logger.Write(LogLevel.Info, "c", "m");

        Assert.Equal(0, logger.QueueFillRatio);
    }
}
