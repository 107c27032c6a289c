using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace DistriC.Generator.Tests;

/// <summary>
/// Golden files of the generated code. Each generated file is compared with its approved
/// <c>Snapshots/&lt;case&gt;/&lt;hint&gt;.verified.cs</c> through <see cref="Snapshot"/> (generator version masked;
/// <c>UPDATE_SNAPSHOTS=1</c> accepts the new output); on a difference the actual text is written beside it as
/// <c>.received.cs</c> and the test fails naming both.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Cases => new() { "Design", "Shapes", "Global", "Exemplars", "Bindings" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_the_approved_snapshot(string name)
    {
        string source = name switch
        {
            "Design" => ConsumerSources.Design,
            "Shapes" => ConsumerSources.Shapes,
            "Exemplars" => ConsumerSources.Exemplars,
            "Bindings" => ConsumerSources.Bindings,
            _ => ConsumerSources.Global,
        };
        (IReadOnlyDictionary<string, string> generated, _) = GeneratorHarness.Metrics.Generate(source);
        string folder = Path.Combine(SnapshotRoot(), name);

        var failures = new List<string>();
        foreach ((string hint, string text) in generated.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (Snapshot.Compare(Path.Combine(folder, Path.GetFileNameWithoutExtension(hint)), text) is string failure)
            {
                failures.Add(failure);
            }
        }

        // A snapshot whose file is no longer generated is stale.
        foreach (string verified in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.verified.cs") : Array.Empty<string>())
        {
            string hint = Path.GetFileName(verified).Replace(".verified.cs", ".cs", StringComparison.Ordinal);
            if (!generated.ContainsKey(hint))
            {
                failures.Add($"{verified} is no longer generated");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string SnapshotRoot([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");
}
