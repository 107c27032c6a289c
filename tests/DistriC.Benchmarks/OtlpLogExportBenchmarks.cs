using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DistriC.Otlp.Logs;
using DistriC.Otlp.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using MelLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Benchmarks;

/// <summary>
/// Exporting one batch of 512 log records over OTLP/HTTP protobuf, each with a trace and span ID, a component and four
/// attributes (two strings, an int, a double): DistriC's <see cref="OtlpLogExporter"/> sink, fed the JSON lines a
/// <see cref="JsonLogger"/> wrote (it parses them and encodes the records, as on the logger's writer thread), vs
/// OpenTelemetry's <c>OtlpLogExporter</c> on equivalent <see cref="LogRecord"/>s (already parsed by its SDK). Both send
/// through an in-memory HTTP handler that copies the body into a reused stream and answers 200, so the cost is
/// conversion plus serialization plus each client's request handling, without a network.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("OtlpLogExport")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OtlpLogExportBenchmarks
{
    private const int BatchSize = 512;

    private readonly OtlpResource _resource = OtlpResource.Create("bench", "1.0.0");
    private byte[] _lines = null!;
    private OtlpLogExporter _distric = null!;
    private OtlpLogRecordEncoder _encoder = null!;
    private ProtoBuffer _records = null!;
    private ProtoBuffer _request = null!;
    private OpenTelemetry.Exporter.OtlpLogExporter _openTelemetry = null!;
    private LogRecord[] _logRecords = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = DistricLines();
        _distric = new OtlpLogExporter(
            new DistriC.OtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:4318/v1/logs"), Resource = _resource },
            new OtlpLogBatchOptions { MaxExportBatchSize = BatchSize, MaxQueueSize = BatchSize * 2 },
            new InMemoryOtlpHandler(),
            startThread: false);
        _encoder = new OtlpLogRecordEncoder();
        _records = new ProtoBuffer();
        _request = new ProtoBuffer();
        _logRecords = OpenTelemetryRecords();
        _openTelemetry = new OpenTelemetry.Exporter.OtlpLogExporter(new OpenTelemetry.Exporter.OtlpExporterOptions
        {
            Endpoint = new Uri("http://127.0.0.1:4318/v1/logs"),
            Protocol = OtlpExportProtocol.HttpProtobuf,
            HttpClientFactory = () => new HttpClient(new InMemoryOtlpHandler()),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _distric.Dispose();
        _encoder.Dispose();
        _records.Dispose();
        _request.Dispose();
        _openTelemetry.Dispose();
        if (_distric.GetStats().Dropped != 0)
        {
            throw new InvalidOperationException("DistriC dropped records: the rows are invalid");
        }
    }

    [Benchmark(Baseline = true, Description = "DistriC OtlpLogExporter (parse JSON lines + encode + send)")]
    public bool DistriC_Export()
    {
        _distric.Write(_lines, BatchSize);
        return _distric.ExportNow();
    }

    [Benchmark(Description = "OpenTelemetry OtlpLogExporter (LogRecords)")]
    public ExportResult OpenTelemetry_Export() => _openTelemetry.Export(new Batch<LogRecord>(_logRecords, _logRecords.Length));

    [Benchmark(Description = "DistriC encoder only (parse + encode, no HTTP)")]
    public int DistriC_EncodeOnly()
    {
        _records.Reset();
        ReadOnlySpan<byte> lines = _lines;
        while (!lines.IsEmpty)
        {
            int end = lines.IndexOf((byte)'\n');
            _encoder.Write(_records, OtlpLogSerializer.ScopeLogsLogRecords, lines[..end]);
            lines = lines[(end + 1)..];
        }

        OtlpLogSerializer.Write(_request, _resource, _records.WrittenSpan);
        return _request.Length;
    }

    /// <summary>512 lines as the logger writes them inside a span: fixed fields, trace and span ID, then the four fields.</summary>
    private static byte[] DistricLines()
    {
        using var stream = new MemoryStream();
        using var tracer = new Tracer(new TracerOptions { Exporter = new NoopSpanExporter() }, startBackgroundWork: false);
        using (var logger = new JsonLogger(stream, new JsonLoggerOptions { Mode = LogMode.Sync }))
        {
            for (int i = 0; i < BatchSize; i++)
            {
                using TraceSpan span = tracer.StartSpan("GET /api/users/{id}", SpanKind.Server);
                using (span.Activate())
                {
                    DistriC.Infrastructure.LogEntryWriter.TryBegin(logger, DistriC.LogLevel.Info,
                        ",\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\""u8, out var w);
                    w.AppendString(",\"method\":"u8, "GET");
                    w.AppendString(",\"path\":"u8, "/api/users/42");
                    w.AppendNumber(",\"status\":"u8, 200);
                    w.AppendDouble(",\"duration_ms\":"u8, 12.5);
                    w.Commit();
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The same 512 records through OpenTelemetry's logging SDK, copied by its in-memory exporter.</summary>
    private static LogRecord[] OpenTelemetryRecords()
    {
        var records = new List<LogRecord>();
        using var source = new ActivitySource("bench");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using (ILoggerFactory factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.AddInMemoryExporter(records);
        })))
        {
            ILogger logger = factory.CreateLogger("http");
            for (int i = 0; i < BatchSize; i++)
            {
                using Activity activity = source.StartActivity("GET /api/users/{id}", ActivityKind.Server)!;
                var state = new List<KeyValuePair<string, object?>>
                {
                    new("method", "GET"), new("path", "/api/users/42"), new("status", 200), new("duration_ms", 12.5),
                };
                logger.Log(MelLevel.Information, default, state, null, static (_, _) => "Request received");
            }
        }

        if (records.Count != BatchSize)
        {
            throw new InvalidOperationException($"expected {BatchSize} OpenTelemetry log records, got {records.Count}");
        }

        return [.. records];
    }
}
