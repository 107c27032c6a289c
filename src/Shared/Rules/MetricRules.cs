// The naming and shape rules of a metric declaration, compiled into the runtime (which checks
// dynamic registrations) and into the generator and analyzers (which check [Metric] declarations
// at build time), so that one rule has exactly one implementation.
// Keep this file netstandard2.0-compatible and free of dependencies.
namespace DistriC
{
    internal enum LabelNameProblem
    {
        None = 0,
        Empty,
        InvalidCharacters,
        TooLong,
        ReservedPrefix,
        ReservedForHistogram,
    }

    internal enum BucketProblem
    {
        None = 0,
        Empty,
        NotFinite,
        NotStrictlyIncreasing,
    }

    internal static class MetricRules
    {
        /// <summary>Longest metric name accepted (as the seed's DISTRIC_MAX_METRIC_NAME_LEN).</summary>
        public const int MaxNameLength = 128;

        /// <summary>Longest HELP text accepted.</summary>
        public const int MaxHelpLength = 256;

        /// <summary>Most label dimensions on one metric.</summary>
        public const int MaxLabels = 8;

        /// <summary>Longest label name accepted.</summary>
        public const int MaxLabelNameLength = 64;

        /// <summary>Longest label value accepted.</summary>
        public const int MaxLabelValueLength = 128;

        /// <summary>Default cap on label combinations per metric.</summary>
        public const int DefaultMaxCardinality = 10_000;

        /// <summary>Default cap on the number of metric families in one registry.</summary>
        public const int DefaultMaxMetrics = 1024;

        /// <summary>Default cap on the series an assembly declares (DSC011).</summary>
        public const int DefaultMaxSeries = 100_000;

        /// <summary>The seed's default histogram buckets; +Inf is implicit.</summary>
        public static readonly double[] DefaultBuckets = { 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10 };

        /// <summary>Metric names: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, 1 to 128 characters.</summary>
        public static bool IsValidMetricName(string? name)
        {
            if (name is null || name.Length == 0 || name.Length > MaxNameLength)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>OpenMetrics: with a unit, the family name ends with <c>_unit</c> (before the kind's <paramref name="nameSuffix"/>, <c>_total</c> on a counter).</summary>
        public static bool HasUnitSuffix(string? nameSuffix, string name, string unit)
        {
            string family = nameSuffix is not null && name.EndsWith(nameSuffix, System.StringComparison.Ordinal)
                ? name.Substring(0, name.Length - nameSuffix.Length)
                : name;
            return family.EndsWith("_" + unit, System.StringComparison.Ordinal);
        }

        /// <summary>Label names: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>, and not <c>le</c> on a histogram.</summary>
        public static LabelNameProblem CheckLabelName(string? name, bool isHistogram)
        {
            if (name is null || name.Length == 0)
            {
                return LabelNameProblem.Empty;
            }

            if (name.Length > MaxLabelNameLength)
            {
                return LabelNameProblem.TooLong;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return LabelNameProblem.InvalidCharacters;
                }
            }

            if (name.StartsWith("__", System.StringComparison.Ordinal))
            {
                return LabelNameProblem.ReservedPrefix;
            }

            if (isHistogram && name == "le")
            {
                return LabelNameProblem.ReservedForHistogram;
            }

            return LabelNameProblem.None;
        }

        /// <summary>Explains a <see cref="LabelNameProblem"/> in words.</summary>
        public static string Describe(LabelNameProblem problem) => problem switch
        {
            LabelNameProblem.Empty => "is empty",
            LabelNameProblem.InvalidCharacters => "must match [a-zA-Z_][a-zA-Z0-9_]*",
            LabelNameProblem.TooLong => "is longer than " + MaxLabelNameLength + " characters",
            LabelNameProblem.ReservedPrefix => "starts with '__', which Prometheus reserves",
            LabelNameProblem.ReservedForHistogram => "is reserved for histogram buckets",
            _ => "is valid",
        };

        /// <summary>Buckets must be non-empty, finite and strictly increasing (+Inf is added implicitly).</summary>
        public static BucketProblem CheckBuckets(System.Collections.Generic.IReadOnlyList<double>? buckets, out int index)
        {
            index = -1;
            if (buckets is null || buckets.Count == 0)
            {
                return BucketProblem.Empty;
            }

            for (int i = 0; i < buckets.Count; i++)
            {
                double b = buckets[i];
                if (double.IsNaN(b) || double.IsInfinity(b))
                {
                    index = i;
                    return BucketProblem.NotFinite;
                }

                if (i > 0 && !(b > buckets[i - 1]))
                {
                    index = i;
                    return BucketProblem.NotStrictlyIncreasing;
                }
            }

            return BucketProblem.None;
        }

        /// <summary>Explains a <see cref="BucketProblem"/> in words.</summary>
        public static string Describe(BucketProblem problem) => problem switch
        {
            BucketProblem.Empty => "no buckets were given",
            BucketProblem.NotFinite => "bucket bounds must be finite (+Inf is added implicitly)",
            BucketProblem.NotStrictlyIncreasing => "bucket bounds must be strictly increasing",
            _ => "buckets are valid",
        };

        /// <summary>Label values must be 1 to 128 characters.</summary>
        public static bool IsValidLabelValue(string? value) => value is not null && value.Length > 0 && value.Length <= MaxLabelValueLength;
    }
}
