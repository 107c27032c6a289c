using System;
using System.Collections.Concurrent;
using DistriC.Hosting.Logging;
using Microsoft.Extensions.Logging;

namespace DistriC.Hosting;

/// <summary>
/// Routes <see cref="ILogger"/> calls into a <see cref="JsonLogger"/>, so framework and library logs land in the same JSON
/// lines as the application's <c>[LogEvent]</c> methods. Register it with <c>services.AddDistric().AddLoggerProvider()</c>.
/// </summary>
/// <remarks>
/// <para>Each call becomes one line: the category is <c>component</c>, the formatted message is <c>message</c>, a non-zero
/// <see cref="EventId"/> adds <c>event_id</c> (and <c>event_name</c> when named), the structured state (template holes, minus
/// <c>{OriginalFormat}</c>) adds one field per value keeping its JSON type, and an exception adds
/// <c>"exception":{"type","message","stack_trace"}</c>. A state field named like one of the line's own fields is written as
/// <c>state.&lt;name&gt;</c>. When a line with an exception exceeds <see cref="JsonLogger.MaxEntryBytes"/> it is written again
/// without the stack trace (<c>"stack_trace_omitted":true</c>) rather than lost.</para>
/// <para>Levels: Trace and Debug → DEBUG, Information → INFO, Warning → WARN, Error → ERROR, Critical → FATAL, None → never.
/// <see cref="ILogger.IsEnabled"/> honours <see cref="JsonLogger.MinimumLevel"/> on top of the usual logging filters.</para>
/// <para>Scopes are ignored (<c>BeginScope</c> returns null). Calls are as non-blocking as <see cref="JsonLogger.Write(DistriC.LogLevel, string, string, System.ReadOnlySpan{System.Collections.Generic.KeyValuePair{string, string}})"/>:
/// a full queue drops the line and counts it.</para>
/// <para>The provider does not own the <see cref="JsonLogger"/>: disposing the provider leaves it open, and after the logger
/// is disposed further calls write nothing.</para>
/// </remarks>
[ProviderAlias("Distric")]
public sealed class DistricLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, DistricLogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Creates a provider writing into <paramref name="logger"/>.</summary>
    /// <param name="logger">The JSON logger (the DI singleton when registered by <c>AddLoggerProvider</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null.</exception>
    public DistricLoggerProvider(JsonLogger logger) => Logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <summary>The JSON logger every category writes into.</summary>
    public JsonLogger Logger { get; }

    /// <summary>The logger of <paramref name="categoryName"/> (one instance per category), writing it as <c>component</c>.</summary>
    /// <param name="categoryName">Usually the full name of the class that logs.</param>
    /// <returns>The logger.</returns>
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return _loggers.GetOrAdd(categoryName, static (name, target) => new DistricLogger(target, name), Logger);
    }

    /// <summary>Does nothing: the <see cref="JsonLogger"/> belongs to whoever created it (the container, with <c>AddDistric</c>).</summary>
    public void Dispose()
    {
    }
}
