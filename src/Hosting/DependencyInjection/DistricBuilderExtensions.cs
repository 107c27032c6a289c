using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting;

/// <summary>Optional parts chained after <see cref="DistricServiceCollectionExtensions.AddDistric"/>.</summary>
public static class DistricBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="DistricLoggerProvider"/> to Microsoft.Extensions.Logging, so every <see cref="ILogger"/> (the
    /// application's and the framework's) also writes into the <see cref="JsonLogger"/> singleton. Opt-in because it changes
    /// where framework logs go. Calling it twice adds one provider. The usual filters apply first (e.g.
    /// <c>Logging:Distric:LogLevel</c> in configuration), then <see cref="JsonLogger.MinimumLevel"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddDistric</c>.</param>
    /// <returns>The same builder.</returns>
    public static DistricBuilder AddLoggerProvider(this DistricBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLogging();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, DistricLoggerProvider>(
            sp => new DistricLoggerProvider(sp.GetRequiredService<JsonLogger>())));
        return builder;
    }
}
