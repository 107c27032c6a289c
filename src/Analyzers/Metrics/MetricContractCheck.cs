// Compares the declared metrics of one compilation with the two baseline files: breaking changes to a shipped
// metric are errors located on the declaration (or on the Shipped line, for a metric no longer declared), additions
// and unrecorded metrics are warnings whose code fix writes the declared line into the Unshipped file.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DistriC.Contract;
using DistriC.Generators;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;

namespace DistriC.Analyzers.Metrics
{
    internal sealed class MetricContractCheck
    {
        private readonly Compilation _compilation;
        private readonly Action<Diagnostic> _report;
        private readonly MetricBaselineFile _shipped;
        private readonly MetricBaselineFile _unshipped;

        public MetricContractCheck(Compilation compilation, Action<Diagnostic> report, MetricBaselineFile shipped, MetricBaselineFile unshipped)
        {
            _compilation = compilation;
            _report = report;
            _shipped = shipped;
            _unshipped = unshipped;
        }

        /// <param name="all">Every declaration read (a metric with a DSC0xx error still counts as declared: no removal report).</param>
        /// <param name="valid">The declarations the generator emits, which are compared.</param>
        public void Run(IReadOnlyList<MetricModel> all, IReadOnlyList<MetricModel> valid)
        {
            foreach (MetricBaselineFile file in new[] { _shipped, _unshipped })
            {
                foreach ((Location line, string reason) in file.Invalid)
                {
                    _report(Diagnostic.Create(MetricContractDiagnostics.InvalidLine, line, file.FileName, reason));
                }
            }

            var names = new HashSet<string>(all.Where(m => m.Name is not null).Select(m => m.Name!), StringComparer.Ordinal);
            foreach (MetricModel model in valid.GroupBy(m => m.Name!, StringComparer.Ordinal).Select(g => g.First()))
            {
                Check(model);
            }

            foreach (KeyValuePair<string, (MetricContractEntry Entry, Location Line)> entry in _shipped.Entries.Where(e => !names.Contains(e.Key)))
            {
                _report(Diagnostic.Create(MetricContractDiagnostics.ShippedRemoved, entry.Value.Line, entry.Key));
            }

            foreach (KeyValuePair<string, (MetricContractEntry Entry, Location Line)> entry in _unshipped.Entries.Where(e => !names.Contains(e.Key) && !_shipped.Entries.ContainsKey(e.Key)))
            {
                _report(Diagnostic.Create(MetricContractDiagnostics.UnshippedStale, entry.Value.Line, entry.Key));
            }
        }

        private void Check(MetricModel model)
        {
            MetricContractEntry declared = MetricContractEntries.From(model);
            string line = MetricContractText.Format(declared);
            bool hasUnshipped = _unshipped.Entries.TryGetValue(declared.Name, out (MetricContractEntry Entry, Location Line) unshipped);
            bool unshippedMatches = hasUnshipped && string.Equals(MetricContractText.Format(unshipped.Entry), line, StringComparison.Ordinal);
            if (!_shipped.Entries.TryGetValue(declared.Name, out (MetricContractEntry Entry, Location Line) shipped))
            {
                if (!hasUnshipped)
                {
                    Report(MetricContractDiagnostics.NotRecorded, model.Locations.Name.Or(model.Locations.Attribute), line, declared.Name, line);
                }
                else if (!unshippedMatches)
                {
                    Report(MetricContractDiagnostics.UnshippedOutOfDate, model.Locations.Name.Or(model.Locations.Attribute), line, declared.Name, line);
                }

                return;
            }

            List<MetricContractChange> changes = MetricContractComparison.Compare(shipped.Entry, declared);
            foreach (MetricContractChange change in changes.Where(c => c.IsBreaking))
            {
                ReportBreaking(model, shipped.Entry, declared, change);
            }

            List<MetricContractChange> additions = changes.Where(c => !c.IsBreaking).ToList();
            if (unshippedMatches)
            {
                return;
            }

            foreach (MetricContractChange addition in additions)
            {
                string what = addition.Kind == MetricContractChangeKind.LabelAdded
                    ? $"Label '{addition.Label}'"
                    : $"Value '{addition.Value}' of label '{addition.Label}'";
                Report(MetricContractDiagnostics.AdditionNotRecorded, AdditionLocation(model, addition), line, declared.Name, what, line);
            }

            if (additions.Count == 0 && hasUnshipped)
            {
                Report(MetricContractDiagnostics.UnshippedOutOfDate, model.Locations.Name.Or(model.Locations.Attribute), line, declared.Name, line);
            }
        }

        private void ReportBreaking(MetricModel model, MetricContractEntry shipped, MetricContractEntry declared, MetricContractChange change)
        {
            SourceLocation attribute = model.Locations.Attribute;
            switch (change.Kind)
            {
                case MetricContractChangeKind.KindChanged:
                    Report(MetricContractDiagnostics.KindChanged, attribute, null, declared.Name, shipped.Kind, declared.Kind);
                    break;
                case MetricContractChangeKind.UnitChanged:
                    Report(MetricContractDiagnostics.UnitChanged, model.Locations.Unit.Or(attribute), null, declared.Name, shipped.Unit ?? "(none)", declared.Unit ?? "(none)");
                    break;
                case MetricContractChangeKind.LabelRemoved:
                    Report(MetricContractDiagnostics.LabelRemoved, attribute, null, declared.Name, change.Label);
                    break;
                case MetricContractChangeKind.LabelValueRemoved:
                    Report(MetricContractDiagnostics.LabelValueRemoved, LabelOf(model, change.Label).Or(attribute), null, declared.Name, change.Label, change.Value);
                    break;
                case MetricContractChangeKind.BucketsChanged:
                    Report(MetricContractDiagnostics.BucketsChanged, model.Locations.Buckets.Or(attribute), null, declared.Name, Bounds(shipped), Bounds(declared));
                    break;
            }
        }

        private static SourceLocation AdditionLocation(MetricModel model, MetricContractChange addition)
        {
            SourceLocation label = LabelOf(model, addition.Label);
            if (addition.Kind == MetricContractChangeKind.LabelValueAdded
                && model.Labels.FirstOrDefault(l => l.Name == addition.Label)?.Values.FirstOrDefault(v => v.Value == addition.Value) is { } value)
            {
                return value.Location.Or(label).Or(model.Locations.Attribute);
            }

            return label.Or(model.Locations.Attribute);
        }

        private static SourceLocation LabelOf(MetricModel model, string? label) =>
            model.Labels.FirstOrDefault(l => string.Equals(l.Name, label, StringComparison.Ordinal))?.AttributeLocation ?? default;

        private static string Bounds(MetricContractEntry entry) => "[" + string.Join(", ", entry.Buckets) + "]";

        private void Report(DiagnosticDescriptor descriptor, SourceLocation location, string? fixLine, params object?[] arguments)
        {
            ImmutableDictionary<string, string?> properties = fixLine is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(MetricContractDiagnostics.LineProperty, fixLine)
                    .Add(MetricContractDiagnostics.NameProperty, (string)arguments[0]!);
            _report(Diagnostic.Create(descriptor, location.ToLocation(_compilation), properties, arguments));
        }
    }
}
