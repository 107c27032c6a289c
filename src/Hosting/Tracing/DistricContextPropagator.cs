using System.Collections.Generic;
using System.Diagnostics;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// The process's <see cref="DistributedContextPropagator.Current"/> once a host with
/// <see cref="DistricRequestTracingOptions.ActivityPropagation"/> starts: while a DistriC span is active, Activity-based
/// code that propagates through the propagator (System.Net.Http's handler, gRPC, messaging and cloud SDKs) writes that
/// span's <c>traceparent</c> and <c>tracestate</c> instead of the Activity's, so downstream services continue DistriC's
/// trace. With no DistriC span active, and for extraction and baggage, it is the propagator it replaced.
/// </summary>
internal sealed class DistricContextPropagator : DistributedContextPropagator
{
    private static readonly object s_gate = new();

    private readonly DistributedContextPropagator _inner;

    private DistricContextPropagator(DistributedContextPropagator inner) => _inner = inner;

    public override IReadOnlyCollection<string> Fields => _inner.Fields;

    /// <summary>Wraps the current propagator, once per process (a second call finds it wrapped).</summary>
    public static void Install()
    {
        lock (s_gate)
        {
            if (Current is not DistricContextPropagator)
            {
                Current = new DistricContextPropagator(Current);
            }
        }
    }

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        TraceContext context = Tracer.ActiveSpan.Context;
        if (!context.IsValid || setter is null)
        {
            _inner.Inject(activity, carrier, setter);
            return;
        }

        setter(carrier, "traceparent", context.ToString());
        if (context.TraceState is string traceState)
        {
            setter(carrier, "tracestate", traceState);
        }
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState) =>
        _inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        _inner.ExtractBaggage(carrier, getter);
}
