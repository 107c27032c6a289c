using System;
using System.Collections.Generic;
using System.Threading;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>A copy of a finished span, kept after the export call returns.</summary>
internal sealed record ExportedSpan(
    TraceId TraceId, SpanId SpanId, SpanId ParentSpanId, string Name, SpanStatus Status,
    DateTimeOffset StartTime, TimeSpan Duration, SpanTag[] Tags, TraceContext Context, SpanKind Kind);

/// <summary>
/// Test exporter: copies every span, can be stalled on a gate the test opens, and can be told to fail or throw.
/// <see cref="Entered"/> is set when an export call starts, so a test knows the export thread is inside it.
/// </summary>
internal sealed class CollectingExporter : ISpanExporter, IDisposable
{
    private readonly object _lock = new();
    private readonly List<ExportedSpan> _spans = new();
    private readonly List<int> _batchSizes = new();
    private readonly ManualResetEventSlim _gate;

    public CollectingExporter(bool stalled = false) => _gate = new ManualResetEventSlim(!stalled);

    /// <summary>Set at the start of every export call.</summary>
    public ManualResetEventSlim Entered { get; } = new(false);

    /// <summary>Set at the end of every export call.</summary>
    public ManualResetEventSlim Completed { get; } = new(false);

    /// <summary>Number of upcoming calls that throw.</summary>
    public int ThrowNext { get; set; }

    /// <summary>Number of upcoming calls that return false.</summary>
    public int FailNext { get; set; }

    public IReadOnlyList<ExportedSpan> Spans
    {
        get { lock (_lock) { return _spans.ToArray(); } }
    }

    public IReadOnlyList<int> BatchSizes
    {
        get { lock (_lock) { return _batchSizes.ToArray(); } }
    }

    public void Release() => _gate.Set();

    public void Stall() => _gate.Reset();

    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        Entered.Set();
        try
        {
            _gate.Wait();
            if (ThrowNext > 0)
            {
                ThrowNext--;
                throw new InvalidOperationException("exporter failure (test)");
            }

            if (FailNext > 0)
            {
                FailNext--;
                return false;
            }

            lock (_lock)
            {
                _batchSizes.Add(batch.Length);
                foreach (FinishedSpan span in batch)
                {
                    _spans.Add(new ExportedSpan(span.TraceId, span.SpanId, span.ParentSpanId, span.Name, span.Status,
                        span.StartTime, span.Duration, span.Tags.ToArray(), span.Context, span.Kind));
                }
            }

            return true;
        }
        finally
        {
            Completed.Set();
        }
    }

    public void Dispose()
    {
        _gate.Set();
        _gate.Dispose();
        Entered.Dispose();
        Completed.Dispose();
    }
}

/// <summary>Exporter that only counts, allocation-free, for allocation and throughput tests.</summary>
internal sealed class CountingExporter : ISpanExporter
{
    private long _spans;

    public long Spans => Interlocked.Read(ref _spans);

    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        Interlocked.Add(ref _spans, batch.Length);
        return true;
    }
}
