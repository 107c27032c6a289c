using System;

namespace DistriC;

/// <summary>
/// The part of a span that crosses process boundaries: trace ID, span ID and the trace flags (sampled, random trace
/// ID), as carried by the W3C <c>traceparent</c> header
/// (<c>00-&lt;32 hex trace id&gt;-&lt;16 hex span id&gt;-&lt;2 hex flags&gt;</c>).
/// <see cref="Extract(ReadOnlySpan{char}, out TraceContext)"/> also reads the short legacy <c>&lt;32 hex&gt;-&lt;16 hex&gt;</c> form.
/// </summary>
/// <param name="TraceId">The trace the span belongs to.</param>
/// <param name="SpanId">The span's own ID (the parent ID for whoever continues the trace).</param>
/// <param name="IsSampled">The W3C sampled flag (trace-flags bit <c>01</c>): true when the span is recorded.</param>
public readonly partial record struct TraceContext(TraceId TraceId, SpanId SpanId, bool IsSampled)
{
    /// <summary>Length of a version-00 <c>traceparent</c> value.</summary>
    public const int TraceParentLength = 55;

    /// <summary>Length of the legacy <c>&lt;32 hex&gt;-&lt;16 hex&gt;</c> form.</summary>
    public const int LegacyLength = 49;

    private const byte SampledFlag = 0x01;
    private const byte RandomTraceIdFlag = 0x02;

    // OWS of RFC 7230 section 3.2.3 (RFC 9110 section 5.6.3): spaces and horizontal tabs. A field value never includes
    // the whitespace around it, and the W3C test suite sends " 00-...-01", "00-...-01\t" and expects them accepted.
    private const string OptionalWhitespace = " \t";

    /// <summary>
    /// The W3C Trace Context Level 2 random-trace-id flag (trace-flags bit <c>02</c>): true when at least the right-most
    /// 7 bytes of <see cref="TraceId"/> were generated randomly, so that systems downstream may sample or shard on them.
    /// </summary>
    /// <remarks>
    /// It describes the trace ID, not the span: <see cref="Extract(ReadOnlySpan{char}, out TraceContext)"/> reads it, <see cref="Inject"/> writes it, and the
    /// tracer sets it on the trace IDs it generates and keeps it unchanged on every span of a trace it continues (the
    /// spec requires it to be set, or unset, on every outgoing header with the same trace ID). False for a context made
    /// with the constructor; write <c>new TraceContext(TraceId.CreateRandom(), ...) { IsTraceIdRandom = true }</c> for
    /// an ID from <see cref="TraceId.CreateRandom"/>.
    /// </remarks>
    public bool IsTraceIdRandom { get; init; }

    /// <summary>
    /// The W3C <c>tracestate</c> header value that travels with the trace (vendor-specific <c>key=value</c> members), or
    /// null. Spans continuing a context keep it, and every <c>traceparent</c> sent for them carries it as
    /// <c>tracestate</c>. Only a value valid as W3C Trace Context Level 1 defines it is kept (see
    /// <see cref="IsValidTraceState"/>); an empty list is stored as null.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a value that is not a valid <c>tracestate</c>.</exception>
    public string? TraceState
    {
        get => _traceState;
        init
        {
            if (value is not null && !IsValidTraceState(value))
            {
                throw new ArgumentException("Not a valid W3C tracestate value.", nameof(value));
            }

            _traceState = string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }

    private readonly string? _traceState;

    /// <summary>A context of a trace already known: flags and an already validated trace state are copied, not re-checked.</summary>
    internal TraceContext(TraceId traceId, SpanId spanId, bool isSampled, bool isTraceIdRandom, string? validTraceState)
        : this(traceId, spanId, isSampled)
    {
        IsTraceIdRandom = isTraceIdRandom;
        _traceState = validTraceState;
    }

    /// <summary>
    /// True when <paramref name="traceState"/> is a valid W3C Trace Context Level 1 <c>tracestate</c> value: at most 32
    /// comma-separated <c>key=value</c> members (spaces and tabs around a member allowed, empty members allowed and not
    /// counted); keys of a lower-case letter followed by up to 255 of <c>a-z 0-9 _ - * /</c>, or <c>tenant@system</c>
    /// (tenant: up to 241 characters starting with a lower-case letter or digit, system: up to 14 starting with a
    /// lower-case letter), each key at most once; values of 1 to 256 printable ASCII characters other than <c>,</c> and
    /// <c>=</c>, not ending in a space.
    /// </summary>
    /// <param name="traceState">The header value.</param>
    /// <returns>Whether the whole value is valid (an invalid one is dropped whole, never partly kept).</returns>
    public static bool IsValidTraceState(ReadOnlySpan<char> traceState) => DistriC.TraceState.IsValid(traceState);

    /// <summary>
    /// Parses a <c>traceparent</c> value as <see cref="Extract(ReadOnlySpan{char}, out TraceContext)"/> does, and the
    /// <c>tracestate</c> that came with it: kept in <see cref="TraceState"/> when valid, dropped whole when not (the
    /// <c>traceparent</c> still counts), ignored when the <c>traceparent</c> is rejected.
    /// </summary>
    /// <param name="traceParent">The <c>traceparent</c> header value.</param>
    /// <param name="traceState">The <c>tracestate</c> header value (several header lines joined with commas), or empty.</param>
    /// <param name="context">The parsed context, or default.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidFormat"/> (of the <c>traceparent</c>).</returns>
    public static DistricStatus Extract(ReadOnlySpan<char> traceParent, ReadOnlySpan<char> traceState, out TraceContext context)
    {
        DistricStatus status = Extract(traceParent, out context);
        ReadOnlySpan<char> trimmed = traceState.Trim(OptionalWhitespace);
        if (status == DistricStatus.Ok && !trimmed.IsEmpty && DistriC.TraceState.IsValid(trimmed))
        {
            context = context with { TraceState = trimmed.ToString() };
        }

        return status;
    }

    /// <summary>True when both IDs are non-zero; the default value is invalid and means "no parent".</summary>
    public bool IsValid => TraceId.IsValid && SpanId.IsValid;

    /// <summary>The trace-flags byte this context propagates: the sampled and random-trace-id bits, nothing else.</summary>
    internal byte TraceFlags => (byte)((IsSampled ? SampledFlag : 0) | (IsTraceIdRandom ? RandomTraceIdFlag : 0));

    /// <summary>
    /// Writes the version-00 <c>traceparent</c> value (55 characters) into <paramref name="destination"/>. The flags
    /// are <c>01</c> for sampled and <c>02</c> for a random trace ID (so <c>00</c>, <c>01</c>, <c>02</c> or <c>03</c>).
    /// </summary>
    /// <param name="destination">Destination of at least <see cref="TraceParentLength"/> characters.</param>
    /// <param name="charsWritten">55 on success, otherwise 0.</param>
    /// <returns>
    /// <see cref="DistricStatus.Ok"/>; <see cref="DistricStatus.BufferOverflow"/> when the destination is too small;
    /// <see cref="DistricStatus.InvalidState"/> for an invalid (default) context, which has nothing to propagate.
    /// </returns>
    public DistricStatus Inject(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (!IsValid)
        {
            return DistricStatus.InvalidState;
        }

        if (destination.Length < TraceParentLength)
        {
            return DistricStatus.BufferOverflow;
        }

        destination[0] = '0';
        destination[1] = '0';
        destination[2] = '-';
        TraceId.TryFormat(destination[3..], out _);
        destination[35] = '-';
        SpanId.TryFormat(destination[36..], out _);
        destination[52] = '-';
        destination[53] = '0';
        destination[54] = (char)('0' + TraceFlags); // only the two low bits can be set
        charsWritten = TraceParentLength;
        return DistricStatus.Ok;
    }

    /// <summary>
    /// Parses a <c>traceparent</c> header value. Spaces and horizontal tabs around the value are ignored (optional
    /// whitespace of HTTP); whitespace inside it is not. Accepts W3C version 00 (exactly 55 characters), later versions
    /// (the first four fields, then only a <c>-</c> may follow), and the legacy <c>&lt;32 hex&gt;-&lt;16 hex&gt;</c>
    /// form (read as sampled, trace ID not known to be random). Rejects wrong lengths, non-hex or upper-case W3C
    /// digits, all-zero IDs, version <c>ff</c> and trailing garbage. Of the trace flags only sampled (<c>01</c>) and
    /// random trace ID (<c>02</c>) are kept; other bits are dropped. Never throws; on rejection
    /// <paramref name="context"/> is the default value.
    /// </summary>
    /// <param name="header">The header value, with or without surrounding spaces and tabs.</param>
    /// <param name="context">The parsed context, or default.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidFormat"/>.</returns>
    public static DistricStatus Extract(ReadOnlySpan<char> header, out TraceContext context)
    {
        context = default;
        header = header.Trim(OptionalWhitespace);
        if (header.Length == LegacyLength)
        {
            return ExtractLegacy(header, out context);
        }

        if (header.Length < TraceParentLength
            || header[2] != '-' || header[35] != '-' || header[52] != '-'
            || !HexCodec.TryRead8(header[..2], out byte version)
            || version == 0xFF
            || (version == 0 && header.Length != TraceParentLength)
            || (header.Length > TraceParentLength && header[TraceParentLength] != '-')
            || !HexCodec.TryRead8(header.Slice(53, 2), out byte flags)
            || TraceId.Parse(header.Slice(3, 32), allowUpper: false, out TraceId traceId) != DistricStatus.Ok
            || SpanId.Parse(header.Slice(36, 16), allowUpper: false, out SpanId spanId) != DistricStatus.Ok)
        {
            return DistricStatus.InvalidFormat;
        }

        // Only the flags this implementation knows are kept. Level 2 defines bits 01 (sampled) and 02 (random trace
        // ID) and says of the others "reserved for future use. Vendors MUST set those to zero", so an unknown bit is
        // neither interpreted nor passed on in what Inject writes. The random bit is read from later versions too:
        // they are additive to version 00, and the flag must stay on every outgoing header with this trace ID.
        context = new TraceContext(traceId, spanId, (flags & SampledFlag) != 0)
        {
            IsTraceIdRandom = (flags & RandomTraceIdFlag) != 0,
        };
        return DistricStatus.Ok;
    }

    private static DistricStatus ExtractLegacy(ReadOnlySpan<char> header, out TraceContext context)
    {
        context = default;
        if (header[32] != '-'
            || TraceId.Parse(header[..32], allowUpper: true, out TraceId traceId) != DistricStatus.Ok
            || SpanId.Parse(header[33..], allowUpper: true, out SpanId spanId) != DistricStatus.Ok)
        {
            return DistricStatus.InvalidFormat;
        }

        // The legacy form carries no flags, and the seed made its trace IDs from a counter (through xorshift), so the
        // ID is not known to be random.
        context = new TraceContext(traceId, spanId, IsSampled: true);
        return DistricStatus.Ok;
    }

    /// <summary>The version-00 <c>traceparent</c> value, or an empty string for an invalid context.</summary>
    /// <returns>The header value.</returns>
    public override string ToString() =>
        IsValid ? string.Create(TraceParentLength, this, static (chars, ctx) => ctx.Inject(chars, out _)) : string.Empty;
}
