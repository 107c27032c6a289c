using System.Text;

namespace DistriC.Exposition;

/// <summary>
/// The metadata lines and sample names of one family in both formats, encoded once at registration.
/// OpenMetrics names a counter family without its <c>_total</c> suffix and its sample with it;
/// Prometheus 0.0.4 uses the registered name for both.
/// </summary>
internal sealed class FamilyHeader
{
    private const string TotalSuffix = "_total";

    public FamilyHeader(MetricKind kind, string name, string help, string? unit)
    {
        // Throws for a kind no table row describes, rather than exposing it as some other kind.
        MetricKindInfo info = MetricKinds.Get((int)kind);
        string prometheus = (help.Length > 0 ? "# HELP " + name + " " + TextEscaping.EscapeHelp(help, ExpositionFormat.Prometheus) + "\n" : string.Empty)
            + "# TYPE " + name + " " + info.PrometheusType + "\n";
        Prometheus = Encoding.UTF8.GetBytes(prometheus);

        string family = kind == MetricKind.Counter && name.EndsWith(TotalSuffix, System.StringComparison.Ordinal)
            ? name[..^TotalSuffix.Length]
            : name;
        string openMetrics = "# TYPE " + family + " " + info.OpenMetricsType + "\n"
            + (string.IsNullOrEmpty(unit) ? string.Empty : "# UNIT " + family + " " + unit + "\n")
            + (help.Length > 0 ? "# HELP " + family + " " + TextEscaping.EscapeHelp(help, ExpositionFormat.OpenMetrics) + "\n" : string.Empty);
        OpenMetrics = Encoding.UTF8.GetBytes(openMetrics);

        SampleName = Encoding.UTF8.GetBytes(name);
        OpenMetricsSampleName = kind == MetricKind.Counter ? Encoding.UTF8.GetBytes(family + TotalSuffix) : SampleName;
        BucketName = Encoding.UTF8.GetBytes(name + "_bucket");
        CountName = Encoding.UTF8.GetBytes(name + "_count");
        SumName = Encoding.UTF8.GetBytes(name + "_sum");
    }

    public byte[] Prometheus { get; }

    public byte[] OpenMetrics { get; }

    public byte[] SampleName { get; }

    public byte[] OpenMetricsSampleName { get; }

    public byte[] BucketName { get; }

    public byte[] CountName { get; }

    public byte[] SumName { get; }

    public byte[] MetadataFor(ExpositionFormat format) => format == ExpositionFormat.OpenMetrics ? OpenMetrics : Prometheus;

    public byte[] SampleNameFor(ExpositionFormat format) => format == ExpositionFormat.OpenMetrics ? OpenMetricsSampleName : SampleName;
}
