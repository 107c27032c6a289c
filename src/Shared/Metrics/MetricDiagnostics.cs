// The diagnostics of [Metric] declarations (DSC001-DSC015) and [MeterInstrument] bindings (DSC016-DSC018), created through the shared DiagnosticCatalog; the rules
// shared with the runtime take their id, title and message from MetricRule (src/Shared/Rules). Documented in
// docs/diagnostics.md and tracked in src/Analyzers/AnalyzerReleases.*.md; the IDs are a public contract.
using DistriC.Generators;
using Microsoft.CodeAnalysis;

namespace DistriC.Metrics
{
    internal static class MetricDiagnostics
    {
        public static readonly DiagnosticDescriptor UnboundedLabel = Error("DSC001", MetricRule.UnboundedLabel);

        public static readonly DiagnosticDescriptor CardinalityTooHigh = Error("DSC002", MetricRule.CardinalityTooHigh);

        public static readonly DiagnosticDescriptor TooManyLabels = Error("DSC003", MetricRule.TooManyLabels);

        public static readonly DiagnosticDescriptor InvalidMetricName = Error("DSC004", MetricRule.InvalidMetricName);

        public static readonly DiagnosticDescriptor InvalidLabelName = Error("DSC005", MetricRule.InvalidLabelName);

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

        public static readonly DiagnosticDescriptor InvalidLabelValue = Error("DSC008", MetricRule.InvalidLabelValue);

        public static readonly DiagnosticDescriptor InvalidBuckets = Error("DSC009", MetricRule.InvalidBuckets);

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

        public static readonly DiagnosticDescriptor HelpTooLong = Error("DSC012", MetricRule.HelpTooLong);

        public static readonly DiagnosticDescriptor UnknownKind = Error("DSC013", MetricRule.UnknownKind);

        public static readonly DiagnosticDescriptor InvalidInfo = Error("DSC014", MetricRule.InvalidInfo);

        public static readonly DiagnosticDescriptor ExemplarsNotSupported = Error("DSC015", MetricRule.ExemplarsNotSupported);

        public static readonly DiagnosticDescriptor InvalidBinding = Error(
            "DSC016",
            "Invalid meter instrument binding",
            "Meter instrument binding '{0}' {1}");

        public static readonly DiagnosticDescriptor DuplicateBoundTag = Error(
            "DSC017",
            "Tag bound twice",
            "Tag '{0}' is listed twice in meter instrument binding '{1}': list each tag once, with all its values");

        public static readonly DiagnosticDescriptor InvalidCatchAll = Error(
            "DSC018",
            "Invalid catch-all value",
            "Catch-all value '{0}' of tag '{1}' in meter instrument binding '{2}' {3}");

        /// <summary>The descriptor of a rule shared with the runtime: same id, title and message format.</summary>
        public static DiagnosticDescriptor For(MetricRule rule) => rule.Id switch
        {
            "DSC001" => UnboundedLabel,
            "DSC002" => CardinalityTooHigh,
            "DSC003" => TooManyLabels,
            "DSC004" => InvalidMetricName,
            "DSC005" => InvalidLabelName,
            "DSC008" => InvalidLabelValue,
            "DSC009" => InvalidBuckets,
            "DSC012" => HelpTooLong,
            "DSC013" => UnknownKind,
            "DSC014" => InvalidInfo,
            "DSC015" => ExemplarsNotSupported,
            _ => throw new System.ArgumentOutOfRangeException(nameof(rule), rule.Id, "No diagnostic descriptor for this rule."),
        };

        /// <summary>A violation of a rule shared with the runtime, reported at <paramref name="location"/>.</summary>
        public static DeclarationProblem Problem(MetricRuleViolation violation, SourceLocation location) =>
            new DeclarationProblem(For(violation.Rule), location, violation.Arguments);

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            DiagnosticCatalog.Create(id, title, message, DiagnosticCategories.Metrics);

        // The message format is the rule's one template, which the runtime's exception message uses too. The id is
        // also written here as a literal because release tracking (RS2000-RS2002) reads descriptor ids as constants.
        private static DiagnosticDescriptor Error(string id, MetricRule rule) => id == rule.Id
            ? Error(id, rule.Title, rule.MessageFormat)
            : throw new System.ArgumentException($"Descriptor {id} was given rule {rule.Id}.", nameof(id));
    }
}
