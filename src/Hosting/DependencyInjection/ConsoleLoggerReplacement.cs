namespace DistriC.Hosting;

/// <summary>
/// Whether <see cref="DistricBuilderExtensions.AddLoggerProvider(DistricBuilder, ConsoleLoggerReplacement)"/> removes
/// Microsoft.Extensions.Logging's console provider (the one <c>WebApplication.CreateBuilder</c> and
/// <c>Host.CreateDefaultBuilder</c> add), which writes every <c>ILogger</c> call as text to standard output.
/// </summary>
public enum ConsoleLoggerReplacement
{
    /// <summary>
    /// Remove it when the JSON log goes to the console too (<see cref="DistricLogOutput.StandardOutput"/>, the default output,
    /// or <see cref="DistricLogOutput.StandardError"/>), so each call appears once, as a JSON line; keep it otherwise.
    /// </summary>
    WhenJsonGoesToConsole,

    /// <summary>Always remove it: the JSON log is the only log the process writes through Microsoft.Extensions.Logging's console.</summary>
    Always,

    /// <summary>Keep it: every call is written twice, as console text and as a JSON line (e.g. text for a developer, JSON to a file).</summary>
    Never,
}
