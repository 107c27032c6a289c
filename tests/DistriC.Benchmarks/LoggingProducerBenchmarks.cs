using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using ZLogger;
using DistricLevel = DistriC.LogLevel;
using MelLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Benchmarks;

/// <summary>
/// Producer-side cost of one 3-field JSON log call (time and bytes allocated on the calling thread), every
/// library writing to a sink that discards. DistriC's queue is large enough never to drop during a run.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Logging")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class LoggingProducerBenchmarks
{
    private const string Method = "GET";
    private const string Path = "/api/users";
    private const int Status = 200;

    private JsonLogger _distric = null!;
    private ILoggerFactory _zloggerFactory = null!;
    private ILogger _zlogger = null!;
    private Serilog.Core.Logger _serilog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _distric = new JsonLogger(Stream.Null, new JsonLoggerOptions { RingCapacity = 1 << 28 });
        _zloggerFactory = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(MelLevel.Information);
            logging.AddZLoggerStream(Stream.Null, options => options.UseJsonFormatter());
        });
        _zlogger = _zloggerFactory.CreateLogger("http");
        _serilog = new Serilog.LoggerConfiguration()
            .WriteTo.Sink(new DiscardingJsonSink())
            .CreateLogger();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _distric.Dispose();
        if (_distric.DroppedCount != 0)
        {
            // A dropped entry skips the copy into the queue: the DistriC rows would look cheaper than they are.
            throw new System.InvalidOperationException("DistriC dropped " + _distric.DroppedCount + " entries; the producer rows are invalid");
        }

        _zloggerFactory.Dispose();
        _serilog.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ZLogger [ZLoggerMessage] JSON")]
    public void ZLoggerGenerated() => _zlogger.ZRequestReceived(Method, Path, Status);

    [Benchmark(Description = "DistriC [LogEvent]")]
    public void DistricGenerated() => _distric.RequestReceived(Method, Path, Status);

    [Benchmark(Description = "DistriC JsonLogger.Write")]
    public DistricStatus DistricDynamic() =>
        _distric.Write(DistricLevel.Info, "http", "Request received",
            new KeyValuePair<string, string?>("method", Method),
            new KeyValuePair<string, string?>("path", Path),
            new KeyValuePair<string, string?>("status", "200"));

    [Benchmark(Description = "Serilog CompactJsonFormatter")]
    public void Serilog() => _serilog.Information("Request received {Method} {Path} {Status}", Method, Path, Status);

    [Benchmark(Description = "M.E.Logging [LoggerMessage] via ZLogger JSON")]
    public void MelLoggerMessage() => _zlogger.MelRequestReceived(Method, Path, Status);

    /// <summary>Formats each event with CompactJsonFormatter, as a real sink would, then discards the text.</summary>
    private sealed class DiscardingJsonSink : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();
        private readonly StringWriter _buffer = new();

        public void Emit(LogEvent logEvent)
        {
            _buffer.GetStringBuilder().Clear();
            _formatter.Format(logEvent, _buffer);
        }
    }
}
