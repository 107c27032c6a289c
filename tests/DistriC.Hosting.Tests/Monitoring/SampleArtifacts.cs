using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using DistriC.MetricDocs;

namespace DistriC.Hosting.Tests.Monitoring;

/// <summary>The sample's built assembly, its artifacts generated afresh, and where the committed copies live.</summary>
internal static class SampleArtifacts
{
    public const string Service = "DistriC.Sample";

    /// <summary>The built sample (DistriC.Sample.dll), handed over by the project file as assembly metadata.</summary>
    public static string Assembly => typeof(SampleArtifacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DistricSampleAssembly").Value!;

    public static IReadOnlyList<MetricCatalogEntry> Catalog => CatalogLoader.Load(Assembly);

    public static MetricArtifacts Generate() => MetricArtifacts.From(Service, Catalog);

    /// <summary>A path of the repository (relative to its root).</summary>
    public static string Repository(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", relative));

    public static string Rules => Repository("samples/DistriC.Sample/monitoring/sample.rules.yml");

    public static string Dashboard => Repository("samples/DistriC.Sample/monitoring/sample.dashboard.json");

    public static string Json => Repository("samples/DistriC.Sample/monitoring/metrics.json");

    public static string Markdown => Repository("docs/metrics.md");

    public static string Shipped => Repository("samples/DistriC.Sample/DistricMetrics.Shipped.txt");
}
