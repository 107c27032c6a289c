using System;
using System.Collections.Generic;

namespace DistriC;

/// <summary>
/// A tag kept by a <see cref="MeterInstrumentAttribute">[MeterInstrument]</see> binding, with every value it may take;
/// exposed as the label named by the OpenTelemetry-to-Prometheus translation of its key (<c>payment.method</c> →
/// <c>payment_method</c>). Tags are ordered as declared.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MeterTagAttribute : Attribute
{
    /// <summary>Keeps a tag with an inline list of values.</summary>
    /// <param name="key">The tag key as the instrument spells it, e.g. <c>http.request.method</c>.</param>
    /// <param name="values">Every value kept (a string tag's text; a numeric or boolean tag's invariant text, e.g. <c>200</c>, <c>true</c>).</param>
    public MeterTagAttribute(string key, params string[] values)
    {
        Key = key;
        Values = values ?? Array.Empty<string>();
    }

    /// <summary>The tag key.</summary>
    public string Key { get; }

    /// <summary>The values kept, in ordinal order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// The label value of every other value (and of a measurement without the tag), e.g. <c>_OTHER</c>; null to drop such
    /// measurements (counted in <c>distric_internal_metric_updates_dropped_total{reason="invalid_label"}</c>).
    /// </summary>
    public string? CatchAll { get; set; }
}
