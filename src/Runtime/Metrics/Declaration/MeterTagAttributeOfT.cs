using System;

namespace DistriC;

/// <summary>
/// A tag kept by a <see cref="MeterInstrumentAttribute">[MeterInstrument]</see> binding whose values are the members of
/// <typeparamref name="TEnum"/> (each exposed and matched as its <see cref="LabelValueAttribute"/> value, or its name);
/// the tag may carry the text or the enum value itself.
/// </summary>
/// <typeparam name="TEnum">The enum whose members are the tag's values.</typeparam>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MeterTagAttribute<TEnum> : Attribute
    where TEnum : struct, Enum
{
    /// <summary>Keeps a tag typed by <typeparamref name="TEnum"/>.</summary>
    /// <param name="key">The tag key as the instrument spells it.</param>
    public MeterTagAttribute(string key) => Key = key;

    /// <summary>The tag key.</summary>
    public string Key { get; }

    /// <summary>The label value of every other value (and of a measurement without the tag); null to drop such measurements.</summary>
    public string? CatchAll { get; set; }
}
