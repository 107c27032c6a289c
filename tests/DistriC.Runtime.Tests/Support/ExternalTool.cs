using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace DistriC.Tests.Support;

/// <summary>Finds and runs external programs (promtool) used to validate our output with the real thing.</summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, name);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a program with <paramref name="stdin"/> as its input; returns exit code and combined output. Bounded by <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string path, string arguments, string stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {path}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>
/// A fact that needs a Prometheus binary (promtool/prometheus). Without it the test is skipped with a
/// visible reason, unless <c>DISTRIC_REQUIRE_PROMETHEUS=1</c> (set by .ci/run, which installs it): then it runs and fails.
/// </summary>
internal sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        if (ExternalTool.Find(tool) is null && Environment.GetEnvironmentVariable("DISTRIC_REQUIRE_PROMETHEUS") != "1")
        {
            Skip = $"'{tool}' is not on PATH (install the Debian package 'prometheus'; .ci/run does).";
        }
    }
}
