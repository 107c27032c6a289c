// The names the metrics generator gives its members. One implementation, used by the generator to name
// members and by the validator to detect names that collide (DSC005, DSC008); how any text becomes an
// identifier (PascalCase, keyword escaping) is the shared DistriC.Generators.Identifiers.

namespace DistriC.Metrics
{
    internal static class MetricIdentifiers
    {
        /// <summary>
        /// Members the generator adds to every metric class, whatever its kind; a nested label enum or a
        /// stride constant must not take one of these names.
        /// </summary>
        public static readonly string[] GeneratedMemberNames = { "Cardinality", "Inc", "Add", "Get", "Set", "Dec", "Observe", "GetCount", "GetSum" };

        /// <summary>Name of the stride constant of label <paramref name="pascalName"/>.</summary>
        public static string Stride(string pascalName) => pascalName + "Stride";

        /// <summary>Name of the enum-to-ordinal helper of label <paramref name="pascalName"/>.</summary>
        public static string Ordinal(string pascalName) => pascalName + "Ordinal";
    }
}
