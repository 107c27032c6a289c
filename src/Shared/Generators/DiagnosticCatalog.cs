// The catalogue of every DSC diagnostic: one factory that creates each descriptor the same way (ID,
// title, message, category, severity, help link into docs/diagnostics.md), the categories, and the list
// each analyzer supports. The feature files (Metrics/MetricDiagnostics.cs DSC0xx, Logging/LoggingDiagnosticDescriptors.cs
// DSC1xx, Metrics/MetricContractDiagnostics.cs DSC2xx) only word their rules. The IDs are a public contract, tracked in src/Analyzers/AnalyzerReleases.*.md.
using System.Collections.Immutable;
using DistriC.Logging;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;

namespace DistriC.Generators
{
    /// <summary>The categories of the DSC diagnostics.</summary>
    internal static class DiagnosticCategories
    {
        /// <summary>DSC0xx: <c>[Metric]</c> declarations.</summary>
        public const string Metrics = "DistriC.Metrics";

        /// <summary>DSC1xx: <c>[LogEvent]</c> declarations.</summary>
        public const string Logging = "DistriC.Logging";

        /// <summary>DSC2xx: the metric contract (baseline files, service-level pairs).</summary>
        public const string MetricContract = "DistriC.MetricContract";
    }

    internal static class DiagnosticCatalog
    {
        /// <summary>DSC001-DSC018, in ID order: what the metrics analyzer reports.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Metrics => ImmutableArray.Create(
            MetricDiagnostics.UnboundedLabel,
            MetricDiagnostics.CardinalityTooHigh,
            MetricDiagnostics.TooManyLabels,
            MetricDiagnostics.InvalidMetricName,
            MetricDiagnostics.InvalidLabelName,
            MetricDiagnostics.DuplicateMetricName,
            MetricDiagnostics.InvalidDeclaringType,
            MetricDiagnostics.InvalidLabelValue,
            MetricDiagnostics.InvalidBuckets,
            MetricDiagnostics.CounterWithoutTotal,
            MetricDiagnostics.TooManySeries,
            MetricDiagnostics.HelpTooLong,
            MetricDiagnostics.UnknownKind,
            MetricDiagnostics.InvalidInfo,
            MetricDiagnostics.ExemplarsNotSupported,
            MetricDiagnostics.InvalidBinding,
            MetricDiagnostics.DuplicateBoundTag,
            MetricDiagnostics.InvalidCatchAll);

        /// <summary>DSC201-DSC212, in ID order: what the metric contract analyzer reports.</summary>
        public static ImmutableArray<DiagnosticDescriptor> MetricContract => ImmutableArray.Create(
            MetricContractDiagnostics.NotRecorded,
            MetricContractDiagnostics.ShippedRemoved,
            MetricContractDiagnostics.KindChanged,
            MetricContractDiagnostics.UnitChanged,
            MetricContractDiagnostics.LabelRemoved,
            MetricContractDiagnostics.LabelValueRemoved,
            MetricContractDiagnostics.BucketsChanged,
            MetricContractDiagnostics.AdditionNotRecorded,
            MetricContractDiagnostics.UnshippedOutOfDate,
            MetricContractDiagnostics.UnshippedStale,
            MetricContractDiagnostics.InvalidLine,
            MetricContractDiagnostics.InvalidServiceLevelPair);

        /// <summary>DSC101-DSC109, in ID order: what the logging analyzer reports.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Logging => ImmutableArray.Create(
            LoggingDiagnosticDescriptors.NotPartial,
            LoggingDiagnosticDescriptors.UnsupportedParameterType,
            LoggingDiagnosticDescriptors.DuplicateFieldName,
            LoggingDiagnosticDescriptors.ReservedFieldName,
            LoggingDiagnosticDescriptors.NoLogger,
            LoggingDiagnosticDescriptors.EmptyText,
            LoggingDiagnosticDescriptors.InvalidSignature,
            LoggingDiagnosticDescriptors.UndefinedLevel,
            LoggingDiagnosticDescriptors.TraceFieldName);

        /// <summary>
        /// A DSC descriptor, enabled by default, with its help link. <paramref name="compilationEnd"/> marks a rule the
        /// analyzer can only judge once the whole compilation is seen (RS1037).
        /// </summary>
        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string message,
            string category,
            DiagnosticSeverity severity = DiagnosticSeverity.Error,
            string? description = null,
            bool compilationEnd = false) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: DiagnosticHelpLinks.For(id),
                customTags: compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());
    }
}
