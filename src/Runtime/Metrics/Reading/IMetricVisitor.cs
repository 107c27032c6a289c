namespace DistriC;

/// <summary>
/// Receives the current values of every family of a registry from <see cref="MetricRegistry.Collect"/>:
/// the read path for exporters that do not write Prometheus text (OTLP, Meter publishing, tests).
/// </summary>
/// <remarks>
/// <para>Calls arrive on the collecting thread, in exposition order: for each family
/// <see cref="BeginFamily"/>, one <see cref="VisitSeries"/> per series in flat-index order, then
/// <see cref="EndFamily"/>. The arguments are <c>ref struct</c> views of the registry's own data,
/// valid only during the call; copy what you keep.</para>
/// <para>Collecting allocates nothing itself, so a visitor that allocates nothing (reuse it across
/// collections) gives an allocation-free read.</para>
/// </remarks>
public interface IMetricVisitor
{
    /// <summary>Starts a family: its kind, name, help, unit, label names and bucket bounds.</summary>
    /// <param name="family">The family's description.</param>
    void BeginFamily(in MetricFamilyInfo family);

    /// <summary>One series of the family started by the last <see cref="BeginFamily"/>.</summary>
    /// <param name="family">The same description as in <see cref="BeginFamily"/>.</param>
    /// <param name="point">The series' label values and current value.</param>
    void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point);

    /// <summary>Ends the family started by the last <see cref="BeginFamily"/>.</summary>
    /// <param name="family">The same description as in <see cref="BeginFamily"/>.</param>
    void EndFamily(in MetricFamilyInfo family);
}
