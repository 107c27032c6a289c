// Reports every problem of [Metric] declarations at build time, judged by the same model and rules
// the generator uses (src/Shared/Metrics). Per declaration: DSC001-DSC005 and DSC007-DSC010, DSC012-DSC015, and for
// [MeterInstrument] bindings DSC016-DSC018 plus the same rules on the metric they expose;
// across the compilation (at its end): duplicate names (DSC006) and the series budget (DSC011).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using DistriC.Generators;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DistriC.Analyzers.Metrics
{
    /// <summary>Checks <c>[Metric]</c> declarations and <c>[MeterInstrument]</c> bindings: labels bounded, names valid, cardinality and series within the configured caps.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [SuppressMessage(
        "MicrosoftCodeAnalysisCorrectness",
        "RS1038:Compiler extensions should be implemented in assemblies with compiler-provided references",
        Justification = "The layout keeps the DSC010 code fix beside the analyzers; the analyzer never touches a Workspaces type, only the code fix (loaded by IDEs, which provide Workspaces) does.")]
    public sealed class MetricDeclarationAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>MSBuild property (made compiler-visible by build/DistriC.Generated.props) capping one metric's cardinality.</summary>
        public const string MaxCardinalityProperty = "build_property.DistricMaxCardinality";

        /// <summary>MSBuild property capping the series of the whole assembly.</summary>
        public const string MaxSeriesProperty = "build_property.DistricMaxSeries";

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticCatalog.Metrics;

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

                AnalyzerConfigOptions options = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                long maxCardinality = ReadLimit(options, MaxCardinalityProperty, MetricRules.DefaultMaxCardinality);
                long maxSeries = ReadLimit(options, MaxSeriesProperty, MetricRules.DefaultMaxSeries);
                var declared = new ConcurrentBag<MetricModel>();
                start.RegisterSymbolAction(symbol => AnalyzeType(symbol, maxCardinality, declared), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => AnalyzeAssembly(end, maxSeries, declared));
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, long maxCardinality, ConcurrentBag<MetricModel> declared)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (AttributeData attribute in type.GetAttributes())
            {
                MetricModel? model;
                List<DeclarationProblem> problems;
                if (MetricModelBuilder.IsMetricAttribute(attribute))
                {
                    model = MetricModelBuilder.Build(type, attribute, withLocations: true, context.CancellationToken);
                    problems = model is null ? new List<DeclarationProblem>() : MetricValidator.Validate(model);
                }
                else if (MeterBindingModelBuilder.IsBindingAttribute(attribute))
                {
                    // A binding is judged as the metric it exposes, and counts in DSC006 and DSC011 like one.
                    MeterBindingModel? binding = MeterBindingModelBuilder.Build(type, attribute, withLocations: true, context.CancellationToken);
                    model = binding?.Metric;
                    problems = binding is null ? new List<DeclarationProblem>() : MeterBindingValidator.Validate(binding);
                }
                else
                {
                    continue;
                }

                if (model is null)
                {
                    return;
                }

                foreach (DeclarationProblem problem in problems)
                {
                    context.ReportDiagnostic(problem.ToDiagnostic(context.Compilation));
                }

                if (MetricValidator.CheckCardinality(model, maxCardinality) is { } tooMany)
                {
                    context.ReportDiagnostic(tooMany.ToDiagnostic(context.Compilation));
                }

                declared.Add(model);
            }
        }

        private static void AnalyzeAssembly(CompilationAnalysisContext context, long maxSeries, ConcurrentBag<MetricModel> declared)
        {
            // Source order, so "the first declaration" and every report are the same on every build.
            List<MetricModel> models = declared
                .OrderBy(m => m.Locations.Attribute.FilePath, StringComparer.Ordinal)
                .ThenBy(m => m.Locations.Attribute.Span.Start)
                .ToList();

            foreach (IGrouping<string, MetricModel> group in models.Where(m => MetricRules.IsValidMetricName(m.Name)).GroupBy(m => m.Name!, StringComparer.Ordinal))
            {
                MetricModel first = group.First();
                foreach (MetricModel duplicate in group.Skip(1))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        MetricDiagnostics.DuplicateMetricName,
                        duplicate.Locations.Name.Or(duplicate.Locations.Attribute).ToLocation(context.Compilation),
                        duplicate.Name,
                        first.Type.DisplayName));
                }
            }

            // The same set the generated catalog counts: every declaration the generator emits.
            List<MetricModel> generated = models.Where(MetricValidator.CanGenerate).ToList();
            long total = generated.Sum(MetricValidator.Series);
            if (total > maxSeries)
            {
                MetricModel largest = generated.OrderByDescending(MetricValidator.Series).First();
                context.ReportDiagnostic(Diagnostic.Create(
                    MetricDiagnostics.TooManySeries,
                    largest.Locations.Attribute.ToLocation(context.Compilation),
                    total.ToString(CultureInfo.InvariantCulture),
                    maxSeries.ToString(CultureInfo.InvariantCulture),
                    $"{largest.Name} ({MetricValidator.Series(largest).ToString(CultureInfo.InvariantCulture)} series)"));
            }
        }

        private static long ReadLimit(AnalyzerConfigOptions options, string key, long fallback) =>
            options.TryGetValue(key, out string? text)
            && long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            && value > 0
                ? value
                : fallback;
    }
}
