using System;
using System.IO;

namespace DistriC.Hosting.Tests.Support;

/// <summary>Finds command-line tools (prometheus, promtool) on PATH.</summary>
public static class ExternalTool
{
    /// <summary>Full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (directory.Length == 0)
            {
                continue;
            }

            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Full path of <paramref name="name"/>; fails the test with an explanation when it is missing.</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new InvalidOperationException(
            $"'{name}' is required (DISTRIC_REQUIRE_PROMETHEUS=1) but not on PATH; install it with: apt-get install -y prometheus");
}
