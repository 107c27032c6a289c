namespace DistriC;

/// <summary>Text formats the registry can expose.</summary>
public enum ExpositionFormat
{
    /// <summary>Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4; charset=utf-8</c>).</summary>
    Prometheus = 0,
    /// <summary>OpenMetrics 1.0 (<c>application/openmetrics-text; version=1.0.0; charset=utf-8</c>), ending in <c># EOF</c>.</summary>
    OpenMetrics = 1,
}
