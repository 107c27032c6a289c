// The rules a metric declaration must satisfy wherever it is judged, each worded once: the analyzers
// report a violation as the DSC diagnostic whose message format is MessageFormat, and the runtime
// throws MetricRegistrationException with the same text, prefixed by the rule's id. Build-time-only
// rules (the declaring class, DSC006/DSC007/DSC010/DSC011) are in MetricDiagnostics alone.
// Keep this file netstandard2.0-compatible and free of dependencies.
using System.Globalization;

namespace DistriC
{
    /// <summary>How the runtime classifies a violation (its <c>DistricStatus</c>).</summary>
    internal enum MetricRuleFailure
    {
        /// <summary>A malformed declaration: <c>DistricStatus.InvalidArgument</c>.</summary>
        InvalidArgument = 0,

        /// <summary>An unbounded or too large label space: <c>DistricStatus.HighCardinality</c>.</summary>
        HighCardinality,
    }

    internal sealed class MetricRule
    {
        public static readonly MetricRule UnboundedLabel = new MetricRule(
            "DSC001",
            "Label is unbounded",
            "Label '{0}' of metric '{1}' is unbounded: {2}",
            MetricRuleFailure.HighCardinality,
            "With the dynamic API, pass the values to new LabelDefinition(\"{0}\", ...).");

        public static readonly MetricRule CardinalityTooHigh = new MetricRule(
            "DSC002",
            "Metric cardinality above the cap",
            "Metric '{0}' has {1} > {2} label combinations: drop or coarsen a label, split the metric, or raise the cap (MSBuild property DistricMaxCardinality)",
            MetricRuleFailure.HighCardinality,
            "At run time the cap is MetricRegistryOptions.MaxCardinality.");

        public static readonly MetricRule TooManyLabels = new MetricRule(
            "DSC003",
            "Too many labels",
            "Metric '{0}' declares {1} labels; at most {2} are allowed: remove labels or move some to another metric");

        public static readonly MetricRule InvalidMetricName = new MetricRule(
            "DSC004",
            "Invalid metric name",
            "Metric name '{0}' is invalid: {1}");

        public static readonly MetricRule InvalidLabelName = new MetricRule(
            "DSC005",
            "Invalid, reserved or duplicate label name",
            "Label name '{0}' of metric '{1}' {2}; rename the label");

        public static readonly MetricRule InvalidLabelValue = new MetricRule(
            "DSC008",
            "Duplicate, empty or over-long label value",
            "Label '{0}' of metric '{1}': {2}; make every value distinct, non-empty and at most 128 characters");

        public static readonly MetricRule InvalidBuckets = new MetricRule(
            "DSC009",
            "Invalid histogram buckets",
            "Metric '{0}': {1}; list finite, strictly increasing bounds on a histogram, or omit Buckets for the defaults");

        public static readonly MetricRule HelpTooLong = new MetricRule(
            "DSC012",
            "HELP text too long",
            "Metric '{0}': HELP text is {1} characters; at most {2} are allowed: shorten it and put long explanations in documentation");

        public static readonly MetricRule UnknownKind = new MetricRule(
            "DSC013",
            "Unknown metric kind",
            "Metric '{0}' has kind {1}, which is not a MetricKind member: use {2}");

        public static readonly MetricRule InvalidInfo = new MetricRule(
            "DSC014",
            "Invalid info metric",
            "Info metric '{0}' {1}");

        public static readonly MetricRule ExemplarsNotSupported = new MetricRule(
            "DSC015",
            "Exemplars on a kind without them",
            "Metric '{0}' is a {1}, which has no exemplars: only counters and histograms carry them; remove Exemplars = true");

        private readonly string? _runTimeHint;

        private MetricRule(string id, string title, string messageFormat, MetricRuleFailure failure = MetricRuleFailure.InvalidArgument, string? runTimeHint = null)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Failure = failure;
            _runTimeHint = runTimeHint;
        }

        /// <summary>Every rule of this set, in id order.</summary>
        public static MetricRule[] All { get; } =
        {
            UnboundedLabel, CardinalityTooHigh, TooManyLabels, InvalidMetricName, InvalidLabelName, InvalidLabelValue, InvalidBuckets, HelpTooLong, UnknownKind,
            InvalidInfo, ExemplarsNotSupported,
        };

        /// <summary>The diagnostic id, e.g. <c>DSC004</c>.</summary>
        public string Id { get; }

        /// <summary>The diagnostic title.</summary>
        public string Title { get; }

        /// <summary>The one message template: the diagnostic's message format, and the body of the run-time message.</summary>
        public string MessageFormat { get; }

        /// <summary>How the runtime classifies the violation.</summary>
        public MetricRuleFailure Failure { get; }

        /// <summary>The message of a violation with <paramref name="arguments"/>, exactly as the DSC diagnostic shows it.</summary>
        public string Format(object?[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

        /// <summary>
        /// The run-time message: the id, the same message, and for a rule whose remedy names a build-time
        /// setting, where the same thing is set at run time.
        /// </summary>
        public string FormatRunTime(object?[] arguments) =>
            Id + ": " + Format(arguments) + (_runTimeHint is null ? string.Empty : ". " + string.Format(CultureInfo.InvariantCulture, _runTimeHint, arguments));
    }
}
