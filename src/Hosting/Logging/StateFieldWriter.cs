using System;
using System.Collections;
using System.Globalization;
using DistriC.Infrastructure;

namespace DistriC.Hosting.Logging;

/// <summary>
/// Writes one structured-state value of an <c>ILogger</c> call as a JSON field, keeping its JSON type where the log line
/// can express it: numbers, booleans and null as such; strings, enums (by name), GUIDs, dates and time spans as strings;
/// exceptions as <c>{"type","message","stack_trace"}</c>; sequences as arrays; anything else as its invariant-culture text.
/// </summary>
internal static class StateFieldWriter
{
    /// <summary>Writes <c>,"name":value</c>.</summary>
    public static void Write(ref LogEntryWriter writer, string name, object? value)
    {
        // The name is escaped like any string; the value then follows the colon.
        writer.AppendString(","u8, name);
        if (value is IEnumerable sequence and not string)
        {
            WriteArray(ref writer, sequence);
        }
        else
        {
            WriteScalar(ref writer, ":"u8, value);
        }
    }

    private static void WriteArray(ref LogEntryWriter writer, IEnumerable sequence)
    {
        writer.AppendRaw(":["u8);
        bool first = true;
        foreach (object? item in sequence)
        {
            if (writer.IsOversized)
            {
                return; // The entry is dropped anyway; do not walk a long sequence for nothing.
            }

            // One level only: a nested sequence is written as its text, so a self-referencing structure cannot recurse.
            WriteScalar(ref writer, first ? default : ","u8, item is IEnumerable and not string ? item.ToString() : item);
            first = false;
        }

        writer.AppendRaw("]"u8);
    }

    private static void WriteScalar(ref LogEntryWriter writer, ReadOnlySpan<byte> prefix, object? value)
    {
        switch (value)
        {
            case null: writer.AppendNull(prefix); break;
            case string text: writer.AppendString(prefix, text); break;
            case bool flag: writer.AppendBoolean(prefix, flag); break;
            case int number: writer.AppendNumber(prefix, number); break;
            case long number: writer.AppendNumber(prefix, number); break;
            case short number: writer.AppendNumber(prefix, number); break;
            case byte number: writer.AppendNumber(prefix, number); break;
            case sbyte number: writer.AppendNumber(prefix, number); break;
            case ushort number: writer.AppendNumber(prefix, number); break;
            case uint number: writer.AppendNumber(prefix, number); break;
            case ulong number: writer.AppendNumber(prefix, number); break;
            case decimal number: writer.AppendNumber(prefix, number); break;
            case double number: writer.AppendDouble(prefix, number); break;
            case float number: writer.AppendSingle(prefix, number); break;
            case char character: writer.AppendChar(prefix, character); break;
            case Guid guid: writer.AppendGuid(prefix, guid); break;
            case DateTime time: writer.AppendDateTime(prefix, time); break;
            case DateTimeOffset time: writer.AppendDateTimeOffset(prefix, time); break;
            case TimeSpan span: writer.AppendTimeSpan(prefix, span); break;
            case Enum member: writer.AppendString(prefix, member.ToString()); break;
            case Exception exception: writer.AppendException(prefix, exception); break;
            case IFormattable formattable: writer.AppendString(prefix, formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: writer.AppendString(prefix, value.ToString()); break;
        }
    }
}
