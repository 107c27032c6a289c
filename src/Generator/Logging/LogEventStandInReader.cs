// Reads the signature of a rejected [LogEvent] method into a LogEventStandInModel, with every type
// fully qualified (the generated file has none of the user's using directives). Returns null where an
// implementation would itself be a compiler error: the method is not a partial definition, already has
// an implementation, or sits in a type that is not partial (DSC101 then names the problem).
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DistriC.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Generator.Logging
{
    internal static class LogEventStandInReader
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>The stand-in of <paramref name="method"/>, or null when it cannot receive one.</summary>
        public static LogEventStandInModel? Read(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax
                || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Modifiers.Any(SyntaxKind.ExternKeyword)
                || syntax.Body is not null || syntax.ExpressionBody is not null
                || method.PartialImplementationPart is not null || method.PartialDefinitionPart is not null
                || syntax.Parent is not TypeDeclarationSyntax)
            {
                return null;
            }

            for (SyntaxNode? node = syntax.Parent; node is TypeDeclarationSyntax type; node = node.Parent)
            {
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return null;
                }
            }

            // async is not part of the signature and would warn (CS1998) on a body without await.
            string modifiers = string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword)).Select(m => m.Text));
            string returnType = method.ReturnsVoid ? "void" : RefPrefix(method) + method.ReturnType.ToDisplayString(TypeFormat);
            string typeParameters = method.TypeParameters.Length == 0
                ? string.Empty
                : "<" + string.Join(", ", method.TypeParameters.Select(t => Identifiers.Escape(t.Name))) + ">";
            string parameters = string.Join(", ", method.Parameters.Select(p => Parameter(method, p)));

            var body = new List<string>();
            foreach (IParameterSymbol parameter in method.Parameters.Where(p => p.RefKind == RefKind.Out))
            {
                body.Add(Identifiers.Escape(parameter.Name) + " = default!;");
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                body.Add("throw new global::System.NotSupportedException();");
            }
            else if (!method.ReturnsVoid)
            {
                body.Add("return default!;");
            }

            return new LogEventStandInModel(
                TypeHierarchy.Of(method.ContainingType, includeSelf: true, cancellationToken),
                method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                modifiers + " " + returnType + " " + Identifiers.Escape(method.Name) + typeParameters + "(" + parameters + ")",
                new EquatableArray<string>(method.TypeParameters.Select(Constraint).Where(c => c.Length > 0)),
                new EquatableArray<string>(body));
        }

        private static string RefPrefix(IMethodSymbol method) =>
            method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty;

        private static string Parameter(IMethodSymbol method, IParameterSymbol parameter)
        {
            string prefix = method.IsExtensionMethod && parameter.Ordinal == 0 ? "this " : string.Empty;
            if (parameter.IsParams)
            {
                prefix += "params ";
            }

            if (parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out) // out is scoped implicitly
            {
                prefix += "scoped ";
            }

            prefix += parameter.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                RefKind.RefReadOnlyParameter => "ref readonly ",
                _ => string.Empty,
            };

            return prefix + parameter.Type.ToDisplayString(TypeFormat) + " " + Identifiers.Escape(parameter.Name);
        }

        /// <summary><c>where T : ...</c> for a constrained type parameter, empty otherwise; in the order C# requires.</summary>
        private static string Constraint(ITypeParameterSymbol type)
        {
            var parts = new List<string>();
            if (type.HasReferenceTypeConstraint)
            {
                parts.Add(type.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (type.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (type.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }
            else if (type.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            for (int i = 0; i < type.ConstraintTypes.Length; i++)
            {
                parts.Add(type.ConstraintTypes[i].WithNullableAnnotation(type.ConstraintNullableAnnotations[i]).ToDisplayString(TypeFormat));
            }

            if (type.HasConstructorConstraint)
            {
                parts.Add("new()");
            }

            return parts.Count == 0 ? string.Empty : "where " + Identifiers.Escape(type.Name) + " : " + string.Join(", ", parts);
        }
    }
}
