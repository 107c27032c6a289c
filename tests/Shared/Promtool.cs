using System;
using System.Threading.Tasks;

namespace DistriC.Tests.Support;

/// <summary>Runs <c>promtool check metrics</c> (Prometheus's own exposition linter) when it is installed.</summary>
internal static class Promtool
{
    /// <summary>Exit code and output of <c>promtool check metrics</c> on <paramref name="exposition"/>, or null without promtool.</summary>
    public static async Task<(int ExitCode, string Output)?> CheckMetricsAsync(string exposition)
    {
        string? promtool = ExternalTool.Find("promtool");
        if (promtool is null)
        {
            return null;
        }

        return await ExternalTool.RunAsync(promtool, "check metrics", exposition, TimeSpan.FromSeconds(30));
    }
}
