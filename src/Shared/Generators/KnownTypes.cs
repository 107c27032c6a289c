// Metadata names of the attributes and runtime types the generators and analyzers of every feature
// look up, and the one way a symbol is matched against them.
using Microsoft.CodeAnalysis;

namespace DistriC.Generators
{
    /// <summary>Metadata names (namespace, type, generic arity) of the types DistriC's build-time code recognises.</summary>
    internal static class KnownTypes
    {
        public const string MetricAttribute = "DistriC.MetricAttribute";
        public const string LabelAttribute = "DistriC.LabelAttribute";
        public const string TypedLabelAttribute = "DistriC.LabelAttribute`1";
        public const string LabelValueAttribute = "DistriC.LabelValueAttribute";
        public const string MeterInstrumentAttribute = "DistriC.MeterInstrumentAttribute";
        public const string MeterTagAttribute = "DistriC.MeterTagAttribute";
        public const string TypedMeterTagAttribute = "DistriC.MeterTagAttribute`1";
        public const string LogEventAttribute = "DistriC.LogEventAttribute";
        public const string LogFieldAttribute = "DistriC.LogFieldAttribute";
        public const string JsonLogger = "DistriC.JsonLogger";
        public const string DistricStatus = "DistriC.DistricStatus";
        public const string FlagsAttribute = "System.FlagsAttribute";
        public const string Guid = "System.Guid";
        public const string DateTimeOffset = "System.DateTimeOffset";
        public const string TimeSpan = "System.TimeSpan";
        public const string Exception = "System.Exception";

        /// <summary>
        /// True when <paramref name="type"/> is the top-level type <paramref name="metadataName"/> (whatever its nullable
        /// annotation; a generic definition by its arity, e.g. <c>LabelAttribute`1</c>, so pass an attribute's
        /// <c>OriginalDefinition</c>).
        /// </summary>
        public static bool Is(ITypeSymbol? type, string metadataName)
        {
            if (type is not INamedTypeSymbol { ContainingType: null } named)
            {
                return false;
            }

            int dot = metadataName.LastIndexOf('.');
            return string.Equals(named.MetadataName, metadataName.Substring(dot + 1), System.StringComparison.Ordinal)
                && named.ContainingNamespace?.ToDisplayString() == metadataName.Substring(0, dot);
        }
    }
}
