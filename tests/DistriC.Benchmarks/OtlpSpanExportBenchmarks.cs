using System;
using System.Diagnostics;
using System.Net.Http;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DistriC.Otlp.Json;
using DistriC.Otlp.Protobuf;
using DistriC.Otlp.Traces;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace DistriC.Benchmarks;

/// <summary>
/// Exporting one batch of 512 finished spans with 4 string attributes each over OTLP/HTTP protobuf: DistriC's
/// <see cref="OtlpSpanExporter"/> vs OpenTelemetry's <c>OtlpTraceExporter</c> on equivalent (stopped) Activities. Both
/// send through an in-memory HTTP handler that copies the request body into a reused stream and answers 200, so the
/// cost is serialization plus each client's request handling, without a network. <c>DistriC_SerializeOnly</c> shows the
/// serializer alone; the JSON rows the same batch as OTLP/HTTP JSON.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("OtlpExport")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OtlpSpanExportBenchmarks
{
    private const int BatchSize = 512;

    private readonly OtlpResource _resource = OtlpResource.Create("bench", "1.0.0");
    private Tracer _tracer = null!;
    private FinishedSpan[] _spans = null!;
    private ProtoBuffer _buffer = null!;
    private OtlpSpanExporter _distric = null!;
    private OtlpSpanExporter _districJson = null!;
    private OtlpJsonBuffer _json = null!;
    private ActivitySource _source = null!;
    private ActivityListener _listener = null!;
    private Activity[] _activities = null!;
    private OtlpTraceExporter _openTelemetry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tracer = new Tracer(new TracerOptions { Exporter = new NoopSpanExporter(), MaxBatchSize = BatchSize }, startBackgroundWork: false);
        var parent = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: true);
        _spans = new FinishedSpan[BatchSize];
        for (int i = 0; i < BatchSize; i++)
        {
            var record = new SpanRecord(_tracer, 16)
            {
                Context = new TraceContext(parent.TraceId, SpanId.CreateRandom(), IsSampled: true),
                ParentSpanId = parent.SpanId,
                Name = "GET /api/users/{id}",
                Kind = SpanKind.Server,
                StartTimestamp = Stopwatch.GetTimestamp(),
                EndTimestamp = Stopwatch.GetTimestamp() + 1_000_000,
                Status = SpanStatus.Ok,
            };
            record.Tags[0] = new SpanTag("http.request.method", "GET");
            record.Tags[1] = new SpanTag("http.route", "/api/users/{id}");
            record.Tags[2] = new SpanTag("http.response.status_code", "200");
            record.Tags[3] = new SpanTag("server.address", "api.example.com");
            record.TagCount = 4;
            _spans[i] = new FinishedSpan(record);
        }

        _buffer = new ProtoBuffer();
        var options = new OtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:4318/v1/traces"), Resource = _resource };
        _distric = new OtlpSpanExporter(options, new InMemoryOtlpHandler());
        _districJson = new OtlpSpanExporter(options with { Protocol = OtlpProtocol.HttpJson }, new InMemoryOtlpHandler());
        _json = new OtlpJsonBuffer();

        _source = new ActivitySource(OtlpTraceSerializer.ScopeName, "1.0.0");
        _listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, _source),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        var activityParent = new ActivityContext(
            ActivityTraceId.CreateFromString(parent.TraceId.ToString()), ActivitySpanId.CreateFromString(parent.SpanId.ToString()),
            ActivityTraceFlags.Recorded, isRemote: true);
        _activities = new Activity[BatchSize];
        for (int i = 0; i < BatchSize; i++)
        {
            Activity activity = _source.StartActivity("GET /api/users/{id}", ActivityKind.Server, activityParent)!;
            activity.SetTag("http.request.method", "GET");
            activity.SetTag("http.route", "/api/users/{id}");
            activity.SetTag("http.response.status_code", "200");
            activity.SetTag("server.address", "api.example.com");
            activity.SetStatus(ActivityStatusCode.Ok);
            activity.Stop();
            _activities[i] = activity;
        }

        _openTelemetry = new OtlpTraceExporter(new OpenTelemetry.Exporter.OtlpExporterOptions
        {
            Endpoint = new Uri("http://127.0.0.1:4318/v1/traces"),
            Protocol = OtlpExportProtocol.HttpProtobuf,
            HttpClientFactory = () => new HttpClient(new InMemoryOtlpHandler()),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _distric.Dispose();
        _districJson.Dispose();
        _buffer.Dispose();
        _json.Dispose();
        _tracer.Dispose();
        _openTelemetry.Dispose();
        _listener.Dispose();
        _source.Dispose();
    }

    [Benchmark(Baseline = true, Description = "DistriC OtlpSpanExporter")]
    public bool DistriC_Export() => _distric.Export(_spans);

    [Benchmark(Description = "OpenTelemetry OtlpTraceExporter")]
    public ExportResult OpenTelemetry_Export() => _openTelemetry.Export(new Batch<Activity>(_activities, _activities.Length));

    [Benchmark(Description = "DistriC serializer only")]
    public int DistriC_SerializeOnly()
    {
        OtlpTraceSerializer.Write(_buffer, _resource, _spans);
        return _buffer.Length;
    }

    [Benchmark(Description = "DistriC OtlpSpanExporter, http/json")]
    public bool DistriC_ExportJson() => _districJson.Export(_spans);

    [Benchmark(Description = "DistriC JSON serializer only")]
    public int DistriC_SerializeJsonOnly()
    {
        OtlpTraceJsonSerializer.Write(_json, _resource, _spans);
        return _json.WrittenSpan.Length;
    }

    private sealed class NoopExporter : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
    }
}
