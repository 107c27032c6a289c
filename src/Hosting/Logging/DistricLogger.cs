using System;
using System.Collections.Generic;
using DistriC.Infrastructure;
using DistriC.Logging;
using Microsoft.Extensions.Logging;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DistriC.Hosting.Logging;

/// <summary>
/// The <see cref="ILogger"/> of one category, writing each call as one line of a <see cref="JsonLogger"/>:
/// <c>{"timestamp":..,"level":..,"component":"&lt;category&gt;","message":"&lt;formatted&gt;",["trace_id":..,"span_id":..,]"event_id":..,"event_name":..,
/// &lt;state fields&gt;,"exception":{..}}</c>.
/// </summary>
/// <remarks>
/// Scopes are not written (<see cref="BeginScope"/> returns null): attaching them would walk every active scope on every
/// call and merge foreign keys into the line; put what a line needs into its own state, or use a <c>[LogEvent]</c> method.
/// </remarks>
internal sealed class DistricLogger : ILogger
{
    /// <summary>The key Microsoft.Extensions.Logging adds to the state for the message template; not a field.</summary>
    private const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>Names this logger writes itself; a state field with one of them gets <see cref="RenamedPrefix"/>.</summary>
    private static readonly string[] OwnFieldNames = ["event_id", "event_name", "exception", "trace_id", "span_id"];
    private const string RenamedPrefix = "state.";

    private readonly JsonLogger _target;
    private readonly string _category;

    public DistricLogger(JsonLogger target, string category)
    {
        _target = target;
        _category = category;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(MelLogLevel logLevel) => LogLevelMapping.TryMap(logLevel, out LogLevel level) && _target.IsEnabled(level);

    public void Log<TState>(MelLogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!LogLevelMapping.TryMap(logLevel, out LogLevel level) || !_target.IsEnabled(level))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        string message = formatter(state, exception);
        var fields = state as IReadOnlyList<KeyValuePair<string, object?>>;
        if (WriteLine(level, message, eventId, fields, exception, withStackTrace: true) && exception is not null)
        {
            // The line outgrew JsonLogger.MaxEntryBytes and was dropped whole (and counted). Deep stack traces are the usual
            // cause, and an error must not vanish for that: write it once more without the stack trace.
            WriteLine(level, message, eventId, fields, exception, withStackTrace: false);
        }
    }

    /// <summary>Writes one line; true when it was dropped for being larger than the logger's entry limit.</summary>
    private bool WriteLine(LogLevel level, string message, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>>? fields, Exception? exception, bool withStackTrace)
    {
        var writer = new LogEntryWriter(_target, LogEntryWriter.DynamicComponentHeader(level));
        writer.AppendString(default, _category);
        writer.AppendString(",\"message\":"u8, message);
        writer.AppendActiveTraceContext();
        if (eventId.Id != 0)
        {
            writer.AppendNumber(",\"event_id\":"u8, eventId.Id);
        }

        if (eventId.Name is not null)
        {
            writer.AppendString(",\"event_name\":"u8, eventId.Name);
        }

        if (fields is not null)
        {
            WriteFields(ref writer, fields);
        }

        if (exception is not null)
        {
            WriteException(ref writer, exception, withStackTrace);
        }

        bool oversized = writer.IsOversized;
        writer.Commit();
        return oversized;
    }

    private static void WriteFields(ref LogEntryWriter writer, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        for (int i = 0; i < fields.Count && !writer.IsOversized; i++)
        {
            KeyValuePair<string, object?> field = fields[i];
            if (field.Key is null || field.Key == OriginalFormatKey)
            {
                continue;
            }

            // JSON allows repeated names but readers keep only one of them: never shadow the line's own fields.
            string name = IsTaken(field.Key) ? RenamedPrefix + field.Key : field.Key;
            StateFieldWriter.Write(ref writer, name, field.Value);
        }
    }

    private static void WriteException(ref LogEntryWriter writer, Exception exception, bool withStackTrace)
    {
        if (withStackTrace)
        {
            writer.AppendException(",\"exception\":"u8, exception);
            return;
        }

        writer.AppendRaw(",\"exception\":{"u8);
        writer.AppendString("\"type\":"u8, exception.GetType().FullName);
        writer.AppendString(",\"message\":"u8, exception.Message);
        writer.AppendRaw(",\"stack_trace\":null,\"stack_trace_omitted\":true}"u8);
    }

    private static bool IsTaken(string name) => LogFormat.IsReservedFieldName(name) || Array.IndexOf(OwnFieldNames, name) >= 0;
}
