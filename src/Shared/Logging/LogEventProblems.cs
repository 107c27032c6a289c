// Validation outcomes of a [LogEvent] declaration. The shared parser finds them; the analyzer reports
// each as its DSC1xx diagnostic; the generator emits nothing for a method that has any.
using System.Collections.Generic;
using DistriC.Generators;
using Microsoft.CodeAnalysis;

namespace DistriC.Logging
{
    /// <summary>Collects problems (when an analyzer asks for them) and remembers whether there was any.</summary>
    internal sealed class LogEventProblems
    {
        private readonly List<DeclarationProblem>? _list;

        public LogEventProblems(List<DeclarationProblem>? list) => _list = list;

        public bool Any { get; private set; }

        /// <summary>Records that <paramref name="rule"/> (one of <see cref="LoggingDiagnosticDescriptors"/>) is broken at <paramref name="location"/>.</summary>
        public void Add(DiagnosticDescriptor rule, Location? location, params string[] arguments)
        {
            Any = true;
            _list?.Add(new DeclarationProblem(rule, SourceLocation.From(location), arguments));
        }
    }
}
