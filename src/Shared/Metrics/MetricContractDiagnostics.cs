// The diagnostics of the metric contract (DSC201-DSC212): a declared metric compared with its line in
// DistricMetrics.Shipped.txt / DistricMetrics.Unshipped.txt, and the service-level pairs the rules file is built from.
// Every breaking message names what breaks downstream (dashboards, alerts) and the way out.
// Documented in docs/diagnostics.md and tracked in src/Analyzers/AnalyzerReleases.*.md; the IDs are a public contract.
using DistriC.Generators;
using Microsoft.CodeAnalysis;

namespace DistriC.Metrics
{
    internal static class MetricContractDiagnostics
    {
        /// <summary>Diagnostic property: the declared metric's contract line, which the code fix writes into the Unshipped file.</summary>
        public const string LineProperty = "DistricContractLine";

        /// <summary>Diagnostic property: the metric name, so the code fix replaces that metric's line.</summary>
        public const string NameProperty = "DistricContractName";

        public static readonly DiagnosticDescriptor NotRecorded = Create(
            "DSC201",
            "Metric not recorded in the metric contract",
            "Metric '{0}' is in neither DistricMetrics.Shipped.txt nor DistricMetrics.Unshipped.txt: add the line '{1}' to DistricMetrics.Unshipped.txt (the code fix does it), so a later rename or removal fails the build",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ShippedRemoved = Create(
            "DSC202",
            "Shipped metric removed or renamed",
            "Shipped metric '{0}' is no longer declared (removed or renamed): dashboards and alerts that query it go empty without an error; keep declaring it alongside its replacement for at least one release, or delete this line to retire it deliberately");

        public static readonly DiagnosticDescriptor KindChanged = Create(
            "DSC203",
            "Shipped metric changed its kind",
            "Shipped metric '{0}' was a {1} and is now a {2}: its series change names and types, so every dashboard and alert query of it breaks; declare the new kind under a new name and keep the old metric for at least one release");

        public static readonly DiagnosticDescriptor UnitChanged = Create(
            "DSC204",
            "Shipped metric changed its unit",
            "Shipped metric '{0}' had unit '{1}' and now has unit '{2}': dashboard axes and alert thresholds assume the old unit; add a metric named for the new unit and keep the old one for at least one release");

        public static readonly DiagnosticDescriptor LabelRemoved = Create(
            "DSC205",
            "Label of a shipped metric removed or renamed",
            "Label '{1}' of shipped metric '{0}' was removed or renamed: queries that select or aggregate by it return nothing or merge series; keep the label, or add a new metric and keep the old one for at least one release");

        public static readonly DiagnosticDescriptor LabelValueRemoved = Create(
            "DSC206",
            "Label value of a shipped metric removed",
            "Value '{2}' of label '{1}' of shipped metric '{0}' was removed: alerts and panels that select {1}=\"{2}\" stop firing and go empty silently; keep the value, or add a new metric and keep the old one for at least one release");

        public static readonly DiagnosticDescriptor BucketsChanged = Create(
            "DSC207",
            "Buckets of a shipped metric changed",
            "Buckets of shipped metric '{0}' changed from {1} to {2}: histogram_quantile over a window spanning the change is wrong and le=\"...\" selectors in dashboards and alerts break; keep the buckets, or add a new metric and keep the old one for at least one release");

        public static readonly DiagnosticDescriptor AdditionNotRecorded = Create(
            "DSC208",
            "Label or label value added to a shipped metric",
            "{1} of shipped metric '{0}' is new and not recorded: it adds series, which changes series counts and capacity; record it with the line '{2}' in DistricMetrics.Unshipped.txt (the code fix does it)",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnshippedOutOfDate = Create(
            "DSC209",
            "Unshipped contract line does not match the declaration",
            "The line of metric '{0}' in DistricMetrics.Unshipped.txt does not match its declaration: replace it with '{1}' (the code fix does it)",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnshippedStale = Create(
            "DSC210",
            "Unshipped contract line of a metric that is not declared",
            "DistricMetrics.Unshipped.txt lists '{0}', which is not declared: delete the line (a metric never shipped may be removed freely)",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidLine = Create(
            "DSC211",
            "Invalid metric contract line",
            "This line of {0} is not a metric contract entry: {1}; correct or delete it (README, 'The metric contract', describes the form)",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidServiceLevelPair = Create(
            "DSC212",
            "Invalid service-level pair",
            "Service-level pair '{0}' {1}: a pair is one counter and one histogram, both labelled with the same label names, the counter naming its errors with ErrorLabel and ErrorValues");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
            DiagnosticCatalog.Create(id, title, message, DiagnosticCategories.MetricContract, severity, compilationEnd: true);
    }
}
