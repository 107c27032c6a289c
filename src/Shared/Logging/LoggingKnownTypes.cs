using Microsoft.CodeAnalysis;

namespace DistriC.Logging
{
    /// <summary>Metadata names the logging generator and analyzers look up.</summary>
    internal static class LoggingKnownTypes
    {
        public const string LogEventAttribute = "DistriC.LogEventAttribute";
        public const string LogFieldAttribute = "DistriC.LogFieldAttribute";
        public const string JsonLogger = "DistriC.JsonLogger";
        public const string DistricStatus = "DistriC.DistricStatus";
        public const string Guid = "System.Guid";
        public const string DateTimeOffset = "System.DateTimeOffset";
        public const string TimeSpan = "System.TimeSpan";
        public const string Exception = "System.Exception";

        private static readonly SymbolDisplayFormat MetadataStyle = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

        /// <summary>True when <paramref name="type"/> is <paramref name="metadataName"/>, whatever its nullable annotation.</summary>
        public static bool Is(ITypeSymbol? type, string metadataName) =>
            type is not null && type.ToDisplayString(MetadataStyle) == metadataName;
    }
}
