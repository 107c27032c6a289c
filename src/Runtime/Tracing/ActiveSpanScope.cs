using System;

namespace DistriC;

/// <summary>Returned by <see cref="TraceSpan.Activate"/>; disposing it restores the previously active span.</summary>
public readonly struct ActiveSpanScope : IDisposable
{
    private readonly ActiveSpanHolder? _previous;

    internal ActiveSpanScope(ActiveSpanHolder? previous) => _previous = previous;

    /// <summary>Restores the span that was active before <see cref="TraceSpan.Activate"/>.</summary>
    public void Dispose() => Tracer.RestoreActive(_previous);
}
