using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace DistriC.Docs.Tests;

/// <summary>Finds the fenced code blocks of the user documentation and the marker comments above them.</summary>
internal static partial class MarkdownCodeBlocks
{
    /// <summary>The repository root (the folder holding DistriC.Generated.sln).</summary>
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    /// <summary>The user documentation: README.md and docs/*.md, relative to the root, in a stable order.</summary>
    public static ImmutableArray<string> Files { get; } = new[] { "README.md" }
        .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal))
        .ToImmutableArray();

    /// <summary>Every fenced block of every documentation file.</summary>
    public static ImmutableArray<CodeBlock> All { get; } = Files.SelectMany(f => Read(f).Blocks).ToImmutableArray();

    /// <summary>Marker comments not directly above a fence (<c>file:line</c>): a misplaced marker would silently do nothing.</summary>
    public static ImmutableArray<string> StrayMarkers { get; } = Files.SelectMany(f => Read(f).Stray).ToImmutableArray();

    /// <summary>Splits one Markdown file into its fenced blocks.</summary>
    public static (List<CodeBlock> Blocks, List<string> Stray) Read(string relativePath) =>
        Parse(relativePath, File.ReadAllLines(Path.Combine(RepositoryRoot, relativePath)));

    /// <summary>Splits the lines of a Markdown file into its fenced blocks; also returns the stray markers.</summary>
    public static (List<CodeBlock> Blocks, List<string> Stray) Parse(string relativePath, string[] lines)
    {
        var blocks = new List<CodeBlock>();
        var stray = new List<string>();
        var markers = new List<(int Line, string Text)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (MarkerLine().Match(lines[i]) is { Success: true } marker)
            {
                markers.Add((i + 1, marker.Groups["clauses"].Value));
                continue;
            }

            if (OpeningFence().Match(lines[i]) is { Success: true } fence)
            {
                i = ReadBlock(relativePath, lines, i, fence, markers.Select(m => m.Text), blocks);
            }
            else
            {
                stray.AddRange(markers.Select(m => $"{relativePath}:{m.Line}"));
            }

            markers.Clear();
        }

        stray.AddRange(markers.Select(m => $"{relativePath}:{m.Line}"));
        return (blocks, stray);
    }

    private static int ReadBlock(string file, string[] lines, int open, Match fence, IEnumerable<string> markers, List<CodeBlock> blocks)
    {
        string indent = fence.Groups["indent"].Value;
        string ticks = fence.Groups["ticks"].Value;
        var code = new StringBuilder();
        int i = open + 1;
        for (; i < lines.Length && !IsClosingFence(lines[i], ticks); i++)
        {
            string line = lines[i];
            code.Append(line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart()).Append('\n');
        }

        blocks.Add(new CodeBlock(file, open + 1, fence.Groups["language"].Value, code.ToString(), BlockMarker.Parse(markers)));
        return i;
    }

    private static bool IsClosingFence(string line, string ticks)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= ticks.Length && trimmed.All(c => c == ticks[0]);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DistriC.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DistriC.Generated.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\s*<!--\s*compile:(?<clauses>.*?)-->\s*$")]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"^(?<indent>\s*)(?<ticks>`{3,}|~{3,})\s*(?<language>[^\s`]*)")]
    private static partial Regex OpeningFence();
}
