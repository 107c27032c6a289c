// Where a generated member goes: the namespace and the chain of types around it, outermost first, as
// plain values (no symbols), so every feature's model caches by value and every emitter repeats the
// same partial declarations (see GeneratedFile).
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Generators
{
    /// <summary>One type of a <see cref="TypeHierarchy"/>.</summary>
    internal sealed record HierarchyType
    {
        public HierarchyType(string keyword, string name, string typeParameters, bool isPartial)
        {
            Keyword = keyword;
            Name = name;
            TypeParameters = typeParameters;
            IsPartial = isPartial;
        }

        /// <summary><c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</summary>
        public string Keyword { get; }

        /// <summary>The type's name as declared (not escaped).</summary>
        public string Name { get; }

        /// <summary>The type parameter list as a partial declaration repeats it (<c>&lt;in T&gt;</c>), empty when none.</summary>
        public string TypeParameters { get; }

        /// <summary>Every declaration of the type is <c>partial</c>.</summary>
        public bool IsPartial { get; }

        /// <summary>Identifier (escaped when a keyword) and type parameters, e.g. <c>Log&lt;T&gt;</c>.</summary>
        public string NameWithTypeParameters => Identifiers.Escape(Name) + TypeParameters;

        /// <summary>The hierarchy entry of <paramref name="type"/>.</summary>
        public static HierarchyType Of(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            new HierarchyType(KeywordOf(type), type.Name, TypeParameterList(type), IsPartialType(type, cancellationToken));

        private static string KeywordOf(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };

        private static string TypeParameterList(INamedTypeSymbol type) =>
            type.TypeParameters.Length == 0
                ? string.Empty
                : "<" + string.Join(", ", type.TypeParameters.Select(Variance)) + ">";

        private static string Variance(ITypeParameterSymbol parameter) => parameter.Variance switch
        {
            VarianceKind.In => "in " + Identifiers.Escape(parameter.Name),
            VarianceKind.Out => "out " + Identifiers.Escape(parameter.Name),
            _ => Identifiers.Escape(parameter.Name),
        };

        private static bool IsPartialType(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                    || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }

            return type.DeclaringSyntaxReferences.Length > 0;
        }
    }

    /// <summary>A namespace (empty for the global one) and the types inside it, outermost first.</summary>
    internal sealed record TypeHierarchy
    {
        public TypeHierarchy(string @namespace, EquatableArray<HierarchyType> types)
        {
            Namespace = @namespace;
            Types = types;
        }

        public string Namespace { get; }

        public EquatableArray<HierarchyType> Types { get; }

        /// <summary>The namespace of <paramref name="type"/> and its containing types (<paramref name="type"/> itself when <paramref name="includeSelf"/>).</summary>
        public static TypeHierarchy Of(INamedTypeSymbol type, bool includeSelf, CancellationToken cancellationToken)
        {
            var types = new List<HierarchyType>();
            for (INamedTypeSymbol? t = includeSelf ? type : type.ContainingType; t is not null; t = t.ContainingType)
            {
                types.Insert(0, HierarchyType.Of(t, cancellationToken));
            }

            string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
            return new TypeHierarchy(ns, new EquatableArray<HierarchyType>(types));
        }

        /// <summary>This hierarchy with <paramref name="inner"/> appended as the innermost type.</summary>
        public TypeHierarchy Append(HierarchyType inner) => new TypeHierarchy(Namespace, new EquatableArray<HierarchyType>(Types.Concat(new[] { inner })));

        /// <summary>Dotted name for people: <c>Ns.Outer.Inner</c> (no type parameters).</summary>
        public string DisplayName
        {
            get
            {
                string types = string.Join(".", Types.Select(t => t.Name));
                return Namespace.Length == 0 ? types : types.Length == 0 ? Namespace : Namespace + "." + types;
            }
        }
    }
}
