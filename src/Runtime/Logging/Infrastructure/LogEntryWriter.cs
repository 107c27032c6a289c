using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using DistriC.Logging;

namespace DistriC.Infrastructure;

/// <summary>
/// Builds one JSON log line in a per-thread scratch buffer and hands it to a <see cref="JsonLogger"/>.
/// Target of the code generated for <c>[LogEvent]</c> methods and of <see cref="JsonLogger.Write(LogLevel, string, string, ReadOnlySpan{System.Collections.Generic.KeyValuePair{string, string}})"/>;
/// not meant to be called by hand.
/// </summary>
/// <remarks>
/// <para>Usage: <c>var w = new LogEntryWriter(logger, ",\"level\":\"INFO\",...,\"message\":\"...\""u8);</c>, then one
/// <c>Append*</c> per field, each given its pre-encoded <c>,"name":</c> prefix, then <see cref="Commit"/> exactly once.</para>
/// <para>Nothing allocates (except <see cref="AppendException"/>, whose stack trace text is built by the runtime):
/// the buffer is taken from a thread-static slot and given back on commit; a re-entrant use on the same thread
/// (a field's formatting that logs) simply gets a fresh buffer. When the line outgrows
/// <see cref="JsonLogger.MaxEntryBytes"/> the remaining appends are skipped and <see cref="Commit"/> drops the
/// whole entry, so a partial JSON object is never written.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct LogEntryWriter
{
    private const int MinimumScratch = 256;

    // ,"level":"INFO","component": per level: the header of a line whose component is only known at run time.
    private static readonly byte[][] LevelHeaders = BuildLevelHeaders();

    [ThreadStatic]
    private static byte[]? t_scratch;

    private readonly JsonLogger _logger;
    private byte[]? _buffer;
    private int _length;
    private readonly int _limit;
    private bool _overflow;

    /// <summary>
    /// The header for a line whose component is known only at run time: <c>,"level":"&lt;LEVEL&gt;","component":</c>, so the
    /// component follows as a string appended with an empty prefix. Empty for a level outside <see cref="LogLevel"/>.
    /// </summary>
    /// <param name="level">The line's level.</param>
    /// <returns>The pre-encoded header.</returns>
    public static ReadOnlySpan<byte> DynamicComponentHeader(LogLevel level) =>
        (uint)level < (uint)LevelHeaders.Length ? LevelHeaders[(int)level] : default;

    /// <summary>
    /// The prologue of every generated <c>[LogEvent]</c> method, kept here once instead of in each method: starts a
    /// line when <paramref name="logger"/> is set and <paramref name="level"/> is enabled.
    /// </summary>
    /// <param name="logger">Destination logger; null logs nothing.</param>
    /// <param name="level">The line's level.</param>
    /// <param name="header">Pre-encoded <c>,"level":...,"component":...,"message":...</c>.</param>
    /// <param name="writer">The started line, or a default writer that must not be used when the result is false.</param>
    /// <returns>True when a line was started.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryBegin(JsonLogger? logger, LogLevel level, ReadOnlySpan<byte> header, out LogEntryWriter writer) =>
        TryBegin(logger, level, header, out writer, out _);

    /// <summary>As <see cref="TryBegin(JsonLogger, LogLevel, ReadOnlySpan{byte}, out LogEntryWriter)"/>, with the status a method returning <see cref="DistricStatus"/> gives when no line is started.</summary>
    /// <param name="logger">Destination logger; null logs nothing.</param>
    /// <param name="level">The line's level.</param>
    /// <param name="header">Pre-encoded <c>,"level":...,"component":...,"message":...</c>.</param>
    /// <param name="writer">The started line, or a default writer that must not be used when the result is false.</param>
    /// <param name="skipped">When false is returned: <see cref="DistricStatus.InvalidArgument"/> for a null logger, <see cref="DistricStatus.Ok"/> for a disabled level.</param>
    /// <returns>True when a line was started.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryBegin(JsonLogger? logger, LogLevel level, ReadOnlySpan<byte> header, out LogEntryWriter writer, out DistricStatus skipped)
    {
        writer = default;
        if (logger is null)
        {
            skipped = DistricStatus.InvalidArgument;
            return false;
        }

        skipped = DistricStatus.Ok;
        if (!logger.IsEnabled(level))
        {
            return false;
        }

        writer = new LogEntryWriter(logger, header);
        writer.AppendActiveTraceContext();
        return true;
    }

    /// <summary>Starts a line: <c>{"timestamp":&lt;Unix ms&gt;</c> followed by <paramref name="header"/>.</summary>
    /// <param name="logger">Destination logger.</param>
    /// <param name="header">Pre-encoded <c>,"level":...,"component":...,"message":...</c> (see <c>LogFormat.HeaderSuffix</c>).</param>
    public LogEntryWriter(JsonLogger logger, ReadOnlySpan<byte> header)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        int size = logger.MaxEntryBytes;
        byte[]? buffer = t_scratch;
        t_scratch = null;
        if (buffer is null || buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, MinimumScratch)];
        }

        _buffer = buffer;
        _limit = size - 2; // room kept for the closing "}\n"
        _length = 0;
        _overflow = false;
        AppendRaw("{\"timestamp\":"u8);
        AppendFormatted(logger.NowUnixMilliseconds(), default);
        AppendRaw(header);
    }

    /// <summary>
    /// Appends <c>,"trace_id":"&lt;32 hex&gt;","span_id":"&lt;16 hex&gt;"</c> of <see cref="Tracer.ActiveSpan"/> when a span is
    /// active (recorded or not: its trace ID is what propagates), nothing otherwise. Called right after the fixed fields.
    /// Allocates nothing; in a process that never activated a span it reads one static flag.
    /// </summary>
    public void AppendActiveTraceContext()
    {
        if (!Tracer.AnySpanActivated)
        {
            return;
        }

        TraceContext context = Tracer.ActiveSpan.Context;
        if (!context.IsValid)
        {
            return;
        }

        // ,"trace_id":" (13) + 32 hex + ","span_id":" (13) + 16 hex + " (1)
        Span<char> chars = stackalloc char[TraceId.HexLength + SpanId.HexLength];
        context.TraceId.TryFormat(chars, out _);
        context.SpanId.TryFormat(chars[TraceId.HexLength..], out _);
        Span<byte> line = stackalloc byte[75];
        ",\"trace_id\":\""u8.CopyTo(line);
        System.Text.Encoding.ASCII.GetBytes(chars[..TraceId.HexLength], line[13..]);
        "\",\"span_id\":\""u8.CopyTo(line[45..]);
        System.Text.Encoding.ASCII.GetBytes(chars[TraceId.HexLength..], line[58..]);
        line[74] = (byte)'"';
        AppendRaw(line);
    }

    /// <summary>True once the line has outgrown the entry limit; <see cref="Commit"/> will drop it.</summary>
    public readonly bool IsOversized => _overflow;

    /// <summary>Appends pre-encoded UTF-8 JSON text as is.</summary>
    /// <param name="utf8Json">Valid JSON text (e.g. a compile-time encoded field prefix or enum name).</param>
    public void AppendRaw(scoped ReadOnlySpan<byte> utf8Json)
    {
        if (_overflow)
        {
            return;
        }

        if (!utf8Json.TryCopyTo(Free()))
        {
            _overflow = true;
            return;
        }

        _length += utf8Json.Length;
    }

    /// <summary>Appends <paramref name="fieldPrefix"/> then <paramref name="value"/> as an escaped JSON string (null → <c>null</c>).</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">Any text; lone surrogates become U+FFFD.</param>
    public void AppendString(scoped ReadOnlySpan<byte> fieldPrefix, string? value)
    {
        if (value is null)
        {
            AppendNull(fieldPrefix);
            return;
        }

        AppendRaw(fieldPrefix);
        AppendQuoted(value.AsSpan());
    }

    /// <summary>Appends <paramref name="fieldPrefix"/> then <paramref name="value"/> as an escaped JSON string.</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">Any text; lone surrogates become U+FFFD.</param>
    public void AppendString(scoped ReadOnlySpan<byte> fieldPrefix, scoped ReadOnlySpan<char> value)
    {
        AppendRaw(fieldPrefix);
        AppendQuoted(value);
    }

    /// <summary>Appends a one-character JSON string (a lone surrogate becomes U+FFFD).</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The character.</param>
    public void AppendChar(scoped ReadOnlySpan<byte> fieldPrefix, char value)
    {
        AppendRaw(fieldPrefix);
        AppendQuoted(new ReadOnlySpan<char>(in value));
    }

    /// <summary>Appends <c>true</c> or <c>false</c>.</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendBoolean(scoped ReadOnlySpan<byte> fieldPrefix, bool value)
    {
        AppendRaw(fieldPrefix);
        AppendRaw(value ? "true"u8 : "false"u8);
    }

    /// <summary>Appends <c>null</c>.</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    public void AppendNull(scoped ReadOnlySpan<byte> fieldPrefix)
    {
        AppendRaw(fieldPrefix);
        AppendRaw("null"u8);
    }

    /// <summary>Appends an integer or decimal as a JSON number (invariant culture, no exponent for integers).</summary>
    /// <typeparam name="T">Any integer type or <see cref="decimal"/>; constrained so no boxing happens.</typeparam>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendNumber<T>(scoped ReadOnlySpan<byte> fieldPrefix, T value)
        where T : struct, IUtf8SpanFormattable
    {
        AppendRaw(fieldPrefix);
        AppendFormatted(value, default);
    }

    /// <summary>Appends a number as a JSON string, e.g. an enum value that has no declared name.</summary>
    /// <typeparam name="T">An integer type.</typeparam>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendQuotedNumber<T>(scoped ReadOnlySpan<byte> fieldPrefix, T value)
        where T : struct, IUtf8SpanFormattable
    {
        AppendRaw(fieldPrefix);
        AppendRaw("\""u8);
        AppendFormatted(value, default);
        AppendRaw("\""u8);
    }

    /// <summary>
    /// Appends an enum value as its member name in a JSON string, or, for a value without a name of its own (a cast
    /// integer, a <c>[Flags]</c> combination), as its number in a string: what the generator writes with a
    /// compile-time <c>switch</c> for the enums it can see. Generated code calls this for a parameter whose type
    /// the generator could not see, such as an enum made by another source generator.
    /// </summary>
    /// <typeparam name="TEnum">The enum type; its names are encoded once, on first use (see <c>EnumJsonNames</c>).</typeparam>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendEnum<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(scoped ReadOnlySpan<byte> fieldPrefix, TEnum value)
        where TEnum : struct, Enum
    {
        ulong key = EnumJsonNames<TEnum>.ToKey(value);
        byte[]? name = EnumJsonNames<TEnum>.Find(key);
        if (name is not null)
        {
            AppendRaw(fieldPrefix);
            AppendRaw(name);
        }
        else if (EnumJsonNames<TEnum>.IsSigned)
        {
            AppendQuotedNumber(fieldPrefix, unchecked((long)key));
        }
        else
        {
            AppendQuotedNumber(fieldPrefix, key);
        }
    }

    /// <summary>
    /// Appends a double as the shortest round-trip JSON number; NaN and infinities, which JSON numbers cannot
    /// express, are written as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
    /// </summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendDouble(scoped ReadOnlySpan<byte> fieldPrefix, double value) => AppendFloatingPoint(fieldPrefix, value);

    /// <summary>Appends a float like <see cref="AppendDouble"/> (shortest round-trip text of the float itself).</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendSingle(scoped ReadOnlySpan<byte> fieldPrefix, float value) => AppendFloatingPoint(fieldPrefix, value);

    /// <summary>Appends a GUID as a JSON string in the <c>D</c> format (<c>"xxxxxxxx-xxxx-..."</c>).</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendGuid(scoped ReadOnlySpan<byte> fieldPrefix, Guid value) => AppendQuotedFormatted(fieldPrefix, value, "D");

    /// <summary>Appends an ISO 8601 round-trip string (<c>"O"</c> format, e.g. <c>"2024-01-01T00:00:00.0000000Z"</c>).</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendDateTime(scoped ReadOnlySpan<byte> fieldPrefix, DateTime value) => AppendQuotedFormatted(fieldPrefix, value, "O");

    /// <summary>Appends an ISO 8601 round-trip string with offset (<c>"O"</c> format).</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendDateTimeOffset(scoped ReadOnlySpan<byte> fieldPrefix, DateTimeOffset value) => AppendQuotedFormatted(fieldPrefix, value, "O");

    /// <summary>Appends a time span as a string in the invariant constant format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="value">The value.</param>
    public void AppendTimeSpan(scoped ReadOnlySpan<byte> fieldPrefix, TimeSpan value) => AppendQuotedFormatted(fieldPrefix, value, "c");

    /// <summary>
    /// Appends an exception as a nested object <c>{"type":...,"message":...,"stack_trace":...}</c>
    /// (<c>null</c> for a null exception). This error path may allocate (the runtime builds the stack trace text).
    /// </summary>
    /// <param name="fieldPrefix">Pre-encoded <c>,"name":</c>.</param>
    /// <param name="exception">The exception.</param>
    public void AppendException(scoped ReadOnlySpan<byte> fieldPrefix, Exception? exception)
    {
        if (exception is null)
        {
            AppendNull(fieldPrefix);
            return;
        }

        AppendRaw(fieldPrefix);
        AppendRaw("{"u8);
        AppendString("\"type\":"u8, exception.GetType().FullName);
        AppendString(",\"message\":"u8, exception.Message);
        AppendString(",\"stack_trace\":"u8, exception.StackTrace);
        AppendRaw("}"u8);
    }

    /// <summary>
    /// Closes the line and hands it to the logger. Call exactly once; the writer is unusable afterwards.
    /// </summary>
    /// <returns><see cref="DistricStatus.Ok"/>; <see cref="DistricStatus.BufferOverflow"/> when dropped (queue full or
    /// entry larger than <see cref="JsonLogger.MaxEntryBytes"/>); <see cref="DistricStatus.Shutdown"/> after dispose;
    /// <see cref="DistricStatus.IOFailure"/> when a synchronous write failed.</returns>
    public DistricStatus Commit()
    {
        byte[]? buffer = _buffer;
        if (buffer is null)
        {
            return DistricStatus.InvalidState;
        }

        _buffer = null;
        DistricStatus status;
        if (_overflow)
        {
            status = _logger.RecordOversized();
        }
        else
        {
            buffer[_length] = (byte)'}';
            buffer[_length + 1] = (byte)'\n';
            status = _logger.Accept(buffer.AsSpan(0, _length + 2));
        }

        t_scratch = buffer;
        return status;
    }

    private readonly Span<byte> Free() => _buffer.AsSpan(_length, _limit - _length);

    private void AppendQuoted(scoped ReadOnlySpan<char> value)
    {
        if (_overflow)
        {
            return;
        }

        if (!JsonUtf8.TryWriteQuoted(value, Free(), out int written))
        {
            _overflow = true;
            return;
        }

        _length += written;
    }

    private void AppendFloatingPoint<T>(scoped ReadOnlySpan<byte> fieldPrefix, T value)
        where T : struct, IUtf8SpanFormattable, IFloatingPointIeee754<T>
    {
        AppendRaw(fieldPrefix);
        if (T.IsFinite(value))
        {
            AppendFormatted(value, "R");
        }
        else
        {
            AppendRaw(T.IsNaN(value) ? "\"NaN\""u8 : T.IsPositive(value) ? "\"Infinity\""u8 : "\"-Infinity\""u8);
        }
    }

    private void AppendQuotedFormatted<T>(scoped ReadOnlySpan<byte> fieldPrefix, T value, string format)
        where T : struct, IUtf8SpanFormattable
    {
        AppendRaw(fieldPrefix);
        AppendRaw("\""u8);
        AppendFormatted(value, format);
        AppendRaw("\""u8);
    }

    private void AppendFormatted<T>(T value, scoped ReadOnlySpan<char> format)
        where T : struct, IUtf8SpanFormattable
    {
        if (_overflow)
        {
            return;
        }

        if (!value.TryFormat(Free(), out int written, format, CultureInfo.InvariantCulture))
        {
            _overflow = true;
            return;
        }

        _length += written;
    }

    private static byte[][] BuildLevelHeaders()
    {
        var headers = new byte[(int)LogLevel.Fatal + 1][];
        for (int level = 0; level < headers.Length; level++)
        {
            headers[level] = System.Text.Encoding.UTF8.GetBytes(",\"level\":" + LogFormat.Quote(LogFormat.LevelName(level)!) + ",\"component\":");
        }

        return headers;
    }
}
