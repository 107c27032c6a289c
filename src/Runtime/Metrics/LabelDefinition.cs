using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>
/// A label dimension for the dynamic registration API: the label name and its complete allowlist.
/// Every combination of allowed values gets its storage cell at registration; an update with a
/// value outside the allowlist is dropped and counted, so cardinality can never grow at run time.
/// </summary>
public sealed class LabelDefinition
{
    /// <summary>Creates a label dimension.</summary>
    /// <param name="key">The label name (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>, no <c>__</c> prefix).</param>
    /// <param name="allowedValues">Every value the label may take; must be non-empty and free of duplicates.
    /// The values are validated when the metric is registered: none at all is an unbounded label, rejected with
    /// <see cref="DistricStatus.HighCardinality"/>.</param>
    public LabelDefinition(string key, params string[] allowedValues)
    {
        Key = key;
        AllowedValues = allowedValues is null ? Array.Empty<string>() : (string[])allowedValues.Clone();
    }

    /// <summary>The label name.</summary>
    public string Key { get; }

    /// <summary>The allowed values, in the order given; a value's position is its ordinal in the flat index.</summary>
    public IReadOnlyList<string> AllowedValues { get; }
}
