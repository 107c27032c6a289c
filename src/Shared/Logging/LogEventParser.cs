// Symbols -> LogEventModel, plus every broken rule. Pure and shared: the generator calls it with no
// problem list and emits only when nothing is wrong; the analyzer calls it with a list and reports.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DistriC.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Logging
{
    internal static class LogEventParser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Parses one [LogEvent] method; null when it breaks a rule (each one added to <paramref name="problems"/>).</summary>
        public static LogEventModel? Parse(IMethodSymbol method, AttributeData attribute, List<DeclarationProblem>? problems, CancellationToken cancellationToken)
        {
            var found = new LogEventProblems(problems);
            var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
            if (syntax is null || attribute.ConstructorArguments.Length != 3)
            {
                return null; // not ours to judge: the compiler reports malformed attributes
            }

            CheckDeclaration(method, syntax, found);
            string? header = ParseHeader(method, attribute, found, cancellationToken, out string levelMember);
            string? logger = FindLogger(method, found);
            EquatableArray<LogParameterModel> parameters = ParseParameters(method, found);
            if (found.Any || header is null || logger is null)
            {
                return null;
            }

            return new LogEventModel(
                TypeHierarchy.Of(method.ContainingType, includeSelf: true, cancellationToken),
                method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
                syntax.Identifier.Text,
                KnownTypes.Is(method.ReturnType, KnownTypes.DistricStatus),
                logger,
                levelMember,
                header,
                parameters);
        }

        private static void CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, LogEventProblems found)
        {
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Body is not null || syntax.ExpressionBody is not null)
            {
                found.Add(LoggingDiagnosticDescriptors.NotPartial, syntax.Identifier.GetLocation(), method.Name);
            }

            for (SyntaxNode? node = syntax.Parent; node is TypeDeclarationSyntax type; node = node.Parent)
            {
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    found.Add(LoggingDiagnosticDescriptors.NotPartial, type.Identifier.GetLocation(), type.Identifier.Text);
                }
            }

            bool returnsOk = method.ReturnsVoid || KnownTypes.Is(method.ReturnType, KnownTypes.DistricStatus);
            if (!returnsOk || method.IsGenericMethod)
            {
                found.Add(LoggingDiagnosticDescriptors.InvalidSignature, syntax.Identifier.GetLocation(), method.Name);
            }
        }

        private static string? ParseHeader(IMethodSymbol method, AttributeData attribute, LogEventProblems found, CancellationToken cancellationToken, out string levelMember)
        {
            levelMember = string.Empty;
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            Location ArgumentLocation(int index) =>
                attributeSyntax?.ArgumentList is { } list && list.Arguments.Count > index
                    ? list.Arguments[index].GetLocation()
                    : method.Locations.FirstOrDefault() ?? Location.None;

            TypedConstant levelArgument = attribute.ConstructorArguments[0];
            string? levelName = levelArgument.Value is int level ? LogFormat.LevelName(level) : null;
            if (levelName is null)
            {
                found.Add(LoggingDiagnosticDescriptors.UndefinedLevel, ArgumentLocation(0), levelArgument.Value?.ToString() ?? "null");
            }
            else
            {
                levelMember = levelArgument.Type?.GetMembers().OfType<IFieldSymbol>()
                    .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, levelArgument.Value))?.Name ?? string.Empty;
            }

            string? component = attribute.ConstructorArguments[1].Value as string;
            string? message = attribute.ConstructorArguments[2].Value as string;
            if (string.IsNullOrEmpty(component))
            {
                found.Add(LoggingDiagnosticDescriptors.EmptyText, ArgumentLocation(1), "component", method.Name);
            }

            if (string.IsNullOrEmpty(message))
            {
                found.Add(LoggingDiagnosticDescriptors.EmptyText, ArgumentLocation(2), "message", method.Name);
            }

            return levelName is null || levelMember.Length == 0 || string.IsNullOrEmpty(component) || string.IsNullOrEmpty(message)
                ? null
                : LogFormat.HeaderSuffix(levelName, component!, message!);
        }

        private static string? FindLogger(IMethodSymbol method, LogEventProblems found)
        {
            IParameterSymbol? parameter = method.Parameters.FirstOrDefault(IsLogger);
            if (parameter is not null)
            {
                return Identifiers.Escape(parameter.Name);
            }

            var members = method.ContainingType.GetMembers()
                .Where(m => !m.IsImplicitlyDeclared && (!method.IsStatic || m.IsStatic))
                .Where(m => KnownTypes.Is((m as IFieldSymbol)?.Type, KnownTypes.JsonLogger)
                            || (m as IPropertySymbol) is { IsIndexer: false, GetMethod: not null } p && KnownTypes.Is(p.Type, KnownTypes.JsonLogger))
                .ToList();
            if (members.Count != 1)
            {
                found.Add(LoggingDiagnosticDescriptors.NoLogger, method.Locations.FirstOrDefault(), method.Name, method.ContainingType.Name);
                return null;
            }

            string name = Identifiers.Escape(members[0].Name);
            return members[0].IsStatic
                ? method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + name
                : "this." + name;
        }

        private static bool IsLogger(IParameterSymbol parameter) =>
            parameter.RefKind == RefKind.None && KnownTypes.Is(parameter.Type, KnownTypes.JsonLogger);

        private static EquatableArray<LogParameterModel> ParseParameters(IMethodSymbol method, LogEventProblems found)
        {
            IParameterSymbol? logger = method.Parameters.FirstOrDefault(IsLogger);
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            var result = new List<LogParameterModel>(method.Parameters.Length);
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                bool isLogger = SymbolEqualityComparer.Default.Equals(parameter, logger);
                LogParameterModel? model = isLogger
                    ? new LogParameterModel(Identifiers.Escape(parameter.Name), parameter.Type.ToDisplayString(TypeFormat), method.IsExtensionMethod && parameter.Ordinal == 0, LogValueKind.Logger, false, string.Empty, string.Empty, string.Empty, EquatableArray<EnumMemberModel>.Empty)
                    : ParseField(parameter, names, found);
                if (model is not null)
                {
                    result.Add(model);
                }
            }

            return new EquatableArray<LogParameterModel>(result);
        }

        private static LogParameterModel? ParseField(IParameterSymbol parameter, HashSet<string> names, LogEventProblems found)
        {
            Location? location = parameter.Locations.FirstOrDefault();
            bool isNullable = false;
            ITypeSymbol valueType = parameter.Type;
            LogValueKind? kind = parameter.RefKind == RefKind.None ? LogValueTypes.Classify(parameter.Type, out isNullable, out valueType) : null;
            if (kind is null)
            {
                found.Add(LoggingDiagnosticDescriptors.UnsupportedParameterType, location, parameter.Name, parameter.Type.ToDisplayString());
                return null;
            }

            string fieldName = FieldName(parameter);
            if (fieldName.Length == 0)
            {
                found.Add(LoggingDiagnosticDescriptors.EmptyText, location, "field name", parameter.ContainingSymbol.Name);
            }
            else if (LogFormat.IsReservedFieldName(fieldName))
            {
                found.Add(LoggingDiagnosticDescriptors.ReservedFieldName, location, fieldName);
            }
            else if (LogFormat.IsTraceFieldName(fieldName))
            {
                found.Add(LoggingDiagnosticDescriptors.TraceFieldName, location, fieldName);
            }
            else if (!names.Add(fieldName))
            {
                found.Add(LoggingDiagnosticDescriptors.DuplicateFieldName, location, fieldName, parameter.ContainingSymbol.Name);
            }

            bool isEnum = kind == LogValueKind.Enum;
            return new LogParameterModel(
                Identifiers.Escape(parameter.Name),
                parameter.Type.ToDisplayString(TypeFormat),
                parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true },
                kind.Value,
                isNullable,
                LogFormat.FieldPrefix(fieldName),
                isEnum ? valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : string.Empty,
                isEnum ? ((INamedTypeSymbol)valueType).EnumUnderlyingType!.ToDisplayString() : string.Empty,
                isEnum ? EnumMembers(valueType) : EquatableArray<EnumMemberModel>.Empty);
        }

        private static string FieldName(IParameterSymbol parameter)
        {
            AttributeData? rename = parameter.GetAttributes()
                .FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.LogFieldAttribute));
            if (rename is { ConstructorArguments.Length: 1 })
            {
                return rename.ConstructorArguments[0].Value as string ?? string.Empty;
            }

            return parameter.Name;
        }

        private static EquatableArray<EnumMemberModel> EnumMembers(ITypeSymbol enumType)
        {
            var seen = new HashSet<object>();
            var members = new List<EnumMemberModel>();
            foreach (IFieldSymbol field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                // Aliases share a value; the first declared name wins (a switch cannot have two equal labels).
                if (field.HasConstantValue && field.ConstantValue is not null && seen.Add(field.ConstantValue))
                {
                    members.Add(new EnumMemberModel(Identifiers.Escape(field.Name), LogFormat.Quote(field.Name)));
                }
            }

            return new EquatableArray<EnumMemberModel>(members);
        }
    }
}
