using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using DistriC.MetricDocs;

namespace DistriC.Hosting.Tests.Monitoring;

/// <summary>The documented command itself: the tool run as a process on the built sample, in --check mode and writing.</summary>
public sealed class MetricDocsCommandTests
{
    [Fact]
    public async Task Check_mode_accepts_the_committed_files_and_rejects_a_stale_one_without_writing()
    {
        (int ok, string okOutput) = await RunToolAsync(
            "--markdown", SampleArtifacts.Markdown, "--rules", SampleArtifacts.Rules, "--dashboard", SampleArtifacts.Dashboard, "--json", SampleArtifacts.Json, "--check");
        Assert.True(ok == 0, okOutput);

        string stale = Path.Combine(Directory.CreateTempSubdirectory("distric-metric-docs-").FullName, "metrics.md");
        File.WriteAllText(stale, "# an old catalog\n");
        (int exitCode, string output) = await RunToolAsync("--markdown", stale, "--check");
        Assert.Equal(1, exitCode);
        Assert.Contains($"{stale} is stale", output, StringComparison.Ordinal);
        Assert.Equal("# an old catalog\n", File.ReadAllText(stale));

        (int written, string writeOutput) = await RunToolAsync("--markdown", stale);
        Assert.True(written == 0, writeOutput);
        Assert.Equal(File.ReadAllText(SampleArtifacts.Markdown), File.ReadAllText(stale));
        Directory.Delete(Path.GetDirectoryName(stale)!, recursive: true);
    }

    private static async Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CatalogLoader).Assembly.Location);
        start.ArgumentList.Add(SampleArtifacts.Assembly);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout + await stderr);
    }
}
