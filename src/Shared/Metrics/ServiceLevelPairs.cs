// DSC212: the service-level pairs of a compilation. A pair (ServiceLevel = "name" on two [Metric]s) is one counter
// and one histogram, both labelled with the same label names; the counter names its errors (ErrorLabel, ErrorValues),
// so the rules file can record request rate, error ratio and latency quantiles by those labels.
using System;
using System.Collections.Generic;
using System.Linq;
using DistriC.Generators;

namespace DistriC.Metrics
{
    internal static class ServiceLevelPairs
    {
        /// <summary>The problems of every pair among <paramref name="models"/> (valid declarations, in source order).</summary>
        public static List<DeclarationProblem> Validate(IEnumerable<MetricModel> models)
        {
            var problems = new List<DeclarationProblem>();
            var members = new List<MetricModel>();
            foreach (MetricModel model in models.Where(m => m.ServiceLevel is not null))
            {
                // Errors named on a metric of no pair, or on the histogram of one, would be silently ignored.
                string? misplaced = model.ServiceLevel!.Name is null ? "is not named: ErrorLabel and ErrorValues are set without ServiceLevel"
                    : model.Kind != DeclaredMetricKind.Counter && (model.ServiceLevel.ErrorLabel is not null || model.ServiceLevel.ErrorValues.Count > 0)
                        ? $"names errors on '{model.Name}', which is not its counter: set ErrorLabel and ErrorValues on the counter"
                        : null;
                if (misplaced is not null)
                {
                    problems.Add(new DeclarationProblem(
                        MetricContractDiagnostics.InvalidServiceLevelPair, model.ServiceLevel.Location.Or(model.Locations.Attribute), model.ServiceLevel.Name ?? model.Name, misplaced));
                }

                // A named member still counts for its pair, so one mistake is one diagnostic.
                if (model.ServiceLevel.Name is not null)
                {
                    members.Add(model);
                }
            }

            foreach (IGrouping<string, MetricModel> pair in members.GroupBy(m => m.ServiceLevel!.Name!, StringComparer.Ordinal))
            {
                string? problem = Check(pair.ToList(), out MetricModel at);
                if (problem is not null)
                {
                    problems.Add(new DeclarationProblem(
                        MetricContractDiagnostics.InvalidServiceLevelPair, at.ServiceLevel!.Location.Or(at.Locations.Attribute), pair.Key, problem));
                }
            }

            return problems;
        }

        private static string? Check(List<MetricModel> members, out MetricModel at)
        {
            at = members[0];
            if (MetricRules.CheckLabelName(at.ServiceLevel!.Name!, isHistogram: false) != LabelNameProblem.None)
            {
                return "is not a valid name ([a-zA-Z_][a-zA-Z0-9_]*): the recording rules are named after it";
            }

            List<MetricModel> counters = members.Where(m => m.Kind == DeclaredMetricKind.Counter).ToList();
            List<MetricModel> histograms = members.Where(m => m.Kind == DeclaredMetricKind.Histogram).ToList();
            if (members.FirstOrDefault(m => m.Kind != DeclaredMetricKind.Counter && m.Kind != DeclaredMetricKind.Histogram) is { } other)
            {
                at = other;
                return $"is declared on '{other.Name}', which is neither a counter nor a histogram";
            }

            if (counters.Count != 1 || histograms.Count != 1)
            {
                at = members.Count > 2 ? members[2] : members[0];
                return $"has {counters.Count} counter(s) and {histograms.Count} histogram(s)";
            }

            MetricModel counter = counters[0];
            MetricModel histogram = histograms[0];
            if (counter.Labels.Count == 0 || histogram.Labels.Count == 0)
            {
                at = counter.Labels.Count == 0 ? counter : histogram;
                return $"has the unlabelled metric '{at.Name}'";
            }

            string counterLabels = LabelNames(counter);
            string histogramLabels = LabelNames(histogram);
            if (!string.Equals(counterLabels, histogramLabels, StringComparison.Ordinal))
            {
                at = histogram;
                return $"has labels ({histogramLabels}) on '{histogram.Name}' but ({counterLabels}) on '{counter.Name}'";
            }

            return CheckErrors(counter, out at);
        }

        private static string? CheckErrors(MetricModel counter, out MetricModel at)
        {
            at = counter;
            ServiceLevelModel level = counter.ServiceLevel!;
            if (level.ErrorLabel is null || level.ErrorValues.Count == 0)
            {
                return $"has no errors on '{counter.Name}': set ErrorLabel and ErrorValues";
            }

            if (counter.Labels.FirstOrDefault(l => string.Equals(l.Name, level.ErrorLabel, StringComparison.Ordinal)) is not { } label)
            {
                return $"names ErrorLabel '{level.ErrorLabel}', which is not a label of '{counter.Name}'";
            }

            foreach (string value in level.ErrorValues)
            {
                if (!label.Values.Any(v => string.Equals(v.Value, value, StringComparison.Ordinal)))
                {
                    return $"names error value '{value}', which label '{label.Name}' of '{counter.Name}' does not allow";
                }
            }

            return null;
        }

        private static string LabelNames(MetricModel model) =>
            string.Join(", ", model.Labels.Select(l => l.Name).OrderBy(n => n, StringComparer.Ordinal));
    }
}
