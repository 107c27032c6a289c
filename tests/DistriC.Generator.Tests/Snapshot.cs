using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace DistriC.Generator.Tests;

/// <summary>
/// The golden-file comparison of the metrics and logging snapshot tests. Generated text is compared with
/// an approved <c>*.verified.cs</c> file after the generator version in
/// <c>[GeneratedCode("DistriC.Generator", "…")]</c> is replaced by a placeholder on both sides, so a version
/// bump touches no golden file. On a difference the actual text is written beside the approved file as
/// <c>*.received.cs</c> for review (rename it to approve).
/// Set the environment variable <c>UPDATE_SNAPSHOTS=1</c> to accept instead: the received text is written
/// over the <c>*.verified.cs</c> file (then review the diff before committing).
/// </summary>
internal static partial class Snapshot
{
    private const string VersionPlaceholder = "<version>";

    /// <summary>True when UPDATE_SNAPSHOTS=1: approved files are rewritten instead of compared.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    /// <summary>Compares <paramref name="actual"/> with <c>{stem}.verified.cs</c>; fails naming both files on a difference.</summary>
    public static void Verify(string stem, string actual)
    {
        string? failure = Compare(stem, actual);
        Assert.True(failure is null, failure);
    }

    /// <summary>Compares <paramref name="actual"/> with <c>Snapshots/{name}.verified.cs</c> in the calling test file's folder.</summary>
    public static void VerifyNextToTest(string name, string actual, [CallerFilePath] string callerPath = "") =>
        Verify(Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", name), actual);

    /// <summary>
    /// Compares <paramref name="actual"/> with <c>{stem}.verified.cs</c>: null when equal (or updated), else a
    /// message naming the received and verified files.
    /// </summary>
    public static string? Compare(string stem, string actual)
    {
        string verified = stem + ".verified.cs";
        string received = stem + ".received.cs";
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
            File.WriteAllText(verified, actual);
        }

        if (File.Exists(verified) && WithoutVersion(File.ReadAllText(verified)) == WithoutVersion(actual))
        {
            File.Delete(received);
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, actual);
        return $"{received} differs from {verified}";
    }

    /// <summary>The text with every DistriC.Generator version in a <c>GeneratedCode</c> attribute replaced by a placeholder.</summary>
    public static string WithoutVersion(string text) =>
        GeneratedCodeVersion().Replace(text, "${prefix}" + VersionPlaceholder + "\"");

    [GeneratedRegex("(?<prefix>GeneratedCode\\(\"DistriC\\.Generator\", \")[^\"]*\"")]
    private static partial Regex GeneratedCodeVersion();
}
