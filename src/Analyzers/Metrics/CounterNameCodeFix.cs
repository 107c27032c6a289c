// DSC010: appends "_total" to a counter's name literal in its [Metric] attribute.
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Analyzers.Metrics
{
    /// <summary>Renames a counter <c>x</c> to <c>x_total</c> (DSC010).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CounterNameCodeFix))]
    [Shared]
    public sealed class CounterNameCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MetricDiagnostics.CounterWithoutTotal.Id);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
            {
                return;
            }

            LiteralExpressionSyntax? literal = node as LiteralExpressionSyntax ?? (node as AttributeArgumentSyntax)?.Expression as LiteralExpressionSyntax;
            if (literal is null || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return;
            }

            string renamed = literal.Token.ValueText + "_total";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Rename counter to '{renamed}'",
                    _ =>
                    {
                        LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renamed))
                            .WithTriviaFrom(literal);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
                    },
                    equivalenceKey: nameof(CounterNameCodeFix)),
                context.Diagnostics);
        }
    }
}
