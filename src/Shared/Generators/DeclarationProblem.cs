// One rule a declaration breaks, the same shape for every feature: which diagnostic, where (as plain
// data, see SourceLocation), and the message arguments. The analyzers turn it into a Diagnostic.
using Microsoft.CodeAnalysis;

namespace DistriC.Generators
{
    internal sealed class DeclarationProblem
    {
        public DeclarationProblem(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public SourceLocation Location { get; }

        public object?[] Arguments { get; }

        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        public Diagnostic ToDiagnostic(Compilation compilation) => Diagnostic.Create(Descriptor, Location.ToLocation(compilation), Arguments);
    }
}
