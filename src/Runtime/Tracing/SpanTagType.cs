namespace DistriC;

#pragma warning disable CA1720 // The members are named after the C# types SetTag takes, which is what a reader looks for.

/// <summary>The type of a <see cref="SpanTag"/>'s value; OTLP sends each as its own attribute type.</summary>
public enum SpanTagType : byte
{
    /// <summary>A string (possibly null): <see cref="SpanTag.Value"/>. OTLP <c>string_value</c>.</summary>
    String,
    /// <summary>A 64-bit integer: <see cref="SpanTag.LongValue"/>. OTLP <c>int_value</c>.</summary>
    Long,
    /// <summary>A double: <see cref="SpanTag.DoubleValue"/>. OTLP <c>double_value</c>.</summary>
    Double,
    /// <summary>A boolean: <see cref="SpanTag.BoolValue"/>. OTLP <c>bool_value</c>.</summary>
    Bool,
}
