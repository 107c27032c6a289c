// The diagnostics of [LogEvent] declarations (DSC101-DSC109), created through the shared DiagnosticCatalog.
// Shared with the generator so both projects track the same release files (src/Analyzers/AnalyzerReleases.*.md);
// the IDs are a public contract.
using DistriC.Generators;
using Microsoft.CodeAnalysis;

namespace DistriC.Logging
{
    /// <summary>The DSC1xx diagnostics of <c>[LogEvent]</c> declarations (documented in docs/diagnostics.md).</summary>
    internal static class LoggingDiagnosticDescriptors
    {
        /// <summary>DSC101: "'{0}' must be declared partial (a partial method definition without a body, in partial types) so the generator can implement it".</summary>
        public static readonly DiagnosticDescriptor NotPartial = Create(
            "DSC101", "Log event method or containing type is not partial",
            "'{0}' must be declared partial (a partial method definition without a body, in partial types) so the generator can implement it");

        /// <summary>DSC102: "Parameter '{0}' of type '{1}' cannot be logged without boxing or allocating".</summary>
        public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
            "DSC102", "Unsupported log event parameter type",
            "Parameter '{0}' of type '{1}' cannot be logged without boxing or allocating; use string, char, bool, an integer, float, double, decimal, an enum, Guid, DateTime, DateTimeOffset, TimeSpan, their nullable forms or Exception (no ref, out or in)");

        /// <summary>DSC103: "Field name '{0}' is used twice in log event '{1}'; rename one parameter or give it another name with [LogField(\"...\")]".</summary>
        public static readonly DiagnosticDescriptor DuplicateFieldName = Create(
            "DSC103", "Duplicate log event field name",
            "Field name '{0}' is used twice in log event '{1}'; rename one parameter or give it another name with [LogField(\"...\")]");

        /// <summary>DSC104: "Field name '{0}' is reserved for the fixed part of every line (timestamp, level, component, message); rename the parameter or give it another name with [LogField(\"...\")]".</summary>
        public static readonly DiagnosticDescriptor ReservedFieldName = Create(
            "DSC104", "Reserved log event field name",
            "Field name '{0}' is reserved for the fixed part of every line (timestamp, level, component, message); rename the parameter or give it another name with [LogField(\"...\")]");

        /// <summary>DSC105: "'{0}' has no JsonLogger to write to: ...".</summary>
        public static readonly DiagnosticDescriptor NoLogger = Create(
            "DSC105", "Log event method has no JsonLogger",
            "'{0}' has no JsonLogger to write to: take a JsonLogger parameter, or declare exactly one JsonLogger field or property in '{1}' (static for a static method)");

        /// <summary>DSC106: "The {0} of log event '{1}' must not be empty; give it a text".</summary>
        public static readonly DiagnosticDescriptor EmptyText = Create(
            "DSC106", "Empty log event component, message or field name",
            "The {0} of log event '{1}' must not be empty; give it a text");

        /// <summary>DSC107: "Log event method '{0}' must return void or DistricStatus and must not be generic; change its return type or remove its type parameters".</summary>
        public static readonly DiagnosticDescriptor InvalidSignature = Create(
            "DSC107", "Invalid log event method signature",
            "Log event method '{0}' must return void or DistricStatus and must not be generic; change its return type or remove its type parameters");

        /// <summary>DSC108: "Log level '{0}' is not a defined LogLevel".</summary>
        public static readonly DiagnosticDescriptor UndefinedLevel = Create(
            "DSC108", "Undefined log level",
            "Log level '{0}' is not a defined LogLevel; use LogLevel.Debug, Info, Warn, Error or Fatal");

        /// <summary>DSC109: "Field name '{0}' is written by the logger itself on every line while a span is active; rename the parameter or give it another name with [LogField(\"...\")]".</summary>
        public static readonly DiagnosticDescriptor TraceFieldName = Create(
            "DSC109", "Log event field name taken by the trace context",
            "Field name '{0}' is written by the logger itself on every line while a span is active (trace_id, span_id of Tracer.ActiveSpan); rename the parameter or give it another name with [LogField(\"...\")]");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            DiagnosticCatalog.Create(id, title, message, DiagnosticCategories.Logging);
    }
}
