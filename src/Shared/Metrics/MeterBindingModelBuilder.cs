// Reads a [MeterInstrument] class into the plain MeterBindingModel, and translates it into the MetricModel it
// exposes, so the [Metric] rules (names, labels, values, cardinality, budgets) judge a binding as they judge a
// metric. Reading the tags reuses MetricModelBuilder's label readers: [MeterTag] has [Label]'s shape.
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
    internal static class MeterBindingModelBuilder
    {
        /// <summary>True when <paramref name="attribute"/> is <c>[DistriC.MeterInstrument]</c>.</summary>
        public static bool IsBindingAttribute(AttributeData attribute) => KnownTypes.Is(attribute.AttributeClass, KnownTypes.MeterInstrumentAttribute);

        /// <summary>The model of <paramref name="type"/>, or null when an attribute is too malformed to read (the compiler reports it).</summary>
        public static MeterBindingModel? Build(INamedTypeSymbol type, AttributeData binding, bool withLocations, CancellationToken cancellationToken)
        {
            ImmutableArray<TypedConstant> args = binding.ConstructorArguments;
            if (args.Length != 3 || !MetricModelBuilder.IsStringOrNull(args[0]) || !MetricModelBuilder.IsStringOrNull(args[1])
                || args[2].Kind != TypedConstantKind.Enum || args[2].Value is not int kindValue)
            {
                return null;
            }

            var syntax = binding.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            string? unit = null;
            bool hasBuckets = false;
            var buckets = ImmutableArray<double>.Empty;
            foreach (KeyValuePair<string, TypedConstant> named in binding.NamedArguments)
            {
                if (named.Key == "Unit")
                {
                    unit = named.Value.Value as string;
                }
                else if (named.Key == "Buckets" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
                {
                    hasBuckets = true;
                    buckets = named.Value.Values.Select(v => Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)).ToImmutableArray();
                }
            }

            SyntaxNode? part = syntax?.Parent?.Parent;
            var tags = ImmutableArray.CreateBuilder<MeterTagModel>();
            bool tagsOnOtherPart = false;
            foreach ((AttributeData attribute, AttributeSyntax? tagSyntax, bool inline, bool otherPart) in MetricModelBuilder.LabelAttributes(
                type, part, KnownTypes.MeterTagAttribute, KnownTypes.TypedMeterTagAttribute, cancellationToken))
            {
                tagsOnOtherPart |= otherPart;
                LabelModel? label = inline
                    ? MetricModelBuilder.BuildInline(attribute, tagSyntax, withLocations)
                    : MetricModelBuilder.BuildTyped(attribute, tagSyntax, withLocations, cancellationToken);
                if (label is null)
                {
                    return null;
                }

                string? catchAll = attribute.NamedArguments.FirstOrDefault(n => n.Key == "CatchAll").Value.Value as string;
                tags.Add(new MeterTagModel(
                    label.Name,
                    catchAll,
                    Rename(label, PrometheusNaming.LabelName(label.Name ?? string.Empty), label.Values, inline),
                    withLocations ? SourceLocation.From(MetricModelBuilder.Named(tagSyntax, "CatchAll")) : default));
            }

            var kind = (DeclaredMetricKind)kindValue;
            string? instrument = args[1].Value as string;
            var tagArray = new EquatableArray<MeterTagModel>(tags.ToImmutable());
            var metric = new MetricModel(
                MetricModelBuilder.BuildShape(type, part, tagsOnOtherPart, withLocations, cancellationToken),
                kind,
                ExposedName(instrument, unit, kind, out string? exposedUnit),
                help: null,
                exposedUnit,
                hasBuckets,
                new EquatableArray<double>(buckets),
                ExposedLabels(tagArray),
                withLocations
                    ? new MetricModelLocations(SourceLocation.From(syntax), SourceLocation.From(MetricModelBuilder.Argument(syntax, 1)), default, SourceLocation.From(MetricModelBuilder.Named(syntax, "Buckets")), SourceLocation.From(MetricModelBuilder.Named(syntax, "Unit")))
                    : MetricModelLocations.None);
            bool alsoMetric = type.GetAttributes().Any(MetricModelBuilder.IsMetricAttribute);
            return new MeterBindingModel(
                args[0].Value as string,
                instrument,
                unit,
                alsoMetric,
                tagArray,
                metric,
                withLocations ? SourceLocation.From(MetricModelBuilder.Argument(syntax, 0)) : default,
                withLocations ? SourceLocation.From(MetricModelBuilder.Argument(syntax, 1)) : default);
        }

        /// <summary>True when <paramref name="catchAll"/> is a usable catch-all of <paramref name="tag"/> (DSC018 otherwise).</summary>
        public static bool IsUsableCatchAll(MeterTagModel tag, string catchAll) =>
            catchAll.Length > 0 && !tag.Label.Values.Any(v => v.Value == catchAll);

        /// <summary>The exposed name (the bridge's translation of the instrument name under its base unit), and the exposed unit.</summary>
        private static string? ExposedName(string? instrument, string? unit, DeclaredMetricKind kind, out string? exposedUnit)
        {
            exposedUnit = null;
            if (string.IsNullOrEmpty(instrument) || MetricKinds.Find((int)kind) is not { } info || info == MetricKinds.Info)
            {
                return instrument;
            }

            string? baseUnit = PrometheusNaming.ToBaseUnit(unit).Unit;
            string name = PrometheusNaming.MetricName(instrument!, baseUnit, info);
            exposedUnit = PrometheusNaming.ExposedUnit(name, baseUnit, info);
            return name;
        }

        /// <summary>The kept tags as labels: a repeated key is left out (DSC017), a usable catch-all is the last value.</summary>
        private static EquatableArray<LabelModel> ExposedLabels(EquatableArray<MeterTagModel> tags)
        {
            var keys = new HashSet<string?>(StringComparer.Ordinal);
            var labels = new List<LabelModel>();
            foreach (MeterTagModel tag in tags)
            {
                if (!keys.Add(tag.Key))
                {
                    continue;
                }

                LabelModel label = tag.Label;
                IEnumerable<LabelValueModel> values = label.Values;
                if (tag.CatchAll is { } catchAll && IsUsableCatchAll(tag, catchAll))
                {
                    values = values.Concat(new[] { new LabelValueModel(catchAll, "CatchAll", null, tag.CatchAllLocation) });
                }

                labels.Add(Rename(label, label.Name, values, inline: false));
            }

            return new EquatableArray<LabelModel>(labels);
        }

        /// <summary>
        /// <paramref name="label"/> under another name and values. Inline values get positional identifiers: a binding
        /// generates no enum, so two values with one PascalCase (<c>a-b</c>, <c>a_b</c>) must not collide.
        /// </summary>
        private static LabelModel Rename(LabelModel label, string? name, IEnumerable<LabelValueModel> values, bool inline) =>
            new LabelModel(
                name,
                label.IsEnumTyped,
                label.TypeName,
                label.TypeDisplay,
                label.TypeIsEnum,
                label.IsFlags,
                label.Is64Bit,
                label.IsContiguous,
                label.TypeIsEffectivelyPublic,
                new EquatableArray<LabelValueModel>(inline ? values.Select((v, i) => new LabelValueModel(v.Value, "V" + i.ToString(CultureInfo.InvariantCulture), v.ConstantKey, v.Location)) : values),
                label.AttributeLocation,
                label.NameLocation);
    }
}
