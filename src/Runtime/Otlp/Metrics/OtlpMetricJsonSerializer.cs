using DistriC.Otlp.Json;

namespace DistriC.Otlp.Metrics;

/// <summary>
/// Encodes one collection of a <see cref="MetricRegistry"/> as an <c>ExportMetricsServiceRequest</c> in the OTLP/HTTP JSON
/// encoding: the same content as <see cref="OtlpMetricSerializer"/> (cumulative monotonic integer sums, double gauges,
/// cumulative explicit-bucket histograms, labels as string attributes), with 64-bit integers as decimal strings and
/// enums as integers. Reused across collections, so it allocates nothing.
/// </summary>
internal sealed class OtlpMetricJsonSerializer : IMetricVisitor
{
    private const int CumulativeTemporality = 2;

    private readonly OtlpJsonBuffer _json;
    private ulong _startNanos;
    private ulong _timeNanos;

    public OtlpMetricJsonSerializer(OtlpJsonBuffer json) => _json = json;

    /// <summary>Data points written by the last collection.</summary>
    public int DataPointCount { get; private set; }

    /// <summary>Collects <paramref name="registry"/> into the buffer (reset first); the arguments are those of <see cref="OtlpMetricSerializer.Write"/>.</summary>
    public void Write(MetricRegistry registry, OtlpResource resource, ulong startNanos, ulong timeNanos)
    {
        _startNanos = startNanos;
        _timeNanos = timeNanos;
        DataPointCount = 0;
        OtlpJsonCommon.BeginRequest(_json, "\"resourceMetrics\""u8, "\"scopeMetrics\""u8, "\"metrics\""u8, resource, OtlpMetricSerializer.ScopeName);
        registry.Collect(this);
        OtlpJsonCommon.EndRequest(_json);
    }

    public void BeginFamily(in MetricFamilyInfo family)
    {
        _json.StartObject();
        _json.Name("\"name\""u8);
        _json.String(family.Name);
        if (family.Help.Length > 0)
        {
            _json.Name("\"description\""u8);
            _json.String(family.Help);
        }

        if (family.Unit is { Length: > 0 } unit)
        {
            _json.Name("\"unit\""u8);
            _json.String(unit);
        }

        _json.Name(family.Kind switch
        {
            MetricKind.Counter => "\"sum\""u8,
            MetricKind.Histogram => "\"histogram\""u8,
            _ => "\"gauge\""u8,
        });
        _json.StartObject();
        _json.Name("\"dataPoints\""u8);
        _json.StartArray();
    }

    public void VisitSeries(in MetricFamilyInfo family, in MetricSeriesPoint point)
    {
        DataPointCount++;
        _json.StartObject();
        _json.Name("\"startTimeUnixNano\""u8);
        _json.UInt64String(_startNanos);
        _json.Name("\"timeUnixNano\""u8);
        _json.UInt64String(_timeNanos);
        if (family.Kind == MetricKind.Histogram)
        {
            _json.Name("\"count\""u8);
            _json.UInt64String((ulong)point.Count);
            _json.Name("\"sum\""u8);
            _json.Double(point.Sum);
            _json.Name("\"bucketCounts\""u8);
            _json.StartArray();
            foreach (long count in point.BucketCounts)
            {
                _json.UInt64String((ulong)count);
            }

            _json.EndArray();
            _json.Name("\"explicitBounds\""u8);
            _json.StartArray();
            foreach (double bound in family.BucketUpperBounds)
            {
                _json.Double(bound);
            }

            _json.EndArray();
        }
        else if (family.Kind == MetricKind.Counter)
        {
            _json.Name("\"asInt\""u8);
            _json.Int64String(point.IntegerValue);
        }
        else
        {
            _json.Name("\"asDouble\""u8);
            _json.Double(point.Value);
        }

        OtlpJsonCommon.WriteAttributes(_json, family.LabelNames, point.LabelValues);
        _json.EndObject();
    }

    public void EndFamily(in MetricFamilyInfo family)
    {
        _json.EndArray();
        if (family.Kind != MetricKind.Gauge)
        {
            _json.Name("\"aggregationTemporality\""u8);
            _json.Number(CumulativeTemporality);
        }

        if (family.Kind == MetricKind.Counter)
        {
            _json.Name("\"isMonotonic\""u8);
            _json.Bool(true);
        }

        _json.EndObject();
        _json.EndObject();
    }
}
