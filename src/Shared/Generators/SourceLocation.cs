// A source location as plain, equatable data (file path and spans), so the declaration model can
// carry where each part was written without holding a SyntaxTree or a Location object.
using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Generators
{
    internal readonly struct SourceLocation : IEquatable<SourceLocation>
    {
        public SourceLocation(string filePath, TextSpan span, LinePositionSpan lineSpan)
        {
            FilePath = filePath;
            Span = span;
            LineSpan = lineSpan;
        }

        /// <summary>Path of the syntax tree; null for "no location".</summary>
        public string? FilePath { get; }

        public TextSpan Span { get; }

        public LinePositionSpan LineSpan { get; }

        public bool IsNone => FilePath is null;

        public static SourceLocation From(SyntaxNode? node)
        {
            if (node is null)
            {
                return default;
            }

            Location location = node.GetLocation();
            return new SourceLocation(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
        }

        public static SourceLocation From(Location? location)
        {
            if (location is null || !location.IsInSource)
            {
                return default;
            }

            return new SourceLocation(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
        }

        /// <summary>This location, or <paramref name="fallback"/> when this is none.</summary>
        public SourceLocation Or(SourceLocation fallback) => IsNone ? fallback : this;

        /// <summary>
        /// A Roslyn location inside <paramref name="compilation"/>'s syntax tree of the same path (so an
        /// analyzer may report it), or an external-file location when that tree is not found.
        /// </summary>
        public Location ToLocation(Compilation compilation)
        {
            if (IsNone)
            {
                return Location.None;
            }

            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (string.Equals(tree.FilePath, FilePath, StringComparison.Ordinal))
                {
                    return Location.Create(tree, Span);
                }
            }

            return Location.Create(FilePath!, Span, LineSpan);
        }

        public bool Equals(SourceLocation other) =>
            string.Equals(FilePath, other.FilePath, StringComparison.Ordinal) && Span.Equals(other.Span) && LineSpan.Equals(other.LineSpan);

        public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

        public override int GetHashCode() => unchecked(((FilePath?.GetHashCode() ?? 0) * 31) + Span.GetHashCode());
    }
}
