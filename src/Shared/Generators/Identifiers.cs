// How names from a declaration become C# identifiers in generated code, for every feature: keyword
// escaping (parameters, enum members, type names) and the PascalCase of label names and values.
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DistriC.Generators
{
    internal static class Identifiers
    {
        /// <summary>An identifier as written in source: <c>@</c>-escaped when it is a C# keyword.</summary>
        public static string Escape(string identifier) =>
            SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

        /// <summary>
        /// PascalCase of a label name or value: ASCII letters and digits are kept, every other
        /// character separates words, each word starts upper-case (<c>status_code</c> → <c>StatusCode</c>,
        /// <c>us-east-1</c> → <c>UsEast1</c>, <c>GET</c> → <c>GET</c>); a leading digit gets a <c>_</c>
        /// prefix and text with no letter or digit becomes <c>_</c>.
        /// </summary>
        public static string PascalCase(string text)
        {
            var result = new StringBuilder(text.Length + 1);
            bool startWord = true;
            foreach (char c in text)
            {
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                bool digit = c >= '0' && c <= '9';
                if (!letter && !digit)
                {
                    startWord = true;
                    continue;
                }

                result.Append(startWord && letter ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }

            if (result.Length == 0)
            {
                return "_";
            }

            if (result[0] >= '0' && result[0] <= '9')
            {
                result.Insert(0, '_');
            }

            return result.ToString();
        }
    }
}
