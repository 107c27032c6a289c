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

    /// <summary>The dotnet host that runs these tests when the CLI says so (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on PATH.</summary>
    public static string HostPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> to its end. Past
    /// <paramref name="timeout"/> the process tree is killed and a <see cref="TimeoutException"/> carries the output so far.
    /// </summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyList<string> arguments)
    {
        await using RunningCommand command = Start(workingDirectory, arguments);
        return await command.WaitForExitAsync(timeout);
    }

    /// <summary>Starts <c>dotnet <paramref name="arguments"/></c> and returns at once; the caller waits for its output or end.</summary>
    public static RunningCommand Start(string workingDirectory, IReadOnlyList<string> arguments)
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
        Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        process.StandardInput.Close();
        return new RunningCommand(process, commandLine);
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

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : $"\"{argument.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}

/// <summary>
/// A started <c>dotnet</c> child process whose two output streams are collected as they arrive. Disposing it kills the
/// process tree if it still runs (only the process this test started, by its own handle).
/// </summary>
public sealed class RunningCommand : IAsyncDisposable
{
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _commandLine;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _pumps;
    private TaskCompletionSource _outputArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RunningCommand(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput, _stdout), PumpAsync(process.StandardError, _stderr));
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the standard error collected so far (checked on every chunk that
    /// arrives); fails with the output so far when the process ends first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<string> WaitForStandardErrorAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_stdout)
            {
                string text = Snapshot(_stderr);
                if (condition(text))
                {
                    return text;
                }

                if (_pumps.IsCompleted)
                {
                    throw new InvalidOperationException($"The process ended before the awaited output.\n{Describe(-1)}");
                }

                arrived = _outputArrived.Task;
            }

            try
            {
                await Task.WhenAny(arrived, _pumps).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No awaited output after {timeout.TotalSeconds:0.#} s.\n{Describe(-1)}");
            }
        }
    }

    /// <summary>Waits for the process to end; past <paramref name="timeout"/> kills its tree and throws with the output so far.</summary>
    public async Task<CliResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"Killed after {timeout.TotalSeconds:0.#} s.\n{Describe(-1)}");
        }

        // The streams end when the last process holding them exits; a leftover grandchild must not hang the test.
        await WaitQuietlyAsync(_pumps, KillGrace);
        return new CliResult(_commandLine, _process.ExitCode, Snapshot(_stdout), Snapshot(_stderr), _clock.Elapsed);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await WaitQuietlyAsync(_process.WaitForExitAsync(), KillGrace);
        await WaitQuietlyAsync(_pumps, KillGrace);
    }

    private string Describe(int exitCode) =>
        new CliResult(_commandLine, exitCode, Snapshot(_stdout), Snapshot(_stderr), _clock.Elapsed).Describe();

    private async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        char[] buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            Signal(() => sink.Append(buffer, 0, read));
        }
    }

    // Appends under the one lock and wakes every waiter, which then re-checks its condition.
    private void Signal(Action append)
    {
        TaskCompletionSource woken;
        lock (_stdout)
        {
            append();
            woken = _outputArrived;
            _outputArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    private string Snapshot(StringBuilder sink)
    {
        lock (_stdout)
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
}
