using System.Collections.Immutable;
using System.Linq;
using DistriC.Generators;
using DistriC.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Generator.Logging
{
    /// <summary>
    /// Implements every <c>[LogEvent]</c> partial method: one file per containing type, each method a straight
    /// sequence of <c>LogEntryWriter</c> calls whose constant JSON is a UTF-8 literal. Invalid declarations are
    /// skipped without a diagnostic; the DSC1xx analyzers report them.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class LogEventGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<LogEventModel> methods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    LoggingKnownTypes.LogEventAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => ctx.TargetSymbol is IMethodSymbol method && ctx.Attributes.Length == 1
                        ? LogEventParser.Parse(method, ctx.Attributes[0], null, ct)
                        : null)
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(LoggingTrackingNames.Methods);

            IncrementalValuesProvider<EquatableArray<LogEventModel>> types = methods
                .Collect()
                .SelectMany(static (all, _) => LogEventEmitter.GroupByType(all))
                .WithTrackingName(LoggingTrackingNames.Types);

            context.RegisterSourceOutput(types, static (spc, group) =>
                spc.AddSource(LogEventEmitter.HintName(group[0]), LogEventEmitter.Emit(group)));
        }
    }
}
