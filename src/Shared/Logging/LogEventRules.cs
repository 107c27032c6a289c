// Validation outcomes of a [LogEvent] declaration. The shared parser finds them; the analyzer turns each
// into a DSC1xx diagnostic; the generator emits nothing for a method that has any.
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DistriC.Logging
{
    /// <summary>One rule a [LogEvent] declaration can break (see docs/diagnostics.md, DSC101-DSC108).</summary>
    internal enum LogEventRule
    {
        NotPartial,
        UnsupportedParameterType,
        DuplicateFieldName,
        ReservedFieldName,
        NoLogger,
        EmptyText,
        InvalidSignature,
        UndefinedLevel,
    }

    /// <summary>A broken rule with where it is and the message arguments. Analyzer side only, never cached.</summary>
    internal readonly struct LogEventProblem
    {
        public LogEventProblem(LogEventRule rule, Location location, params string[] arguments)
        {
            Rule = rule;
            Location = location;
            Arguments = arguments;
        }

        public LogEventRule Rule { get; }

        public Location Location { get; }

        public string[] Arguments { get; }
    }

    /// <summary>Collects problems (when an analyzer asks for them) and remembers whether there was any.</summary>
    internal sealed class LogEventProblems
    {
        private readonly List<LogEventProblem>? _list;

        public LogEventProblems(List<LogEventProblem>? list) => _list = list;

        public bool Any { get; private set; }

        public void Add(LogEventRule rule, Location? location, params string[] arguments)
        {
            Any = true;
            _list?.Add(new LogEventProblem(rule, location ?? Location.None, arguments));
        }
    }
}
