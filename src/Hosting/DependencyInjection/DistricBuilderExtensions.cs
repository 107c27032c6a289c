using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DistriC.Hosting;

/// <summary>Optional parts chained after <see cref="DistricServiceCollectionExtensions.AddDistric"/>.</summary>
public static class DistricBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="DistricLoggerProvider"/> to Microsoft.Extensions.Logging, so every <see cref="ILogger"/> (the
    /// application's and the framework's) also writes into the <see cref="JsonLogger"/> singleton, and removes the console
    /// provider when the JSON log goes to the console as well (<see cref="ConsoleLoggerReplacement.WhenJsonGoesToConsole"/>),
    /// so a call is not written twice on standard output.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddDistric</c>.</param>
    /// <returns>The same builder.</returns>
    public static DistricBuilder AddLoggerProvider(this DistricBuilder builder) =>
        AddLoggerProvider(builder, ConsoleLoggerReplacement.WhenJsonGoesToConsole);

    /// <summary>
    /// Adds <see cref="DistricLoggerProvider"/> to Microsoft.Extensions.Logging, so every <see cref="ILogger"/> (the
    /// application's and the framework's) also writes into the <see cref="JsonLogger"/> singleton. Opt-in because it changes
    /// where framework logs go. Calling it twice adds one provider. The usual filters apply first (e.g.
    /// <c>Logging:Distric:LogLevel</c> in configuration), then <see cref="JsonLogger.MinimumLevel"/>.
    /// </summary>
    /// <remarks>
    /// The console provider is removed from the services registered so far: one added later (<c>builder.Logging.AddConsole()</c>
    /// after this call) writes again.
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddDistric</c>.</param>
    /// <param name="replaceConsole">Whether to remove Microsoft.Extensions.Logging's console provider.</param>
    /// <returns>The same builder.</returns>
    public static DistricBuilder AddLoggerProvider(this DistricBuilder builder, ConsoleLoggerReplacement replaceConsole)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLogging();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, DistricLoggerProvider>(
            sp => new DistricLoggerProvider(sp.GetRequiredService<JsonLogger>())));
        bool jsonOnConsole = builder.LogOutput == DistricLogOutput.StandardOutput || builder.LogOutput == DistricLogOutput.StandardError;
        if (replaceConsole == ConsoleLoggerReplacement.Always || (replaceConsole == ConsoleLoggerReplacement.WhenJsonGoesToConsole && jsonOnConsole))
        {
            foreach (ServiceDescriptor console in builder.Services
                .Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider))
                .ToList())
            {
                builder.Services.Remove(console);
            }
        }

        return builder;
    }
}
