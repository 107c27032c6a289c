// The incremental generator for [Metric] classes. Pipeline: ForAttributeWithMetadataName reads each
// declaration into a value-equatable MetricModel (no symbols or syntax in it), each valid one gets its
// members, all of them together the assembly's DistricMetricsCatalog, and each rejected one a stand-in
// (see the comment in Initialize). Output is a pure function of the models.
using System;
using System.Linq;
using System.Threading;
using DistriC.Generators;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Generator.Metrics
{
    /// <summary>Generates the typed members of every <c>[Metric]</c> partial class, and the assembly's metric catalog.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MetricsGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<MetricModel?> models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.MetricAttribute,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    static (syntax, cancellationToken) => Read(syntax, cancellationToken))
                .WithTrackingName(TrackingNames.MetricModel);

            IncrementalValuesProvider<MetricModel> valid = models
                .Where(static model => model is not null && MetricValidator.CanGenerate(model))
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.MetricValid);

            context.RegisterSourceOutput(valid, static (output, model) => GeneratorGuard.Produce(
                output,
                MetricSourceEmitter.HintName(model),
                model.Type.DisplayName,
                () => MetricSourceEmitter.Emit(model, GeneratedFile.GeneratedCodeAttribute)));

            // Rejected declarations get stand-in members (constructor, label enums, update and read methods that
            // do nothing), never a diagnostic from here. The analyzers stay the single reporter of the DSC rules
            // (IDE squiggles, code fixes, one rule path, no duplicate reports), but csc reports analyzer
            // diagnostics only when the compilation has no compiler errors: without the stand-in, a consumer's
            // `new X(registry)` or `x.Inc(...)` would fail with CS1729/CS1061 and `dotnet build` would never
            // show the DSC error. With it, the DSC error is the one error, and it fails the build. Stand-ins
            // are not in the catalog: it lists valid metrics only (and DSC011 counts the same set).
            IncrementalValuesProvider<MetricModel> rejected = models
                .Where(static model => model is not null && !MetricValidator.CanGenerate(model) && MetricStandInEmitter.CanHost(model))
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.MetricRejected);

            context.RegisterSourceOutput(rejected, static (output, model) => GeneratorGuard.Produce(
                output,
                MetricSourceEmitter.HintName(model),
                model.Type.DisplayName,
                () => MetricStandInEmitter.Emit(model, GeneratedFile.GeneratedCodeAttribute)));

            IncrementalValueProvider<EquatableArray<MetricModel>> catalog = valid
                .Collect()
                .Select(static (all, _) => new EquatableArray<MetricModel>(
                    all.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Type.DisplayName, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.MetricCatalog);

            context.RegisterSourceOutput(catalog, static (output, all) =>
            {
                if (all.Count > 0)
                {
                    GeneratorGuard.Produce(output, MetricsCatalogEmitter.HintName, "DistricMetricsCatalog", () => MetricsCatalogEmitter.Emit(all, GeneratedFile.GeneratedCodeAttribute));
                }
            });
        }

        /// <summary>The model of one declaration; null when there is none or reading failed (left to the compiler and the analyzers).</summary>
        private static MetricModel? Read(GeneratorAttributeSyntaxContext syntax, CancellationToken cancellationToken) =>
            GeneratorGuard.Read(() => syntax.TargetSymbol is INamedTypeSymbol type && syntax.Attributes.Length == 1
                ? MetricModelBuilder.Build(type, syntax.Attributes[0], withLocations: false, cancellationToken)
                : null);
    }
}
