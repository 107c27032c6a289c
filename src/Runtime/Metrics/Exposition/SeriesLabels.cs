using System;
using System.Collections.Generic;
using System.Text;

namespace DistriC.Exposition;

/// <summary>
/// The label part of every series of a family (<c>method="GET",status="2xx"</c>), escaped and
/// UTF-8 encoded once at registration and stored back to back, in flat-index order, so a scrape
/// copies bytes instead of formatting strings.
/// </summary>
internal sealed class SeriesLabels
{
    private readonly byte[] _bytes;
    private readonly int[] _starts;

    public SeriesLabels(IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<string>> values, int cardinality)
    {
        _starts = new int[cardinality + 1];
        if (names.Count == 0)
        {
            _bytes = Array.Empty<byte>();
            return;
        }

        // Encode each name="value" pair once; a series is the pairs of its ordinals joined by commas.
        var pairs = new byte[names.Count][][];
        for (int d = 0; d < names.Count; d++)
        {
            pairs[d] = new byte[values[d].Count][];
            for (int v = 0; v < values[d].Count; v++)
            {
                pairs[d][v] = Encoding.UTF8.GetBytes(names[d] + "=\"" + TextEscaping.EscapeLabelValue(values[d][v]) + "\"");
            }
        }

        var buffer = new List<byte>(cardinality * 16 * names.Count);
        var ordinals = new int[names.Count];
        for (int series = 0; series < cardinality; series++)
        {
            _starts[series] = buffer.Count;
            for (int d = 0; d < names.Count; d++)
            {
                if (d > 0)
                {
                    buffer.Add((byte)',');
                }

                buffer.AddRange(pairs[d][ordinals[d]]);
            }

            // Advance the ordinals like an odometer: the last label varies fastest (row-major strides).
            for (int d = names.Count - 1; d >= 0; d--)
            {
                if (++ordinals[d] < values[d].Count)
                {
                    break;
                }

                ordinals[d] = 0;
            }
        }

        _starts[cardinality] = buffer.Count;
        _bytes = buffer.ToArray();
    }

    /// <summary>The encoded labels of series <paramref name="index"/>, without braces; empty for an unlabelled family.</summary>
    public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);
}
