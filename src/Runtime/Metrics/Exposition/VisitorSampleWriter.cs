using System;
using DistriC.Metrics;

namespace DistriC.Exposition;

/// <summary>
/// The public read path as a sample writer: turns the series a family hands over into
/// <see cref="IMetricVisitor"/> calls, so the values read equal the ones the text formats print.
/// </summary>
internal struct VisitorSampleWriter : ISampleWriter
{
    private readonly IMetricVisitor _visitor;
    private MetricFamily _family;

    public VisitorSampleWriter(IMetricVisitor visitor)
    {
        _visitor = visitor;
        _family = null!;
    }

    public void BeginFamily(MetricFamily family)
    {
        _family = family;
        MetricFamilyInfo info = family.Describe();
        _visitor.BeginFamily(in info);
    }

    public readonly void WriteCounter(int series, ReadOnlySpan<byte> labels, long value, in MetricExemplar exemplar)
    {
        MetricFamilyInfo info = _family.Describe();
        var point = MetricSeriesPoint.Counter(series, _family.LabelValuesOf(series), value, exemplar);
        _visitor.VisitSeries(in info, in point);
    }

    public readonly void WriteGauge(int series, ReadOnlySpan<byte> labels, double value)
    {
        MetricFamilyInfo info = _family.Describe();
        var point = MetricSeriesPoint.Gauge(series, _family.LabelValuesOf(series), value);
        _visitor.VisitSeries(in info, in point);
    }

    public readonly void WriteHistogram(int series, ReadOnlySpan<byte> labels, ReadOnlySpan<long> bucketCounts, long count, double sum, ReadOnlySpan<MetricExemplar> bucketExemplars)
    {
        MetricFamilyInfo info = _family.Describe();
        var point = MetricSeriesPoint.Histogram(series, _family.LabelValuesOf(series), bucketCounts, count, sum, bucketExemplars);
        _visitor.VisitSeries(in info, in point);
    }

    public readonly void WriteInfo(int series, ReadOnlySpan<byte> labels)
    {
        MetricFamilyInfo info = _family.Describe();
        var point = MetricSeriesPoint.Info(series, _family.LabelValuesOf(series));
        _visitor.VisitSeries(in info, in point);
    }

    public readonly void EndFamily()
    {
        MetricFamilyInfo info = _family.Describe();
        _visitor.EndFamily(in info);
    }

    public readonly void EndExposition()
    {
    }
}
