using System;
using System.Collections.Generic;
using System.Text;

namespace DistriC.Exposition;

/// <summary>
/// The UTF-8 fragments one text format writes for one family, encoded once at registration by that
/// format's writer, so a scrape copies bytes and formats only numbers.
/// </summary>
internal sealed class TextFamily
{
    /// <param name="metadata">The family's <c># TYPE</c>/<c># HELP</c>/<c># UNIT</c> lines, each ending in a line feed.</param>
    /// <param name="valueName">The sample name of a counter or gauge series.</param>
    /// <param name="name">The registered metric name, the stem of the histogram sample names.</param>
    /// <param name="buckets">The histogram's finite upper bounds (empty for counters and gauges).</param>
    /// <param name="createdName">The <c>_created</c> sample name, or null when the format writes none for the family.</param>
    /// <param name="createdUnixSeconds">The creation time that sample carries.</param>
    /// <param name="writesExemplars">The format writes the family's exemplars.</param>
    public TextFamily(string metadata, string valueName, string name, IReadOnlyList<double> buckets, string? createdName = null, double createdUnixSeconds = 0, bool writesExemplars = false)
    {
        Metadata = Encoding.UTF8.GetBytes(metadata);
        ValueName = Encoding.UTF8.GetBytes(valueName);
        CreatedName = createdName is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(createdName);
        CreatedUnixSeconds = createdUnixSeconds;
        CreatedValue = createdName is null ? Array.Empty<byte>() : EncodeNumber(createdUnixSeconds);
        WritesExemplars = writesExemplars;
        if (buckets.Count == 0)
        {
            // Counters and gauges never write these; share empty fragments instead of encoding unused names.
            BucketName = CountName = SumName = Array.Empty<byte>();
            BucketLabels = Array.Empty<byte[]>();
            return;
        }

        BucketName = Encoding.UTF8.GetBytes(name + "_bucket");
        CountName = Encoding.UTF8.GetBytes(name + "_count");
        SumName = Encoding.UTF8.GetBytes(name + "_sum");
        BucketLabels = new byte[buckets.Count + 1][];
        Span<byte> number = stackalloc byte[32];
        for (int b = 0; b <= buckets.Count; b++)
        {
            double bound = b < buckets.Count ? buckets[b] : double.PositiveInfinity;
            int n = ExpositionWriter.FormatDouble(bound, number);
            BucketLabels[b] = Encoding.UTF8.GetBytes("le=\"" + Encoding.UTF8.GetString(number[..n]) + "\"");
        }
    }

    public byte[] Metadata { get; }

    /// <summary><c>name_created</c>; empty when the format writes no <c>_created</c> sample for the family.</summary>
    public byte[] CreatedName { get; }

    public double CreatedUnixSeconds { get; }

    /// <summary>
    /// <see cref="CreatedUnixSeconds"/> as text, encoded once: every series of the family writes the same value, and the
    /// shortest round-trip form of a fractional Unix time costs more to format than the rest of its sample line.
    /// </summary>
    public byte[] CreatedValue { get; }

    public bool WritesExemplars { get; }

    public byte[] ValueName { get; }

    public byte[] BucketName { get; }

    public byte[] CountName { get; }

    public byte[] SumName { get; }

    /// <summary><c>le="0.005"</c> … <c>le="+Inf"</c>, one per bucket.</summary>
    public byte[][] BucketLabels { get; }

    private static byte[] EncodeNumber(double value)
    {
        Span<byte> text = stackalloc byte[32];
        return text[..ExpositionWriter.FormatDouble(value, text)].ToArray();
    }
}
