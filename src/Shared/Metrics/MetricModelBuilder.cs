// Reads a [Metric] class (its symbol and attributes) into the plain MetricModel. Used by both the
// generator (without locations, so its cached model ignores edits that only move code) and the
// analyzers (with locations, to point diagnostics at the offending argument).
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using DistriC.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Metrics
{
    internal static class MetricModelBuilder
    {
        /// <summary>True when <paramref name="attribute"/> is <c>[DistriC.Metric]</c>.</summary>
        public static bool IsMetricAttribute(AttributeData attribute) => KnownTypes.Is(attribute.AttributeClass, KnownTypes.MetricAttribute);

        /// <summary>
        /// The model of <paramref name="type"/>, or null when the attribute is too malformed to read
        /// (missing or mistyped arguments): the compiler already reports those.
        /// </summary>
        public static MetricModel? Build(INamedTypeSymbol type, AttributeData metric, bool withLocations, CancellationToken cancellationToken)
        {
            ImmutableArray<TypedConstant> args = metric.ConstructorArguments;
            // Any kind value is read, also one no MetricKind member has: the validator reports that (DSC013).
            if (args.Length != 2 || args[0].Kind != TypedConstantKind.Enum || args[0].Value is not int kindValue
                || args[1].Kind != TypedConstantKind.Primitive || (args[1].Value is not null && args[1].Value is not string))
            {
                return null;
            }

            var metricSyntax = metric.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            string? help = null;
            string? unit = null;
            string? serviceLevel = null;
            string? errorLabel = null;
            var errorValues = ImmutableArray<string>.Empty;
            bool exemplars = false;
            bool hasBuckets = false;
            var buckets = ImmutableArray<double>.Empty;
            foreach (KeyValuePair<string, TypedConstant> named in metric.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Help":
                        help = named.Value.Value as string;
                        break;
                    case "Unit":
                        unit = named.Value.Value as string;
                        break;
                    case "ServiceLevel":
                        serviceLevel = named.Value.Value as string;
                        break;
                    case "ErrorLabel":
                        errorLabel = named.Value.Value as string;
                        break;
                    case "ErrorValues" when named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull:
                        errorValues = named.Value.Values.Select(v => v.Value as string ?? string.Empty).ToImmutableArray();
                        break;
                    case "Exemplars":
                        exemplars = named.Value.Value is true;
                        break;
                    case "Buckets" when named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull:
                        hasBuckets = true;
                        buckets = named.Value.Values.Select(v => Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)).ToImmutableArray();
                        break;
                }
            }

            var labels = ImmutableArray.CreateBuilder<LabelModel>();
            bool labelsOnOtherPart = false;
            SyntaxNode? metricPart = metricSyntax?.Parent?.Parent;
            foreach ((AttributeData attribute, AttributeSyntax? syntax, bool inline, bool otherPart) in LabelAttributes(
                type, metricPart, KnownTypes.LabelAttribute, KnownTypes.TypedLabelAttribute, cancellationToken))
            {
                labelsOnOtherPart |= otherPart;
                LabelModel? label = inline
                    ? BuildInline(attribute, syntax, withLocations)
                    : BuildTyped(attribute, syntax, withLocations, cancellationToken);
                if (label is null)
                {
                    return null;
                }

                labels.Add(label);
            }

            var locations = withLocations
                ? new MetricModelLocations(
                    SourceLocation.From(metricSyntax),
                    SourceLocation.From(Argument(metricSyntax, 1)),
                    SourceLocation.From(Named(metricSyntax, "Help")),
                    SourceLocation.From(Named(metricSyntax, "Buckets")),
                    SourceLocation.From(Named(metricSyntax, "Unit")))
                : MetricModelLocations.None;

            return new MetricModel(
                BuildShape(type, metricPart, labelsOnOtherPart, withLocations, cancellationToken),
                (DeclaredMetricKind)kindValue,
                args[1].Value as string,
                help,
                unit,
                hasBuckets,
                new EquatableArray<double>(buckets),
                new EquatableArray<LabelModel>(labels.ToImmutable()),
                locations,
                serviceLevel is null && errorLabel is null && errorValues.IsEmpty ? null : new ServiceLevelModel(
                    serviceLevel,
                    errorLabel,
                    new EquatableArray<string>(errorValues),
                    withLocations ? SourceLocation.From(Named(metricSyntax, "ServiceLevel") ?? Named(metricSyntax, "ErrorLabel") ?? Named(metricSyntax, "ErrorValues")) : default),
                exemplars);
        }

        /// <summary>
        /// The label-like attributes of <paramref name="type"/> (inline <paramref name="inlineName"/> or enum-typed
        /// <paramref name="typedName"/>) in declaration order, each with its syntax and whether it sits on another partial
        /// part than <paramref name="declarationPart"/>.
        /// </summary>
        internal static IEnumerable<(AttributeData Attribute, AttributeSyntax? Syntax, bool Inline, bool OtherPart)> LabelAttributes(
            INamedTypeSymbol type, SyntaxNode? declarationPart, string inlineName, string typedName, CancellationToken cancellationToken)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool inline = KnownTypes.Is(attribute.AttributeClass, inlineName);
                if (!inline && !KnownTypes.Is(attribute.AttributeClass?.OriginalDefinition, typedName))
                {
                    continue;
                }

                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                bool otherPart = declarationPart is not null && syntax?.Parent?.Parent is { } part && part != declarationPart;
                yield return (attribute, syntax, inline, otherPart);
            }
        }

        internal static TypeShapeModel BuildShape(INamedTypeSymbol type, SyntaxNode? metricPart, bool labelsOnOtherPart, bool withLocations, CancellationToken cancellationToken)
        {
            bool isGeneric = type.TypeParameters.Length > 0;
            bool isPublic = type.DeclaredAccessibility == Accessibility.Public;
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                isGeneric |= outer.TypeParameters.Length > 0;
                isPublic &= outer.DeclaredAccessibility == Accessibility.Public;
            }

            HierarchyType self = HierarchyType.Of(type, cancellationToken);
            SyntaxToken identifier = metricPart is TypeDeclarationSyntax declaration ? declaration.Identifier : default;
            return new TypeShapeModel(
                TypeHierarchy.Of(type, includeSelf: false, cancellationToken),
                type.Name,
                self.Keyword,
                self.IsPartial,
                isGeneric,
                type.IsStatic,
                labelsOnOtherPart,
                isPublic,
                withLocations && identifier != default ? SourceLocation.From(identifier.GetLocation()) : default);
        }

        internal static LabelModel? BuildInline(AttributeData attribute, AttributeSyntax? syntax, bool withLocations)
        {
            ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
            if (args.Length != 2 || args[1].Kind != TypedConstantKind.Array || !IsStringOrNull(args[0]))
            {
                return null;
            }

            ImmutableArray<TypedConstant> given = args[1].IsNull ? ImmutableArray<TypedConstant>.Empty : args[1].Values;
            // Value locations are known when the values were written one by one (params), not as an array.
            bool perValue = withLocations && syntax?.ArgumentList is { } list && list.Arguments.Count == given.Length + 1
                && list.Arguments.Skip(1).All(a => a.NameEquals is null && a.NameColon is null);
            var values = ImmutableArray.CreateBuilder<LabelValueModel>(given.Length);
            for (int i = 0; i < given.Length; i++)
            {
                string? value = given[i].Value as string;
                values.Add(new LabelValueModel(
                    value,
                    Identifiers.PascalCase(value ?? string.Empty),
                    null,
                    perValue ? SourceLocation.From(syntax!.ArgumentList!.Arguments[i + 1]) : default));
            }

            return new LabelModel(
                args[0].Value as string,
                isEnumTyped: false,
                typeName: null,
                typeDisplay: null,
                typeIsEnum: false,
                isFlags: false,
                is64Bit: false,
                isContiguous: true,
                typeIsEffectivelyPublic: true,
                new EquatableArray<LabelValueModel>(values.MoveToImmutable()),
                withLocations ? SourceLocation.From(syntax) : default,
                withLocations ? SourceLocation.From(Argument(syntax, 0)) : default);
        }

        internal static LabelModel? BuildTyped(AttributeData attribute, AttributeSyntax? syntax, bool withLocations, CancellationToken cancellationToken)
        {
            ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
            if (args.Length != 1 || !IsStringOrNull(args[0]) || attribute.AttributeClass is not { TypeArguments.Length: 1 } constructed
                || constructed.TypeArguments[0] is not INamedTypeSymbol enumType || enumType.TypeKind == TypeKind.Error)
            {
                return null;
            }

            bool isEnum = enumType.TypeKind == TypeKind.Enum;
            bool isFlags = isEnum && enumType.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, KnownTypes.FlagsAttribute));
            var members = new List<(decimal Constant, LabelValueModel Value)>();
            if (isEnum)
            {
                foreach (ISymbol member in enumType.GetMembers())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (member is IFieldSymbol { HasConstantValue: true } field)
                    {
                        decimal constant = Convert.ToDecimal(field.ConstantValue, CultureInfo.InvariantCulture);
                        members.Add((constant, new LabelValueModel(
                            ExposedValue(field),
                            field.Name,
                            constant.ToString(CultureInfo.InvariantCulture),
                            default)));
                    }
                }
            }

            // Ordinals follow the constants, so an enum declared 0..n-1 in any order maps ordinal = value.
            var ordered = members.Select((m, i) => (m.Constant, m.Value, Index: i)).OrderBy(m => m.Constant).ThenBy(m => m.Index).ToList();
            bool contiguous = true;
            for (int i = 0; i < ordered.Count; i++)
            {
                contiguous &= ordered[i].Constant == i;
            }

            SpecialType underlying = enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.None;
            return new LabelModel(
                args[0].Value as string,
                isEnumTyped: true,
                enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                enumType.ToDisplayString(),
                isEnum,
                isFlags,
                underlying == SpecialType.System_Int64 || underlying == SpecialType.System_UInt64,
                contiguous,
                IsEffectivelyPublic(enumType),
                new EquatableArray<LabelValueModel>(ordered.Select(m => m.Value)),
                withLocations ? SourceLocation.From(syntax) : default,
                withLocations ? SourceLocation.From(Argument(syntax, 0)) : default);
        }

        /// <summary>The member's [LabelValue] text, or its name.</summary>
        private static string? ExposedValue(IFieldSymbol field)
        {
            foreach (AttributeData attribute in field.GetAttributes())
            {
                if (KnownTypes.Is(attribute.AttributeClass, KnownTypes.LabelValueAttribute) && attribute.ConstructorArguments.Length == 1)
                {
                    return attribute.ConstructorArguments[0].Value as string;
                }
            }

            return field.Name;
        }

        internal static bool IsStringOrNull(TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Primitive && (constant.Value is null || constant.Value is string);

        private static bool IsEffectivelyPublic(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        internal static AttributeArgumentSyntax? Argument(AttributeSyntax? syntax, int position)
        {
            if (syntax?.ArgumentList is not { } list)
            {
                return null;
            }

            int seen = 0;
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals is not null)
                {
                    continue;
                }

                if (seen++ == position)
                {
                    return argument;
                }
            }

            return null;
        }

        internal static AttributeArgumentSyntax? Named(AttributeSyntax? syntax, string name) =>
            syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
    }
}
