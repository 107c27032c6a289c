using System.Collections.Generic;

namespace DistriC.MetricDocs;

/// <summary>Every artifact generated from one catalog, as text: what the tool writes, and what the tests compare.</summary>
/// <param name="Json">The catalog as JSON.</param>
/// <param name="Markdown">The catalog as a Markdown page.</param>
/// <param name="Rules">The Prometheus rules file.</param>
/// <param name="Dashboard">The Grafana dashboard.</param>
/// <param name="Contract">The metric contract lines.</param>
/// <param name="RuleList">The rules of <paramref name="Rules"/>, for checking their queries.</param>
/// <param name="Panels">The panels of <paramref name="Dashboard"/>, for checking their queries.</param>
public sealed record MetricArtifacts(
    string Json,
    string Markdown,
    string Rules,
    string Dashboard,
    string Contract,
    IReadOnlyList<PrometheusRule> RuleList,
    IReadOnlyList<DashboardPanel> Panels)
{
    /// <summary>Generates every artifact of <paramref name="service"/>'s <paramref name="metrics"/>.</summary>
    public static MetricArtifacts From(string service, IReadOnlyList<MetricCatalogEntry> metrics)
    {
        IReadOnlyList<PrometheusRule> rules = PrometheusRules.Build(service, metrics);
        IReadOnlyList<DashboardPanel> panels = GrafanaDashboard.Panels(metrics);
        return new MetricArtifacts(
            CatalogJson.Write(service, metrics),
            CatalogMarkdown.Write(service, metrics, rules),
            PrometheusRules.Write(service, rules),
            GrafanaDashboard.Write(service, panels),
            ContractFile.Write(metrics),
            rules,
            panels);
    }
}
