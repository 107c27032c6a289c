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
    /// <summary>Generates the typed members of every <c>[Metric]</c> partial class and <c>[MeterInstrument]</c> binding, and the assembly's metric catalog.</summary>
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

            // [MeterInstrument] bindings: the same three outputs (members, stand-ins, catalog entries); a binding is in
            // the catalog as the metric it exposes.
            IncrementalValuesProvider<MeterBindingModel?> bindings = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.MeterInstrumentAttribute,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    static (syntax, cancellationToken) => ReadBinding(syntax, cancellationToken))
                .WithTrackingName(TrackingNames.MeterBindingModel);

            IncrementalValuesProvider<MeterBindingModel> validBindings = bindings
                .Where(static model => model is not null && MeterBindingValidator.CanGenerate(model))
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.MeterBindingValid);

            context.RegisterSourceOutput(validBindings, static (output, model) => GeneratorGuard.Produce(
                output,
                MeterBindingEmitter.HintName(model),
                model.Type.DisplayName,
                () => MeterBindingEmitter.Emit(model, GeneratedFile.GeneratedCodeAttribute)));

            IncrementalValuesProvider<MeterBindingModel> rejectedBindings = bindings
                .Where(static model => model is not null && !MeterBindingValidator.CanGenerate(model) && MeterBindingStandInEmitter.CanHost(model))
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.MeterBindingRejected);

            context.RegisterSourceOutput(rejectedBindings, static (output, model) => GeneratorGuard.Produce(
                output,
                MeterBindingEmitter.HintName(model),
                model.Type.DisplayName,
                () => MeterBindingStandInEmitter.Emit(model, GeneratedFile.GeneratedCodeAttribute)));

            IncrementalValueProvider<EquatableArray<MetricModel>> catalog = valid
                .Collect()
                .Combine(validBindings.Select(static (binding, _) => binding.Metric).Collect())
                .Select(static (both, _) => new EquatableArray<MetricModel>(
                    both.Left.Concat(both.Right).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Type.DisplayName, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.MetricCatalog);

            context.RegisterSourceOutput(catalog, static (output, all) =>
            {
                if (all.Count > 0)
                {
                    GeneratorGuard.Produce(output, MetricsCatalogEmitter.HintName, "DistricMetricsCatalog", () => MetricsCatalogEmitter.Emit(all, GeneratedFile.GeneratedCodeAttribute));
                }
            });
        }

        /// <summary>The model of one binding; null when there is none or reading failed.</summary>
        private static MeterBindingModel? ReadBinding(GeneratorAttributeSyntaxContext syntax, CancellationToken cancellationToken) =>
            GeneratorGuard.Read(() => syntax.TargetSymbol is INamedTypeSymbol type && syntax.Attributes.Length == 1
                ? MeterBindingModelBuilder.Build(type, syntax.Attributes[0], withLocations: false, cancellationToken)
                : null);

        /// <summary>The model of one declaration; null when there is none or reading failed (left to the compiler and the analyzers).</summary>
        private static MetricModel? Read(GeneratorAttributeSyntaxContext syntax, CancellationToken cancellationToken) =>
            GeneratorGuard.Read(() => syntax.TargetSymbol is INamedTypeSymbol type && syntax.Attributes.Length == 1
                ? MetricModelBuilder.Build(type, syntax.Attributes[0], withLocations: false, cancellationToken)
                : null);
    }
}
