using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Tests.Metrics.Interop;

/// <summary>
/// The publishing direction with the real consumer: <c>dotnet-counters collect</c> attached by PID to a child process
/// (tests/DistriC.CountersTarget) that publishes DistriC metrics through <see cref="MetricMeterPublisher"/>, read back
/// from the tool's JSON file. dotnet-counters shows a counter as its change per interval, so the counter is checked by
/// the sum of its changes over a known increment; a gauge by its values.
/// </summary>
public sealed class DotnetCountersTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [DotnetCountersFact]
    public async Task Dotnet_counters_reads_the_published_counters_and_gauges_with_their_exact_values()
    {
        string directory = Directory.CreateTempSubdirectory("distric-counters-").FullName;
        string output = Path.Combine(directory, "counters.json");
        using var timeout = new CancellationTokenSource(Deadline);
        Process target = Start("dotnet", $"exec \"{TargetPath()}\"", Environment.CurrentDirectory);
        Process? counters = null;
        try
        {
            string ready = await target.StandardOutput.ReadLineAsync(timeout.Token) ?? string.Empty;
            Assert.Equal("ready " + target.Id, ready);

            counters = Start("dotnet", $"tool run dotnet-counters -- collect -p {target.Id} --counters {MetricMeterPublisher.DefaultMeterName} --format json -o \"{output}\" --refresh-interval 1", DotnetCountersFactAttribute.RepositoryRoot());
            Task<string> countersOutput = counters.StandardOutput.ReadToEndAsync(timeout.Token);

            // The target adds 7 once dotnet-counters has its baseline, and answers when the change has been read twice.
            await target.StandardInput.WriteLineAsync("add 7");
            await target.StandardInput.FlushAsync(timeout.Token);
            Assert.Equal("added", await target.StandardOutput.ReadLineAsync(timeout.Token));

            // Ending the target ends the session: dotnet-counters then writes its file and exits.
            target.StandardInput.Close();
            await target.WaitForExitAsync(timeout.Token);
            await counters.WaitForExitAsync(timeout.Token);
            Assert.True(counters.ExitCode == 0, await countersOutput);

            using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(output, timeout.Token));
            JsonElement[] events = json.RootElement.GetProperty("Events").EnumerateArray().ToArray();
            double[] fast = Values(events, "jobs_processed_total", "queue=fast");
            double[] slow = Values(events, "jobs_processed_total", "queue=slow");
            double[] depth = Values(events, "queue_depth", string.Empty);
            Assert.NotEmpty(fast);
            Assert.NotEmpty(slow);
            Assert.Equal(7, fast.Sum());
            Assert.Equal(0, slow.Sum());
            Assert.Equal(12.5, depth.First());
            Assert.Equal(19.5, depth.Last());
            Assert.All(depth, d => Assert.True(d is 12.5 or 19.5, $"queue_depth {d}"));
            Assert.All(events.Where(e => Name(e).StartsWith("jobs_processed_total", StringComparison.Ordinal)), e => Assert.Equal("Rate", e.GetProperty("counterType").GetString()));
        }
        finally
        {
            if (counters is not null)
            {
                ChildProcess.Stop(counters);
            }

            ChildProcess.Stop(target, directory);
        }
    }

    /// <summary>The values reported for instrument <paramref name="instrument"/> with tags <paramref name="tags"/>, in order.</summary>
    private static double[] Values(JsonElement[] events, string instrument, string tags) => events
        .Where(e => (Name(e) == instrument || Name(e).StartsWith(instrument + " (", StringComparison.Ordinal)) && e.GetProperty("tags").GetString() == tags)
        .Select(e => e.GetProperty("value").GetDouble())
        .ToArray();

    // A counter is named "<instrument> (Count / 1 sec)"; a gauge by its instrument name alone.
    private static string Name(JsonElement e) => e.GetProperty("name").GetString() ?? string.Empty;

    private static string TargetPath()
    {
        string path = typeof(DotnetCountersTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CountersTarget").Value!;
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }

    private static Process Start(string file, string arguments, string directory) =>
        Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            WorkingDirectory = directory,
            Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        }) ?? throw new InvalidOperationException("Could not start " + file);
}
