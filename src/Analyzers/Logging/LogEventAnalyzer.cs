using System.Collections.Generic;
using System.Collections.Immutable;
using DistriC.Generators;
using DistriC.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DistriC.Analyzers.Logging
{
    /// <summary>
    /// Reports broken <c>[LogEvent]</c> declarations (DSC101-DSC109). The rules live in the shared
    /// <c>LogEventParser</c>, the same code the generator uses to decide what to emit.
    /// </summary>
    // RS1038: this assembly references Workspaces for its code fixes; the analyzer itself uses no Workspaces
    // type, so it behaves the same in command-line builds where Workspaces is absent.
#pragma warning disable RS1038
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
#pragma warning restore RS1038
    public sealed class LogEventAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticCatalog.Logging;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(KnownTypes.LogEventAttribute);
                if (attribute is not null)
                {
                    // Per declaration syntax: exactly the user's declaration, whatever the generator adds to the
                    // method's other part (every [LogEvent] method gets an implementation, a rejected one a stand-in).
                    start.RegisterSyntaxNodeAction(node => Analyze(node, attribute), SyntaxKind.MethodDeclaration);
                }
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
        {
            if (((MethodDeclarationSyntax)context.Node).AttributeLists.Count == 0
                || context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is not IMethodSymbol method)
            {
                return;
            }

            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    continue;
                }

                var problems = new List<DeclarationProblem>();
                LogEventParser.Parse(method, attribute, problems, context.CancellationToken);
                foreach (DeclarationProblem problem in problems)
                {
                    context.ReportDiagnostic(problem.ToDiagnostic(context.Compilation));
                }
            }
        }
    }
}
