using System.Diagnostics;
using System.Threading.Tasks;

namespace DistriC.Hosting.Tests.Support;

/// <summary>Runs <c>promtool check metrics</c> (Prometheus's own exposition linter) when it is installed.</summary>
public static class Promtool
{
    /// <summary>Exit code and output of <c>promtool check metrics</c> on <paramref name="exposition"/>, or null without promtool.</summary>
    public static async Task<(int ExitCode, string Output)?> CheckMetricsAsync(string exposition)
    {
        string? promtool = ExternalTool.Find("promtool");
        if (promtool is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
