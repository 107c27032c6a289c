using System;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DistriC.Hosting.Tests.Logging;

/// <summary>
/// <c>AddLoggerProvider</c> and the console provider of the default ASP.NET Core builder: with the JSON log on standard
/// output (the default), keeping both would write every ILogger call twice there.
/// </summary>
public sealed class ConsoleLoggerReplacementTests
{
    [Theory]
    [InlineData("stdout", null, false)]
    [InlineData("stderr", null, false)]
    [InlineData("stream", null, true)]
    [InlineData("stdout", ConsoleLoggerReplacement.WhenJsonGoesToConsole, false)]
    [InlineData("stdout", ConsoleLoggerReplacement.Never, true)]
    [InlineData("stream", ConsoleLoggerReplacement.Always, false)]
    [InlineData("stream", ConsoleLoggerReplacement.Never, true)]
    public void The_console_provider_is_kept_only_where_it_does_not_repeat_the_json_log(string output, ConsoleLoggerReplacement? replace, bool consoleKept)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        Assert.Contains(builder.Services, IsConsoleProvider);
        DistricLogOutput logOutput = output switch
        {
            "stdout" => DistricLogOutput.StandardOutput,
            "stderr" => DistricLogOutput.StandardError,
            _ => DistricLogOutput.Stream(new MemoryStream()),
        };

        DistricBuilder distric = builder.Services.AddDistric(o => o.LogOutput = logOutput);
        _ = replace is { } mode ? distric.AddLoggerProvider(mode) : distric.AddLoggerProvider();

        Assert.Equal(consoleKept, builder.Services.Any(IsConsoleProvider));
        using WebApplication app = builder.Build();
        ILoggerProvider[] providers = app.Services.GetServices<ILoggerProvider>().ToArray();
        Assert.Single(providers.OfType<DistricLoggerProvider>());
        Assert.Equal(consoleKept, providers.OfType<ConsoleLoggerProvider>().Any());
    }

    [Fact]
    public void Other_providers_of_the_default_builder_stay()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        Type[] before = builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider)).Select(d => d.ImplementationType ?? typeof(object)).ToArray();

        builder.Services.AddDistric().AddLoggerProvider();

        Type[] after = builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType is not null).Select(d => d.ImplementationType!).ToArray();
        Assert.Equal(before.Where(t => t != typeof(ConsoleLoggerProvider) && t != typeof(object)), after);
        Assert.True(before.Length > after.Length);
    }

    private static bool IsConsoleProvider(ServiceDescriptor d) =>
        d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider);
}
