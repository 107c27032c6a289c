// One broken rule and the facts that fill its message: what both the analyzers (as a diagnostic's
// arguments) and the runtime (as the exception message) are given.
// Keep this file netstandard2.0-compatible and free of dependencies.
namespace DistriC
{
    internal sealed class MetricRuleViolation
    {
        public MetricRuleViolation(MetricRule rule, params object?[] arguments)
        {
            Rule = rule;
            Arguments = arguments;
        }

        public MetricRule Rule { get; }

        /// <summary>The arguments of <see cref="MetricRule.MessageFormat"/>.</summary>
        public object?[] Arguments { get; }

        /// <summary>The build-time message (the DSC diagnostic's text).</summary>
        public string Message => Rule.Format(Arguments);

        /// <summary>The run-time message (the exception's text).</summary>
        public string RunTimeMessage => Rule.FormatRunTime(Arguments);

        /// <inheritdoc/>
        public override string ToString() => RunTimeMessage;
    }
}
