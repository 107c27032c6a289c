using System;
using System.IO;
using System.Text.Json;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>
/// A fact that needs <c>dotnet-counters</c>, the local tool of the repository's <c>.config/dotnet-tools.json</c>
/// (<c>.ci/run</c> restores it with <c>dotnet tool restore</c>). When the tool's package is not restored the test is
/// skipped with a visible reason, unless <c>CI=true</c> or <c>DISTRIC_REQUIRE_PROMETHEUS=1</c>: then it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class DotnetCountersFactAttribute : FactAttribute
{
    public DotnetCountersFactAttribute()
    {
        bool required = Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable("DISTRIC_REQUIRE_PROMETHEUS") == "1";
        if (!IsRestored() && !required)
        {
            Skip = "dotnet-counters is not restored (run: dotnet tool restore); set CI=true or DISTRIC_REQUIRE_PROMETHEUS=1 to fail instead of skipping";
        }
    }

    /// <summary>The repository root: the folder of <c>DistriC.Generated.sln</c> above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DistriC.Generated.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("DistriC.Generated.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Whether the manifest's dotnet-counters version is in the NuGet packages folder, where <c>dotnet tool restore</c> puts it.</summary>
    private static bool IsRestored()
    {
        string manifest = Path.Combine(RepositoryRoot(), ".config", "dotnet-tools.json");
        if (!File.Exists(manifest))
        {
            return false;
        }

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(manifest));
        string? version = json.RootElement.GetProperty("tools").GetProperty("dotnet-counters").GetProperty("version").GetString();
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return version is not null && Directory.Exists(Path.Combine(packages, "dotnet-counters", version));
    }
}
