using System;

namespace DistriC;

/// <summary>
/// The part of a span that crosses process boundaries: trace ID, span ID and the sampled flag, as carried by
/// the W3C <c>traceparent</c> header (<c>00-&lt;32 hex trace id&gt;-&lt;16 hex span id&gt;-&lt;2 hex flags&gt;</c>).
/// <see cref="Extract"/> also reads the seed library's <c>&lt;32 hex&gt;-&lt;16 hex&gt;</c> form.
/// </summary>
/// <param name="TraceId">The trace the span belongs to.</param>
/// <param name="SpanId">The span's own ID (the parent ID for whoever continues the trace).</param>
/// <param name="IsSampled">The W3C sampled flag: true when the span is recorded.</param>
public readonly record struct TraceContext(TraceId TraceId, SpanId SpanId, bool IsSampled)
{
    /// <summary>Length of a version-00 <c>traceparent</c> value.</summary>
    public const int TraceParentLength = 55;

    /// <summary>Length of the seed's legacy <c>&lt;32 hex&gt;-&lt;16 hex&gt;</c> form.</summary>
    public const int LegacyLength = 49;

    /// <summary>True when both IDs are non-zero; the default value is invalid and means "no parent".</summary>
    public bool IsValid => TraceId.IsValid && SpanId.IsValid;

    /// <summary>Writes the version-00 <c>traceparent</c> value (55 characters) into <paramref name="destination"/>.</summary>
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
        destination[54] = IsSampled ? '1' : '0';
        charsWritten = TraceParentLength;
        return DistricStatus.Ok;
    }

    /// <summary>
    /// Parses a <c>traceparent</c> header value. Accepts W3C version 00 (exactly 55 characters), later versions
    /// (the first four fields, then only a <c>-</c> may follow), and the seed's <c>&lt;32 hex&gt;-&lt;16 hex&gt;</c>
    /// form (read as sampled). Rejects wrong lengths, non-hex or upper-case W3C digits, all-zero IDs, version
    /// <c>ff</c> and trailing garbage. Never throws; on rejection <paramref name="context"/> is the default value.
    /// </summary>
    /// <param name="header">The header value, without surrounding whitespace.</param>
    /// <param name="context">The parsed context, or default.</param>
    /// <returns><see cref="DistricStatus.Ok"/> or <see cref="DistricStatus.InvalidFormat"/>.</returns>
    public static DistricStatus Extract(ReadOnlySpan<char> header, out TraceContext context)
    {
        context = default;
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

        context = new TraceContext(traceId, spanId, (flags & 1) != 0);
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

        context = new TraceContext(traceId, spanId, IsSampled: true);
        return DistricStatus.Ok;
    }

    /// <summary>The version-00 <c>traceparent</c> value, or an empty string for an invalid context.</summary>
    /// <returns>The header value.</returns>
    public override string ToString() =>
        IsValid ? string.Create(TraceParentLength, this, static (chars, ctx) => ctx.Inject(chars, out _)) : string.Empty;
}
