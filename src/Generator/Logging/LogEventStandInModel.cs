// The value-only model of a [LogEvent] method the rules reject: enough to write an implementation with
// the declaration's exact signature and a body that logs nothing (see LogEventGenerator for why).
using DistriC.Generators;
using DistriC.Logging;

namespace DistriC.Generator.Logging
{
    /// <summary>A rejected [LogEvent] method, ready to receive a stand-in implementation.</summary>
    /// <remarks>
    /// <para><c>Hierarchy</c>, <c>TypeKey</c>: as in <see cref="LogEventModel"/>.</para>
    /// <para><c>Signature</c>: modifiers, return type, name, type parameters and parameters, all types fully qualified.</para>
    /// <para><c>Constraints</c>: one <c>where</c> clause per constrained type parameter (partial methods must repeat them).</para>
    /// <para><c>Body</c>: statements of the body: out parameters assigned, then the default return.</para>
    /// </remarks>
    internal sealed record LogEventStandInModel
    {
        public LogEventStandInModel(TypeHierarchy hierarchy, string typeKey, string signature, EquatableArray<string> constraints, EquatableArray<string> body)
        {
            Hierarchy = hierarchy;
            TypeKey = typeKey;
            Signature = signature;
            Constraints = constraints;
            Body = body;
        }

        public TypeHierarchy Hierarchy { get; }

        public string TypeKey { get; }

        public string Signature { get; }

        public EquatableArray<string> Constraints { get; }

        public EquatableArray<string> Body { get; }
    }

    /// <summary>What the generator read from one [LogEvent] method: a valid model, or a stand-in, or neither.</summary>
    internal sealed record LogEventDeclaration
    {
        public LogEventDeclaration(LogEventModel? valid, LogEventStandInModel? standIn)
        {
            Valid = valid;
            StandIn = standIn;
        }

        public LogEventModel? Valid { get; }

        public LogEventStandInModel? StandIn { get; }
    }
}
