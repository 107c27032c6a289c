// The contract entry of a declared metric: what the generated code exposes (the buckets a histogram really uses,
// the defaults when none were given), in the form DistricMetrics.*.txt records.
using System.Linq;
using DistriC.Contract;

namespace DistriC.Metrics
{
    internal static class MetricContractEntries
    {
        /// <summary>The entry of a valid declaration (<see cref="MetricValidator.CanGenerate"/>).</summary>
        public static MetricContractEntry From(MetricModel model)
        {
            MetricKindInfo kind = MetricKinds.Get((int)model.Kind);
            double[] buckets = !kind.TakesBuckets ? System.Array.Empty<double>()
                : model.HasBuckets ? model.Buckets.ToArray() : MetricRules.DefaultBuckets;
            return new MetricContractEntry(
                model.Name!,
                kind.Name.ToLowerInvariant(),
                model.Unit,
                model.Labels.Select(l => new MetricContractLabel(l.Name!, l.Values.Select(v => v.Value!))),
                buckets.Select(MetricContractText.Number));
        }
    }
}
