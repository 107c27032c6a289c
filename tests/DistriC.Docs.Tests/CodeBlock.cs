namespace DistriC.Docs.Tests;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="File">The Markdown file, relative to the repository root, with '/' separators.</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Language">The fence's info word (<c>csharp</c>, <c>json</c>, ...); empty when the fence has none.</param>
/// <param name="Code">The lines between the fences, without the fence's indentation.</param>
/// <param name="Marker">What the marker comments above the fence say.</param>
internal sealed record CodeBlock(string File, int Line, string Language, string Code, BlockMarker Marker)
{
    /// <summary>True for the blocks the test compiles.</summary>
    public bool IsCSharp => Language == "csharp";

    /// <summary>1-based Markdown line of the first line of <see cref="Code"/>.</summary>
    public int FirstCodeLine => Line + 1;

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
