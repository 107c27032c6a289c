using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Package.Tests.Support;

/// <summary>The outcome of one <c>dotnet</c> command: what ran, its exit code and both output streams.</summary>
public sealed record CliResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Everything a reader needs when an assertion on this command fails.</summary>
    public string Describe() =>
        $"$ {CommandLine}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>
/// Runs the dotnet CLI as a child process with a bounded wait. The child gets no telemetry or banner, and
/// every MSBuild setting inherited from the process that started the tests is removed, so a build under
/// <c>dotnet test</c> resolves its SDK like one typed in a shell. Callers pass <c>-nodeReuse:false</c> and
/// <c>-p:UseSharedCompilation=false</c> (<see cref="NoBuildServers"/>) so no MSBuild node or compiler server
/// outlives the command.
/// </summary>
public static class DotnetCli
{
    /// <summary>MSBuild switches that keep every build process inside the command's lifetime; plain console logging.</summary>
    public static readonly string[] NoBuildServers = ["-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off"];

    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(15);

    /// <summary>The dotnet host that runs these tests when the CLI says so (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on PATH.</summary>
    public static string HostPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>. Past
    /// <paramref name="timeout"/> the process tree is killed and a <see cref="TimeoutException"/> carries the output so far.
    /// </summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(HostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        PrepareEnvironment(info.Environment);
        string commandLine = $"(in {workingDirectory}) dotnet {string.Join(' ', info.ArgumentList.Select(Quote))}";
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        Task readOut = PumpAsync(process.StandardOutput, stdout);
        Task readErr = PumpAsync(process.StandardError, stderr);

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await WaitQuietlyAsync(process.WaitForExitAsync(), KillGrace);
            await WaitQuietlyAsync(Task.WhenAll(readOut, readErr), KillGrace);
            throw new TimeoutException(
                $"Killed after {timeout.TotalSeconds:0.#} s: {commandLine}\n--- stdout so far ---\n{Snapshot(stdout)}\n--- stderr so far ---\n{Snapshot(stderr)}");
        }

        // The streams end when the last process holding them exits; a leftover grandchild must not hang the test.
        await WaitQuietlyAsync(Task.WhenAll(readOut, readErr), KillGrace);
        return new CliResult(commandLine, process.ExitCode, Snapshot(stdout), Snapshot(stderr), clock.Elapsed);
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        foreach (string name in environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        char[] buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (sink)
            {
                sink.Append(buffer, 0, read);
            }
        }
    }

    private static string Snapshot(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }

    private static async Task WaitQuietlyAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            // Reported through the output captured so far; nothing more to wait for.
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : $"\"{argument.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
