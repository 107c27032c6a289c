// One rule violation found in a declaration model: which diagnostic, where, and the message arguments.
using Microsoft.CodeAnalysis;

namespace DistriC.Metrics
{
    internal sealed class MetricProblem
    {
        public MetricProblem(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            Arguments = arguments;
        }

        /// <summary>A violation of a rule shared with the runtime, reported at <paramref name="location"/>.</summary>
        public MetricProblem(MetricRuleViolation violation, SourceLocation location)
            : this(MetricDiagnostics.For(violation.Rule), location, violation.Arguments)
        {
        }

        public DiagnosticDescriptor Descriptor { get; }

        public SourceLocation Location { get; }

        public object?[] Arguments { get; }

        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        public Diagnostic ToDiagnostic(Compilation compilation) => Diagnostic.Create(Descriptor, Location.ToLocation(compilation), Arguments);
    }
}
