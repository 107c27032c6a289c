using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace DistriC.Benchmarks;

/// <summary>
/// Start a span, set two string tags, finish it: DistriC vs <see cref="ActivitySource"/> with a listener sampling
/// all data vs OpenTelemetry's TracerProvider with the in-memory exporter. Each invocation runs a batch of
/// <see cref="Batch"/> spans and then lets each library hand them to its exporter (DistriC: one export cycle with a
/// no-op exporter; OpenTelemetry: its simple processor exports per span, the list is cleared), so pooling and
/// recycling are part of the measured cost.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Tracing")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TracingSpanBenchmarks
{
    private const int Batch = 512;

    private Tracer _tracer = null!;
    private ActivitySource _activitySource = null!;
    private ActivityListener _listener = null!;
    private ActivitySource _otelSource = null!;
    private TracerProvider _otelProvider = null!;
    private List<Activity> _otelExported = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Manual mode (internal): no timer or export thread competing with the measured loop; the benchmark drives export.
        _tracer = new Tracer(new TracerOptions { Exporter = new NoopExporter(), BufferCapacity = 4096, MaxBatchSize = Batch }, startBackgroundWork: false);

        _activitySource = new ActivitySource("DistriC.Benchmarks.Activity");
        _listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _activitySource),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_listener);

        _otelSource = new ActivitySource("DistriC.Benchmarks.OpenTelemetry");
        _otelExported = new List<Activity>(Batch);
        _otelProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(_otelSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_otelExported)
            .Build()!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracer.Dispose();
        _listener.Dispose();
        _activitySource.Dispose();
        _otelProvider.Dispose();
        _otelSource.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Activity + listener (AllData)")]
    public void Activity_StartTwoTagsStop()
    {
        for (int i = 0; i < Batch; i++)
        {
            using Activity? activity = _activitySource.StartActivity("op");
            activity?.SetTag("http.method", "GET");
            activity?.SetTag("http.route", "/api/users");
        }
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "DistriC Tracer")]
    public void DistriC_StartTwoTagsFinish()
    {
        for (int i = 0; i < Batch; i++)
        {
            using TraceSpan span = _tracer.StartSpan("op");
            span.SetTag("http.method", "GET");
            span.SetTag("http.route", "/api/users");
        }

        _tracer.ExportPending();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "OpenTelemetry 1.20.1 + in-memory exporter")]
    public void OpenTelemetry_StartTwoTagsEnd()
    {
        for (int i = 0; i < Batch; i++)
        {
            using Activity? activity = _otelSource.StartActivity("op");
            activity?.SetTag("http.method", "GET");
            activity?.SetTag("http.route", "/api/users");
        }

        _otelExported.Clear();
    }

    /// <summary>
    /// The floor under any span with precise times: the two monotonic clock reads (start, end) it cannot avoid.
    /// On a VM whose clock source is kvm-clock each read costs far more than on bare metal with the TSC.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch, Description = "Floor: two clock reads")]
    public long Floor_TwoClockReads()
    {
        long sum = 0;
        for (int i = 0; i < Batch; i++)
        {
            sum += TimeProvider.System.GetTimestamp();
            sum -= TimeProvider.System.GetTimestamp();
        }

        return sum;
    }

    private sealed class NoopExporter : ISpanExporter
    {
        public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
    }
}
