using System;
using System.Collections.Generic;

namespace DistriC;

// Overloads of Write for C# 12 callers (the net8.0 default), to whom params ReadOnlySpan is not a params parameter.
// The fixed-arity ones cover the common calls without a params array in every language version (a candidate that
// fits in its normal form beats any params candidate); the array one covers three fields or more. For those,
// C# 13 and later prefer the span overload, so that path stays allocation-free. All of them forward to it.
public sealed partial class JsonLogger
{
    /// <summary>
    /// Writes an entry with one run-time field, without a params array in any C# version; otherwise like
    /// <see cref="Write(LogLevel, string, string, ReadOnlySpan{KeyValuePair{string, string}})"/>.
    /// </summary>
    /// <param name="level">Severity; below <see cref="MinimumLevel"/> the call returns <see cref="DistricStatus.Ok"/> and writes nothing.</param>
    /// <param name="component">Subsystem name.</param>
    /// <param name="message">Human-readable message.</param>
    /// <param name="field">The field written after <c>message</c>.</param>
    /// <returns>As <see cref="Write(LogLevel, string, string, ReadOnlySpan{KeyValuePair{string, string}})"/>.</returns>
    public DistricStatus Write(LogLevel level, string component, string message, KeyValuePair<string, string?> field) =>
        Write(level, component, message, new ReadOnlySpan<KeyValuePair<string, string?>>(in field));

    /// <summary>
    /// Writes an entry with two run-time fields, without a params array in any C# version; otherwise like
    /// <see cref="Write(LogLevel, string, string, ReadOnlySpan{KeyValuePair{string, string}})"/>.
    /// </summary>
    /// <param name="level">Severity; below <see cref="MinimumLevel"/> the call returns <see cref="DistricStatus.Ok"/> and writes nothing.</param>
    /// <param name="component">Subsystem name.</param>
    /// <param name="message">Human-readable message.</param>
    /// <param name="field1">The first field written after <c>message</c>.</param>
    /// <param name="field2">The second field.</param>
    /// <returns>As <see cref="Write(LogLevel, string, string, ReadOnlySpan{KeyValuePair{string, string}})"/>.</returns>
    public DistricStatus Write(LogLevel level, string component, string message, KeyValuePair<string, string?> field1, KeyValuePair<string, string?> field2)
    {
        // A collection expression targeting a span is an inline array on the stack: no allocation.
        ReadOnlySpan<KeyValuePair<string, string?>> fields = [field1, field2];
        return Write(level, component, message, fields);
    }

    /// <summary>
    /// <see cref="Write(LogLevel, string, string, ReadOnlySpan{KeyValuePair{string, string}})"/> for C# 12 callers:
    /// no fields (an empty array, not allocated) or three and more (the params array is allocated per call; C# 13 and
    /// later bind the span overload for the same call instead).
    /// </summary>
    /// <param name="level">Severity; below <see cref="MinimumLevel"/> the call returns <see cref="DistricStatus.Ok"/> and writes nothing.</param>
    /// <param name="component">Subsystem name.</param>
    /// <param name="message">Human-readable message.</param>
    /// <param name="fields">Extra fields, written in order after <c>message</c>; a null array is no fields.</param>
    /// <returns>As <see cref="Write(LogLevel, string, string, ReadOnlySpan{KeyValuePair{string, string}})"/>.</returns>
    public DistricStatus Write(LogLevel level, string component, string message, params KeyValuePair<string, string?>[] fields) =>
        Write(level, component, message, new ReadOnlySpan<KeyValuePair<string, string?>>(fields));
}
