// The diagnostics of [Metric] declarations (DSC001-DSC012), created through the shared DiagnosticCatalog.
// Documented in docs/diagnostics.md and tracked in src/Analyzers/AnalyzerReleases.*.md; the IDs are a public contract.
using DistriC.Generators;
using Microsoft.CodeAnalysis;

namespace DistriC.Metrics
{
    internal static class MetricDiagnostics
    {
        public static readonly DiagnosticDescriptor UnboundedLabel = Error(
            "DSC001",
            "Label is unbounded",
            "Label '{0}' of metric '{1}' is unbounded: {2}");

        public static readonly DiagnosticDescriptor CardinalityTooHigh = Error(
            "DSC002",
            "Metric cardinality above the cap",
            "Metric '{0}' has {1} > {2} label combinations: drop or coarsen a label, split the metric, or raise the cap (MSBuild property DistricMaxCardinality)");

        public static readonly DiagnosticDescriptor TooManyLabels = Error(
            "DSC003",
            "Too many labels",
            "Metric '{0}' declares {1} labels; at most {2} are allowed: remove labels or move some to another metric");

        public static readonly DiagnosticDescriptor InvalidMetricName = Error(
            "DSC004",
            "Invalid metric name",
            "Metric name '{0}' is invalid: {1}");

        public static readonly DiagnosticDescriptor InvalidLabelName = Error(
            "DSC005",
            "Invalid, reserved or duplicate label name",
            "Label name '{0}' of metric '{1}' {2}; rename the label");

        public static readonly DiagnosticDescriptor DuplicateMetricName = DiagnosticCatalog.Create(
            "DSC006",
            "Duplicate metric name",
            "Metric name '{0}' is already declared by '{1}': give each metric its own name, or declare it once and share the instance",
            DiagnosticCategories.Metrics,
            DiagnosticSeverity.Error,
            description: "Two [Metric] classes of one compilation cannot share a name: registering both in one registry would fail.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor InvalidDeclaringType = Error(
            "DSC007",
            "Metric class cannot receive generated members",
            "Metric class '{0}' {1}");

        public static readonly DiagnosticDescriptor InvalidLabelValue = Error(
            "DSC008",
            "Duplicate, empty or over-long label value",
            "Label '{0}' of metric '{1}': {2}; make every value distinct, non-empty and at most 128 characters");

        public static readonly DiagnosticDescriptor InvalidBuckets = Error(
            "DSC009",
            "Invalid histogram buckets",
            "Metric '{0}': {1}; list finite, strictly increasing bounds on a histogram, or omit Buckets for the defaults");

        public static readonly DiagnosticDescriptor CounterWithoutTotal = DiagnosticCatalog.Create(
            "DSC010",
            "Counter name should end with _total",
            "Counter name '{0}' should end with '_total': append the suffix (the code fix does it)",
            DiagnosticCategories.Metrics,
            DiagnosticSeverity.Warning,
            description: "Prometheus and OpenMetrics name counters '<name>_total'; a code fix appends the suffix.");

        public static readonly DiagnosticDescriptor TooManySeries = DiagnosticCatalog.Create(
            "DSC011",
            "Assembly series budget exceeded",
            "The assembly declares {0} series > {1} (largest: {2}); reduce the labels or buckets of the largest metrics, or raise the budget (MSBuild property DistricMaxSeries)",
            DiagnosticCategories.Metrics,
            DiagnosticSeverity.Error,
            description: "The sum of the series every [Metric] of the assembly can expose must stay within the budget.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor HelpTooLong = Error(
            "DSC012",
            "HELP text too long",
            "Metric '{0}': HELP text is {1} characters; at most {2} are allowed: shorten it and put long explanations in documentation");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            DiagnosticCatalog.Create(id, title, message, DiagnosticCategories.Metrics);
    }
}
