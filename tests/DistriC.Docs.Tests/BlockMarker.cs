using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace DistriC.Docs.Tests;

/// <summary>
/// What the <c>&lt;!-- compile: ... --&gt;</c> comments directly above a <c>```csharp</c> fence say about the block
/// (the grammar is documented on <see cref="DocBlockTests"/>).
/// </summary>
/// <param name="Kind">How the block is compiled.</param>
/// <param name="Web">True for a block of an ASP.NET Core app: the implicit usings of <c>Microsoft.NET.Sdk.Web</c>.</param>
/// <param name="ExpectedIds">The warning and error IDs the block demonstrates; empty means it must compile cleanly.</param>
/// <param name="Properties">MSBuild properties the analyzers see (<c>build_property.Name</c>).</param>
/// <param name="SkipReason">Why the block is not compiled at all, or null.</param>
/// <param name="Errors">Clauses that were not understood; a block with any fails.</param>
internal sealed record BlockMarker(
    BlockKind Kind,
    bool Web,
    ImmutableSortedSet<string> ExpectedIds,
    ImmutableDictionary<string, string> Properties,
    string? SkipReason,
    ImmutableArray<string> Errors)
{
    /// <summary>The marker of a block without comments: a strict, whole program.</summary>
    public static readonly BlockMarker Default = new(
        BlockKind.Program, false, ImmutableSortedSet<string>.Empty, ImmutableDictionary<string, string>.Empty, null, ImmutableArray<string>.Empty);

    /// <summary>Reads the clauses of every marker comment (each the text after <c>compile:</c>), in order.</summary>
    public static BlockMarker Parse(IEnumerable<string> markerTexts)
    {
        BlockMarker marker = Default;
        var modes = new List<BlockKind>();
        foreach (string clause in markerTexts.SelectMany(t => t.Split(';')).Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            string word = clause.Split(' ', 2)[0];
            string rest = clause.Length > word.Length ? clause[(word.Length + 1)..].Trim() : string.Empty;
            marker = word switch
            {
                "program" => Mode(marker, modes, BlockKind.Program, rest),
                "declarations" => Mode(marker, modes, BlockKind.Declarations, rest),
                "fragment" => Mode(marker, modes, BlockKind.Fragment, rest),
                "web" when rest.Length == 0 => marker with { Web = true },
                "expect" when rest.Length > 0 => marker with
                {
                    ExpectedIds = marker.ExpectedIds.Union(rest.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries)),
                },
                "set" when rest.Split('=') is [string name, string value] && name.Trim().Length > 0 => marker with
                {
                    Properties = marker.Properties.SetItem(name.Trim(), value.Trim()),
                },
                "skip" when rest.Length > 0 => marker with { SkipReason = rest },
                _ => marker with { Errors = marker.Errors.Add($"not understood: '{clause}'") },
            };
        }

        if (modes.Count > 1)
        {
            marker = marker with { Errors = marker.Errors.Add($"more than one mode: {string.Join(", ", modes)}") };
        }

        return marker;
    }

    private static BlockMarker Mode(BlockMarker marker, List<BlockKind> modes, BlockKind kind, string rest)
    {
        modes.Add(kind);
        return rest.Length == 0
            ? marker with { Kind = kind }
            : marker with { Errors = marker.Errors.Add($"'{kind.ToString().ToLowerInvariant()}' takes no argument, got '{rest}'") };
    }
}
