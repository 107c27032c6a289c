using System;
using System.Collections.Generic;
using System.IO;
using DistriC.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Hosting.Tests.Logging;

/// <summary>
/// A plain service provider with <c>AddDistric(...).AddLoggerProvider()</c> writing into a caller-owned memory stream, and the
/// Microsoft.Extensions.Logging filter opened to Trace so that the bridge's own level handling is what the tests observe.
/// </summary>
public sealed class LoggingHost : IDisposable
{
    private readonly MemoryStream _output = new();
    private bool _disposed;

    public LoggingHost(Action<DistricOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(MelLogLevel.Trace));
        services.AddDistric(options =>
        {
            options.LogOutput = DistricLogOutput.Stream(_output);
            configure?.Invoke(options);
        }).AddLoggerProvider();
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public JsonLogger JsonLogger => Services.GetRequiredService<JsonLogger>();

    public ILogger CreateLogger(string category) => Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    /// <summary>Disposes the container (which flushes the JSON logger) and parses everything written.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Finish()
    {
        Dispose();
        // The stream belongs to the caller: the container must have left it open.
        Assert.True(_output.CanWrite);
        return JsonLines.Parse(_output.ToArray());
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Services.Dispose();
        }
    }
}
