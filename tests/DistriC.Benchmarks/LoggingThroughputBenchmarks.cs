using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using Serilog.Formatting.Compact;
using ZLogger;
using MelLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Benchmarks;

/// <summary>
/// End-to-end throughput: <see cref="Lines"/> 3-field lines written to a file by 1 or 2 producers, timed until the
/// logger is disposed (everything on disk). Time per operation is per line; lines/s = 1 / that.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("LoggingThroughput")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class LoggingThroughputBenchmarks
{
    private const int Lines = 200_000;

    private string _path = string.Empty;
    private JsonLogger? _distric;
    private ILoggerFactory? _zloggerFactory;
    private Serilog.Core.Logger? _serilog;

    [Params(1, 2)]
    public int Producers { get; set; }

    [IterationSetup(Target = nameof(Distric))]
    public void SetupDistric()
    {
        _path = NewPath();
        // Big enough for every line of one operation: the measurement never includes drops.
        _distric = new JsonLogger(File.Create(_path), new JsonLoggerOptions { RingCapacity = 1 << 26 });
    }

    [IterationSetup(Target = nameof(ZLogger))]
    public void SetupZLogger()
    {
        _path = NewPath();
        _zloggerFactory = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(MelLevel.Information);
            logging.AddZLoggerFile(_path, options => options.UseJsonFormatter());
        });
    }

    [IterationSetup(Target = nameof(Serilog))]
    public void SetupSerilog()
    {
        _path = NewPath();
        _serilog = new Serilog.LoggerConfiguration().WriteTo.File(new CompactJsonFormatter(), _path, buffered: true).CreateLogger();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines, Description = "ZLogger JSON to file")]
    public void ZLogger()
    {
        ILogger logger = _zloggerFactory!.CreateLogger("http");
        Produce(() => logger.ZRequestReceived("GET", "/api/users", 200));
        _zloggerFactory.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "DistriC [LogEvent] to file")]
    public void Distric()
    {
        JsonLogger logger = _distric!;
        Produce(() => logger.RequestReceived("GET", "/api/users", 200));
        logger.Dispose();
        if (logger.DroppedCount != 0 || logger.WrittenCount != Lines)
        {
            throw new InvalidOperationException("DistriC dropped lines; the measurement would be wrong");
        }
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Serilog CompactJson to file")]
    public void Serilog()
    {
        Serilog.Core.Logger logger = _serilog!;
        Produce(() => logger.Information("Request received {Method} {Path} {Status}", "GET", "/api/users", 200));
        logger.Dispose();
    }

    private static string NewPath() => Path.Combine(Path.GetTempPath(), "distric-bench-" + Guid.NewGuid().ToString("N") + ".log");

    private void Produce(Action write)
    {
        int perProducer = Lines / Producers;
        Parallel.For(0, Producers, new ParallelOptions { MaxDegreeOfParallelism = Producers }, _ =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                write();
            }
        });
    }
}
