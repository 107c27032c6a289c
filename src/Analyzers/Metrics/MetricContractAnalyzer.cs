// The metric contract (DSC201-DSC211): every declared metric of the compilation, compared at its end with the
// baseline files DistricMetrics.Shipped.txt and DistricMetrics.Unshipped.txt (AdditionalFiles). A project without
// either file opts out and gets none of these. Also the service-level pairs (DSC212), which need every declaration too.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using DistriC.Contract;
using DistriC.Generators;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DistriC.Analyzers.Metrics
{
    /// <summary>Treats the declared metrics as a public contract recorded in <c>DistricMetrics.Shipped.txt</c> / <c>DistricMetrics.Unshipped.txt</c>.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [SuppressMessage(
        "MicrosoftCodeAnalysisCorrectness",
        "RS1038:Compiler extensions should be implemented in assemblies with compiler-provided references",
        Justification = "As MetricDeclarationAnalyzer: only the code fix beside it touches Workspaces.")]
    public sealed class MetricContractAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticCatalog.MetricContract;

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (start.Compilation.GetTypeByMetadataName(KnownTypes.MetricAttribute) is null)
                {
                    return;
                }

                var declared = new ConcurrentBag<MetricModel>();
                start.RegisterSymbolAction(symbol => Collect(symbol, declared), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => AnalyzeCompilation(end, declared));
            });
        }

        private static void Collect(SymbolAnalysisContext context, ConcurrentBag<MetricModel> declared)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (MetricModelBuilder.IsMetricAttribute(attribute)
                    && MetricModelBuilder.Build(type, attribute, withLocations: true, context.CancellationToken) is { } model)
                {
                    declared.Add(model);
                }
            }
        }

        private static void AnalyzeCompilation(CompilationAnalysisContext context, ConcurrentBag<MetricModel> declared)
        {
            // Source order, so every build reports the same diagnostics in the same order.
            List<MetricModel> models = declared
                .OrderBy(m => m.Locations.Attribute.FilePath, StringComparer.Ordinal)
                .ThenBy(m => m.Locations.Attribute.Span.Start)
                .ToList();
            List<MetricModel> valid = models.Where(MetricValidator.CanGenerate).ToList();
            foreach (DeclarationProblem problem in ServiceLevelPairs.Validate(valid))
            {
                context.ReportDiagnostic(problem.ToDiagnostic(context.Compilation));
            }

            MetricBaselineFile? shipped = MetricBaselineFile.Find(context.Options.AdditionalFiles, MetricContractText.ShippedFileName, context.CancellationToken);
            MetricBaselineFile? unshipped = MetricBaselineFile.Find(context.Options.AdditionalFiles, MetricContractText.UnshippedFileName, context.CancellationToken);
            if (shipped is null && unshipped is null)
            {
                return;
            }

            var contract = new MetricContractCheck(
                context.Compilation,
                context.ReportDiagnostic,
                shipped ?? MetricBaselineFile.Empty(MetricContractText.ShippedFileName),
                unshipped ?? MetricBaselineFile.Empty(MetricContractText.UnshippedFileName));
            contract.Run(models, valid);
        }
    }
}
