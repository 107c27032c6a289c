using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace DistriC.Tests.Support;

/// <summary>Finds and runs the external programs (promtool, prometheus) that validate our output with the real thing.</summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
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

    /// <summary>The full path of <paramref name="name"/>; fails the test with an explanation when it is missing.</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new InvalidOperationException(
            $"'{name}' is required ({ToolFactAttribute.RequireVariable}=1) but not on PATH; install it with: apt-get install -y prometheus");

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
