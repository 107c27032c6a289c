using System;

namespace DistriC.Exposition;

/// <summary>
/// The OpenMetrics exemplar after a sample's value: <c> # {trace_id="&lt;32 hex&gt;",span_id="&lt;16 hex&gt;"} value timestamp</c>.
/// Its label set is 63 characters, within the 128 the specification allows.
/// </summary>
internal static class ExemplarText
{
    /// <summary>Room for the longest exemplar: the fixed text, both IDs and two numbers.</summary>
    public const int MaxBytes = 96 + (2 * 32);

    private static ReadOnlySpan<byte> Start => " # {trace_id=\""u8;

    private static ReadOnlySpan<byte> SpanLabel => "\",span_id=\""u8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes the exemplar of <paramref name="exemplar"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(in MetricExemplar exemplar, Span<byte> destination)
    {
        Start.CopyTo(destination);
        int pos = Start.Length;
        WriteHex(exemplar.TraceId.High, destination[pos..]);
        WriteHex(exemplar.TraceId.Low, destination[(pos + 16)..]);
        pos += 32;
        SpanLabel.CopyTo(destination[pos..]);
        pos += SpanLabel.Length;
        WriteHex(exemplar.SpanId.Value, destination[pos..]);
        pos += 16;
        destination[pos++] = (byte)'"';
        destination[pos++] = (byte)'}';
        destination[pos++] = (byte)' ';
        pos += ExpositionWriter.FormatDouble(exemplar.Value, destination[pos..]);
        destination[pos++] = (byte)' ';
        pos += ExpositionWriter.FormatDouble(exemplar.UnixSeconds, destination[pos..]);
        return pos;
    }

    private static void WriteHex(ulong value, Span<byte> destination)
    {
        for (int i = 15; i >= 0; i--)
        {
            destination[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
