using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>
/// Declares a label of a <see cref="MetricAttribute">[Metric]</see> class with its complete inline
/// allowlist. The generator turns the allowlist into a nested enum named after the label in
/// PascalCase (<c>method</c> → <c>Method</c>), one member per value. Labels are ordered as declared.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LabelAttribute : Attribute
{
    /// <summary>Declares a label with an inline allowlist.</summary>
    /// <param name="name">Label name, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</param>
    /// <param name="values">Every value the label may take (1 to 128 characters each, no duplicates).</param>
    public LabelAttribute(string name, params string[] values)
    {
        Name = name;
        Values = values ?? Array.Empty<string>();
    }

    /// <summary>Label name.</summary>
    public string Name { get; }

    /// <summary>The allowlist, in ordinal order.</summary>
    public IReadOnlyList<string> Values { get; }
}
