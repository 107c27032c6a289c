using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DistriC.MetricDocs;

/// <summary>The PromQL the rules file and the dashboard use, from one place, so both query a metric the same way.</summary>
public static class MetricQueries
{
    /// <summary>The window of every rate.</summary>
    public const string Window = "5m";

    /// <summary>The latency quantiles recorded for a service-level pair and shown for a histogram.</summary>
    public static readonly IReadOnlyList<double> Quantiles = [0.5, 0.9, 0.99];

    /// <summary>The kind's name as the artifacts write it (<c>counter</c>): by name, so a new kind needs no change here.</summary>
    public static string KindName(MetricCatalogEntry metric) => metric.Kind.ToString().ToLowerInvariant();

    /// <summary>A series every label combination of the family exposes: <c>_count</c> for a histogram (it has no series of its bare name).</summary>
    public static string Series(MetricCatalogEntry metric) => metric.Kind == MetricKind.Histogram ? metric.Name + "_count" : metric.Name;

    /// <summary>The dashboard query of a metric family: a rate for a counter, p99 for a histogram, the value otherwise.</summary>
    public static string Panel(MetricCatalogEntry metric) => metric.Kind switch
    {
        MetricKind.Counter => Sum(metric.LabelNames, $"rate({metric.Name}[{Window}])"),
        MetricKind.Histogram => Quantile(0.99, metric.Name, metric.LabelNames),
        _ => metric.Name,
    };

    /// <summary><c>sum by (labels) (inner)</c>, or <c>sum(inner)</c> without labels.</summary>
    public static string Sum(IEnumerable<string> labels, string inner)
    {
        string by = string.Join(", ", labels);
        return by.Length == 0 ? $"sum({inner})" : $"sum by ({by}) ({inner})";
    }

    /// <summary><c>histogram_quantile(q, sum by (le, labels) (rate(name_bucket[5m])))</c>.</summary>
    public static string Quantile(double quantile, string histogram, IEnumerable<string> labels) =>
        $"histogram_quantile({Number(quantile)}, {Sum(labels.Prepend("le"), $"rate({histogram}_bucket[{Window}])")})";

    /// <summary>A matcher <c>label=~"a|b"</c> that selects exactly <paramref name="values"/> (regex and string escaped).</summary>
    public static string Matches(string label, IEnumerable<string> values) =>
        label + "=~\"" + EscapeString(string.Join("|", values.Select(EscapeRegex))) + "\"";

    /// <summary>A number as PromQL and the rule names write it.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string EscapeRegex(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string EscapeString(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
