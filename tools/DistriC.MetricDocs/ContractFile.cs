using System.Collections.Generic;
using System.Linq;
using System.Text;
using DistriC.Contract;

namespace DistriC.MetricDocs;

/// <summary>The metric contract lines of a catalog: what <c>DistricMetrics.Shipped.txt</c> records for these metrics.</summary>
public static class ContractFile
{
    /// <summary>One line per metric, sorted by name (the form the analyzers compare the baseline files with).</summary>
    public static string Write(IReadOnlyList<MetricCatalogEntry> metrics)
    {
        var text = new StringBuilder();
        foreach (string line in metrics.Select(Line).OrderBy(l => l, System.StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The contract line of one metric.</summary>
    public static string Line(MetricCatalogEntry metric) => MetricContractText.Format(new MetricContractEntry(
        metric.Name,
        MetricQueries.KindName(metric),
        metric.Unit,
        metric.LabelNames.Select((name, i) => new MetricContractLabel(name, metric.LabelValues[i])),
        metric.Buckets.Select(MetricContractText.Number)));
}
