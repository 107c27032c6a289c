// Every rule a [MeterInstrument] binding must satisfy. The binding-only rules (DSC016-DSC018) are checked here; the
// exposed metric (its translated name and label names, the values, buckets, the class's shape) is checked by the
// [Metric] rules of MetricValidator, so a binding and a metric are judged alike.
using System;
using System.Collections.Generic;
using System.Linq;
using DistriC.Generators;

namespace DistriC.Metrics
{
    internal static class MeterBindingValidator
    {
        /// <summary>Problems of the declaration (everything except the configurable cardinality cap and the cross-declaration rules).</summary>
        public static List<DeclarationProblem> Validate(MeterBindingModel model)
        {
            var problems = new List<DeclarationProblem>();
            string type = model.Type.Name;
            SourceLocation at = model.Metric.Locations.Attribute;
            void Report(SourceLocation where, string why) => problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidBinding, where.Or(at), type, why));

            if (string.IsNullOrEmpty(model.MeterName))
            {
                Report(model.MeterLocation, "has no meter name: name the meter the instrument belongs to");
            }

            bool hasInstrument = !string.IsNullOrEmpty(model.InstrumentName);
            if (!hasInstrument)
            {
                Report(model.InstrumentLocation, "has no instrument name: name the instrument to bind");
            }

            if (model.Metric.Kind == DeclaredMetricKind.Info)
            {
                Report(at, "binds as Info, which no instrument is: use Counter, Gauge or Histogram");
            }

            if (model.AlsoMetric)
            {
                Report(model.Type.IdentifierLocation, "also carries [Metric]: a class is either a metric or a binding");
            }

            if (model.Type.Keyword != "class")
            {
                Report(model.Type.IdentifierLocation, "is a record: declare it as a class, since its generated part derives from MeterInstrumentBinding");
            }

            CheckTags(model, problems);
            if (hasInstrument && model.Metric.Kind != DeclaredMetricKind.Info)
            {
                // The translation always ends a counter in _total, so DSC010 never applies.
                problems.AddRange(MetricValidator.Validate(model.Metric).Where(p => p.Descriptor != MetricDiagnostics.CounterWithoutTotal));
            }

            return problems;
        }

        /// <summary>True when the generator may emit the binding's members.</summary>
        public static bool CanGenerate(MeterBindingModel model) =>
            !Validate(model).Any(p => p.IsError) && MetricValidator.Cardinality(model.Metric) <= int.MaxValue;

        private static void CheckTags(MeterBindingModel model, List<DeclarationProblem> problems)
        {
            var keys = new HashSet<string?>(StringComparer.Ordinal);
            foreach (MeterTagModel tag in model.Tags)
            {
                if (!keys.Add(tag.Key))
                {
                    problems.Add(new DeclarationProblem(MetricDiagnostics.DuplicateBoundTag, tag.Label.NameLocation.Or(tag.Label.AttributeLocation), tag.Key, model.Type.Name));
                }

                if (tag.CatchAll is { } catchAll && !MeterBindingModelBuilder.IsUsableCatchAll(tag, catchAll))
                {
                    string why = catchAll.Length == 0
                        ? "is empty, which Prometheus reads as no label: use a value such as _OTHER"
                        : "is also one of the listed values: pick a value the tag never has, such as _OTHER";
                    problems.Add(new DeclarationProblem(MetricDiagnostics.InvalidCatchAll, tag.CatchAllLocation.Or(tag.Label.AttributeLocation), catchAll, tag.Key, model.Type.Name, why));
                }
            }
        }
    }
}
