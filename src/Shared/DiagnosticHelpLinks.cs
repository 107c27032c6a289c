// Help links of the DSC diagnostics: each points at the rule's section of docs/diagnostics.md, whose
// headings carry an explicit anchor equal to the lower-cased id (tested).
namespace DistriC
{
    internal static class DiagnosticHelpLinks
    {
        /// <summary>The documentation page every DSC rule has a section in.</summary>
        public const string Page = "https://github.com/distric-generated/distric-generated/blob/main/docs/diagnostics.md";

        /// <summary>The link to the section of <paramref name="id"/>, e.g. <c>...diagnostics.md#dsc001</c>.</summary>
        public static string For(string id) => Page + "#" + id.ToLowerInvariant();
    }
}
