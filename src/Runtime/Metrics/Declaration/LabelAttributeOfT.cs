using System;

namespace DistriC;

/// <summary>
/// Declares a label of a <see cref="MetricAttribute">[Metric]</see> class whose allowlist is the
/// members of <typeparamref name="TEnum"/>: each member is exposed as its
/// <see cref="LabelValueAttribute"/> value, or its name when it has none. The enum must not be
/// <c>[Flags]</c> and its members must have distinct values. Labels are ordered as declared.
/// </summary>
/// <typeparam name="TEnum">The enum whose members are the label's values.</typeparam>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LabelAttribute<TEnum> : Attribute
    where TEnum : struct, Enum
{
    /// <summary>Declares a label typed by <typeparamref name="TEnum"/>.</summary>
    /// <param name="name">Label name, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</param>
    public LabelAttribute(string name) => Name = name;

    /// <summary>Label name.</summary>
    public string Name { get; }
}
