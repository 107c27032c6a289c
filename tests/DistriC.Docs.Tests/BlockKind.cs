namespace DistriC.Docs.Tests;

/// <summary>How a documented C# block is turned into a compilation (the marker's mode clause).</summary>
internal enum BlockKind
{
    /// <summary>A whole <c>Program.cs</c>: top-level statements first, then any type declarations (the default).</summary>
    Program,

    /// <summary>Type declarations only, compiled as a class library.</summary>
    Declarations,

    /// <summary>Statements, compiled inside an async method whose class declares the documented givens.</summary>
    Fragment,
}
