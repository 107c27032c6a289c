using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenTelemetry.Context.Propagation;

namespace DistriC.Benchmarks;

/// <summary>
/// W3C <c>traceparent</c> inject (format) and extract (parse): DistriC's <see cref="TraceContext"/> vs
/// <see cref="ActivityContext.TryParse(string, string, out ActivityContext)"/> / <see cref="ActivityTraceId"/> formatting
/// vs OpenTelemetry's <see cref="TraceContextPropagator"/> over a dictionary carrier.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("TraceContext")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TracingContextBenchmarks
{
    private const string Header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static readonly TraceContextPropagator Propagator = new();
    private readonly char[] _buffer = new char[TraceContext.TraceParentLength];
    private readonly Dictionary<string, string> _carrier = new() { ["traceparent"] = Header };
    private readonly Dictionary<string, string> _injectCarrier = new();
    private TraceContext _context;
    private ActivityContext _activityContext;

    [GlobalSetup]
    public void Setup()
    {
        TraceContext.Extract(Header, out _context);
        ActivityContext.TryParse(Header, null, out _activityContext);
    }

    [Benchmark(Baseline = true, Description = "Inject: DistriC TraceContext.Inject")]
    [BenchmarkCategory("Inject")]
    public int Inject_DistriC()
    {
        _context.Inject(_buffer, out int written);
        return written;
    }

    [Benchmark(Description = "Inject: ActivityContext ids formatted by hand")]
    [BenchmarkCategory("Inject")]
    public string Inject_ActivityContext() =>
        string.Concat("00-", _activityContext.TraceId.ToHexString(), "-", _activityContext.SpanId.ToHexString(), "-01");

    [Benchmark(Description = "Inject: OpenTelemetry TraceContextPropagator")]
    [BenchmarkCategory("Inject")]
    public int Inject_OpenTelemetry()
    {
        Propagator.Inject(new PropagationContext(_activityContext, default), _injectCarrier, static (c, k, v) => c[k] = v);
        return _injectCarrier.Count;
    }

    [Benchmark(Baseline = true, Description = "Extract: DistriC TraceContext.Extract")]
    [BenchmarkCategory("Extract")]
    public bool Extract_DistriC() => TraceContext.Extract(Header, out TraceContext context) == DistricStatus.Ok && context.IsSampled;

    [Benchmark(Description = "Extract: ActivityContext.TryParse")]
    [BenchmarkCategory("Extract")]
    public bool Extract_ActivityContext() => ActivityContext.TryParse(Header, null, out ActivityContext context) && context.TraceFlags != 0;

    [Benchmark(Description = "Extract: OpenTelemetry TraceContextPropagator")]
    [BenchmarkCategory("Extract")]
    public bool Extract_OpenTelemetry() =>
        Propagator.Extract(default, _carrier, static (c, k) => c.TryGetValue(k, out string? v) ? new[] { v } : Array.Empty<string>()).ActivityContext.TraceId != default;
}
