using System.Linq;
using System.Threading;
using DistriC.Generators;
using DistriC.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Generator.Logging
{
    /// <summary>
    /// Implements every <c>[LogEvent]</c> partial method: one file per containing type, each method a straight
    /// sequence of <c>LogEntryWriter</c> calls whose constant JSON is a UTF-8 literal. A rejected declaration gets
    /// a stand-in implementation that logs nothing, and no diagnostic from here; the DSC1xx analyzers report it.
    /// </summary>
    // Why stand-ins and not diagnostics from the generator (as the LoggerMessage generator does): the analyzers
    // stay the single reporter of the DSC rules (IDE squiggles, code fixes, one rule path, no duplicate reports).
    // But csc reports analyzer diagnostics only when the compilation has no compiler errors, and a partial
    // method with an access modifier and no implementation is one (CS8795, naming no rule). So every rejected
    // method that can legally receive a body gets one with its exact signature: the compilation then has no
    // error caused by the rejection, and `dotnet build` shows and fails on the analyzer's DSC1xx error.
    [Generator(LanguageNames.CSharp)]
    public sealed class LogEventGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<LogEventDeclaration> declarations = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.LogEventAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => ctx.TargetSymbol is IMethodSymbol method && ctx.Attributes.Length == 1
                        ? Read(method, ctx.Attributes[0], ct)
                        : null)
                .Where(static declaration => declaration is not null)
                .Select(static (declaration, _) => declaration!)
                .WithTrackingName(TrackingNames.LogEventDeclarations);

            IncrementalValuesProvider<LogEventModel> methods = declarations
                .Where(static declaration => declaration.Valid is not null)
                .Select(static (declaration, _) => declaration.Valid!)
                .WithTrackingName(TrackingNames.LogEventMethods);

            IncrementalValuesProvider<EquatableArray<LogEventModel>> types = methods
                .Collect()
                .SelectMany(static (all, _) => LogEventEmitter.GroupByType(all))
                .WithTrackingName(TrackingNames.LogEventTypes);

            context.RegisterSourceOutput(types, static (spc, group) => GeneratorGuard.Produce(
                spc, LogEventEmitter.HintName(group[0]), group[0].TypeKey, () => LogEventEmitter.Emit(group)));

            IncrementalValuesProvider<EquatableArray<LogEventStandInModel>> standIns = declarations
                .Where(static declaration => declaration.StandIn is not null)
                .Select(static (declaration, _) => declaration.StandIn!)
                .Collect()
                .SelectMany(static (all, _) => LogEventStandInEmitter.GroupByType(all))
                .WithTrackingName(TrackingNames.LogEventStandIns);

            context.RegisterSourceOutput(standIns, static (spc, group) => GeneratorGuard.Produce(
                spc, LogEventStandInEmitter.HintName(group[0]), group[0].TypeKey, () => LogEventStandInEmitter.Emit(group)));
        }

        /// <summary>The model or stand-in of one method; null when there is neither, or reading it failed (left to the compiler and the analyzer).</summary>
        private static LogEventDeclaration? Read(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken) =>
            GeneratorGuard.Read(() =>
            {
                LogEventModel? valid = LogEventParser.Parse(method, attribute, null, cancellationToken);
                LogEventStandInModel? standIn = valid is null ? LogEventStandInReader.Read(method, cancellationToken) : null;
                return valid is null && standIn is null ? null : new LogEventDeclaration(valid, standIn);
            });
    }
}
