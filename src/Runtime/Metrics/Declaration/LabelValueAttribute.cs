using System;

namespace DistriC;

/// <summary>
/// Gives an enum member used as a label value (see <see cref="LabelAttribute{TEnum}"/>) the exact
/// text exposed for it, e.g. <c>[LabelValue("2xx")] Success</c>. Generated label enums carry it too.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class LabelValueAttribute : Attribute
{
    /// <summary>Sets the exposed value.</summary>
    /// <param name="value">Exposed label value, 1 to 128 characters.</param>
    public LabelValueAttribute(string value) => Value = value;

    /// <summary>Exposed label value.</summary>
    public string Value { get; }
}
