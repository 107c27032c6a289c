using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace DistriC.Metrics;

/// <summary>
/// Maps the string label values of a dynamic update to the flat index, without allocating.
/// Each dimension first compares references against its allowlist (callers usually pass the same
/// interned literals they registered, so this hits in a few nanoseconds), then falls back to a
/// frozen ordinal-string dictionary built at registration.
/// </summary>
internal sealed class LabelResolver
{
    /// <summary>Allowlists up to this size are scanned by reference before hashing.</summary>
    private const int ReferenceScanLimit = 8;
    private readonly string[][] _values;
    private readonly FrozenDictionary<string, int>[] _ordinals;
    private readonly int[] _strides;
    private readonly string _metricName;

    public LabelResolver(MetricLayout layout)
    {
        _metricName = layout.Name;
        _values = layout.LabelValues;
        _strides = layout.Strides;
        _ordinals = new FrozenDictionary<string, int>[_values.Length];
        for (int d = 0; d < _values.Length; d++)
        {
            var map = new Dictionary<string, int>(_values[d].Length, StringComparer.Ordinal);
            for (int v = 0; v < _values[d].Length; v++)
            {
                map[_values[d][v]] = v;
            }

            _ordinals[d] = map.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>Resolves <paramref name="labelValues"/> (one per label, in declaration order) to the flat index, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Resolve(ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != _values.Length)
        {
            return -1;
        }

        int index = 0;
        for (int d = 0; d < labelValues.Length; d++)
        {
            int ordinal = OrdinalOf(d, labelValues[d]);
            if (ordinal < 0)
            {
                return -1;
            }

            index += ordinal * _strides[d];
        }

        return index;
    }

    /// <summary>Like <see cref="Resolve"/>, for reads (not a hot path): an unknown series is a caller error.</summary>
    public int ResolveOrThrow(ReadOnlySpan<string> labelValues)
    {
        int index = Resolve(labelValues);
        return index >= 0 ? index : throw new ArgumentException($"The label values do not name a series of '{_metricName}'.", nameof(labelValues));
    }

    private int OrdinalOf(int dimension, string? value)
    {
        if (value is null)
        {
            return -1;
        }

        string[] allowed = _values[dimension];
        if (allowed.Length <= ReferenceScanLimit)
        {
            for (int v = 0; v < allowed.Length; v++)
            {
                if (ReferenceEquals(allowed[v], value))
                {
                    return v;
                }
            }
        }

        return _ordinals[dimension].TryGetValue(value, out int ordinal) ? ordinal : -1;
    }
}
