using System;
using DistriC.Otlp.Protobuf;

namespace DistriC.Otlp.Metrics;

/// <summary>
/// Encodes one collection of a <see cref="MetricRegistry"/> as an OTLP <c>ExportMetricsServiceRequest</c>
/// (<c>opentelemetry/proto/metrics/v1/metrics.proto</c>), as the registry's <see cref="IMetricVisitor"/>: counters as
/// monotonic cumulative sums of integers, gauges as gauges of doubles, histograms as cumulative explicit-bucket
/// histograms; label names and values become string attributes. Reused across collections, so it allocates nothing.
/// </summary>
internal sealed class OtlpMetricSerializer : IMetricVisitor
{
    /// <summary>The instrumentation scope name metrics are sent under.</summary>
    public const string ScopeName = "DistriC.MetricRegistry";

    private const int RequestResourceMetrics = 1;
    private const int ResourceMetricsResource = 1;
    private const int ResourceMetricsScopeMetrics = 2;
    private const int ScopeMetricsScope = 1;
    private const int ScopeMetricsMetrics = 2;
    private const int MetricName = 1;
    private const int MetricDescription = 2;
    private const int MetricUnit = 3;
    private const int MetricGauge = 5;
    private const int MetricSum = 7;
    private const int MetricHistogram = 9;
    private const int DataPoints = 1;
    private const int Temporality = 2;
    private const int IsMonotonic = 3;
    private const int CumulativeTemporality = 2;
    private const int NumberStartTime = 2;
    private const int NumberTime = 3;
    private const int NumberAsDouble = 4;
    private const int NumberAsInt = 6;
    private const int NumberAttributes = 7;
    private const int HistogramStartTime = 2;
    private const int HistogramTime = 3;
    private const int HistogramCount = 4;
    private const int HistogramSum = 5;
    private const int HistogramBucketCounts = 6;
    private const int HistogramExplicitBounds = 7;
    private const int HistogramAttributes = 9;

    private readonly ProtoBuffer _buffer;
    private int _resourceMetrics;
    private int _scopeMetrics;
    private int _metric;
    private int _data;
    private ulong _startNanos;
    private ulong _timeNanos;

    public OtlpMetricSerializer(ProtoBuffer buffer) => _buffer = buffer;

    /// <summary>Data points written by the last collection.</summary>
    public int DataPointCount { get; private set; }

    /// <summary>Collects <paramref name="registry"/> into the buffer (reset first).</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="startNanos">Start of the cumulative interval (when the exporter started), Unix nanoseconds.</param>
    /// <param name="timeNanos">The collection time, Unix nanoseconds.</param>
    public void Write(MetricRegistry registry, OtlpResource resource, ulong startNanos, ulong timeNanos)
    {
        _startNanos = startNanos;
        _timeNanos = timeNanos;
        DataPointCount = 0;
        _buffer.Reset();
        _resourceMetrics = _buffer.BeginMessage(RequestResourceMetrics);
        int resourceMessage = _buffer.BeginMessage(ResourceMetricsResource);
        _buffer.WriteRaw(resource.EncodedAttributes);
        _buffer.EndMessage(resourceMessage);
        _scopeMetrics = _buffer.BeginMessage(ResourceMetricsScopeMetrics);
        OtlpCommon.WriteScope(_buffer, ScopeMetricsScope, ScopeName, OtlpResource.SdkVersion);
        registry.Collect(this);
        _buffer.EndMessage(_scopeMetrics);
        _buffer.EndMessage(_resourceMetrics);
    }

    public void BeginFamily(in MetricFamilyInfo family)
    {
        _metric = _buffer.BeginMessage(ScopeMetricsMetrics);
        _buffer.WriteStringField(MetricName, family.Name);
        if (family.Help.Length > 0)
        {
            _buffer.WriteStringField(MetricDescription, family.Help);
        }

        if (family.Unit is { Length: > 0 } unit)
        {
            _buffer.WriteStringField(MetricUnit, unit);
        }

        _data = _buffer.BeginMessage(family.Kind switch
        {
            MetricKind.Counter => MetricSum,
            MetricKind.Histogram => MetricHistogram,
            _ => MetricGauge,
        });
    }

    public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
    {
        DataPointCount++;
        int message = _buffer.BeginMessage(DataPoints);
        if (family.Kind == MetricKind.Histogram)
        {
            _buffer.WriteFixed64Field(HistogramStartTime, _startNanos);
            _buffer.WriteFixed64Field(HistogramTime, _timeNanos);
            _buffer.WriteFixed64Field(HistogramCount, (ulong)point.Count);
            _buffer.WriteDoubleField(HistogramSum, point.Sum);
            _buffer.WritePackedFixed64Field(HistogramBucketCounts, point.BucketCounts);
            _buffer.WritePackedDoubleField(HistogramExplicitBounds, family.BucketUpperBounds);
            WriteAttributes(HistogramAttributes, family, point);
        }
        else
        {
            _buffer.WriteFixed64Field(NumberStartTime, _startNanos);
            _buffer.WriteFixed64Field(NumberTime, _timeNanos);
            if (family.Kind == MetricKind.Counter)
            {
                _buffer.WriteFixed64Field(NumberAsInt, unchecked((ulong)point.IntegerValue)); // sfixed64
            }
            else
            {
                _buffer.WriteDoubleField(NumberAsDouble, point.Value);
            }

            WriteAttributes(NumberAttributes, family, point);
        }

        _buffer.EndMessage(message);
    }

    public void EndFamily(in MetricFamilyInfo family)
    {
        if (family.Kind != MetricKind.Gauge)
        {
            _buffer.WriteVarintField(Temporality, CumulativeTemporality);
        }

        if (family.Kind == MetricKind.Counter)
        {
            _buffer.WriteVarintField(IsMonotonic, 1);
        }

        _buffer.EndMessage(_data);
        _buffer.EndMessage(_metric);
    }

    private void WriteAttributes(int field, in MetricFamilyInfo family, in MetricSeriesPoint point)
    {
        ReadOnlySpan<string> names = family.LabelNames;
        ReadOnlySpan<string> values = point.LabelValues;
        for (int i = 0; i < names.Length; i++)
        {
            OtlpCommon.WriteStringAttribute(_buffer, field, names[i], values[i]);
        }
    }
}
