using System;
using System.Globalization;

namespace DistriC;

/// <summary>
/// A key/value annotation on a span or span event, with a typed value: a string, a 64-bit integer, a double or a boolean
/// (<see cref="Type"/>). Typed values are stored unboxed, so tagging with a number allocates nothing.
/// </summary>
/// <remarks>
/// <see cref="Value"/> reads any tag as text (typed values formatted with the invariant culture, which allocates);
/// exporters that keep the types read <see cref="Type"/> and <see cref="LongValue"/>, <see cref="DoubleValue"/> or
/// <see cref="BoolValue"/> instead.
/// </remarks>
public readonly record struct SpanTag
{
    private readonly string? _text;
    private readonly long _bits;

    /// <summary>A string tag.</summary>
    /// <param name="Key">Tag key (non-empty, at most <see cref="TracerOptions.MaxTagKeyLength"/> characters).</param>
    /// <param name="Value">Tag value (at most <see cref="TracerOptions.MaxTagValueLength"/> characters); null is kept as null.</param>
    public SpanTag(string Key, string? Value)
    {
        this.Key = Key;
        _text = Value;
        Type = SpanTagType.String;
    }

    /// <summary>A 64-bit integer tag (e.g. <c>http.response.status_code</c>).</summary>
    /// <param name="key">Tag key.</param>
    /// <param name="value">The value.</param>
    public SpanTag(string key, long value)
    {
        Key = key;
        _bits = value;
        Type = SpanTagType.Long;
    }

    /// <summary>A double tag.</summary>
    /// <param name="key">Tag key.</param>
    /// <param name="value">The value.</param>
    public SpanTag(string key, double value)
    {
        Key = key;
        _bits = BitConverter.DoubleToInt64Bits(value);
        Type = SpanTagType.Double;
    }

    /// <summary>A boolean tag.</summary>
    /// <param name="key">Tag key.</param>
    /// <param name="value">The value.</param>
    public SpanTag(string key, bool value)
    {
        Key = key;
        _bits = value ? 1 : 0;
        Type = SpanTagType.Bool;
    }

    /// <summary>The tag key.</summary>
    public string Key { get; }

    /// <summary>The value's type.</summary>
    public SpanTagType Type { get; }

    /// <summary>
    /// The value as text: a string tag's value as it was given (null kept as null); a typed value formatted with the
    /// invariant culture (<c>42</c>, <c>0.5</c> round-trip, <c>true</c>/<c>false</c>), which allocates a string.
    /// </summary>
    public string? Value => Type switch
    {
        SpanTagType.String => _text,
        SpanTagType.Long => _bits.ToString(CultureInfo.InvariantCulture),
        SpanTagType.Double => DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        _ => _bits != 0 ? "true" : "false",
    };

    /// <summary>The value of a <see cref="SpanTagType.Long"/> tag (0 for other types).</summary>
    public long LongValue => Type == SpanTagType.Long ? _bits : 0;

    /// <summary>The value of a <see cref="SpanTagType.Double"/> tag (0 for other types).</summary>
    public double DoubleValue => Type == SpanTagType.Double ? BitConverter.Int64BitsToDouble(_bits) : 0;

    /// <summary>The value of a <see cref="SpanTagType.Bool"/> tag (false for other types).</summary>
    public bool BoolValue => Type == SpanTagType.Bool && _bits != 0;

    /// <summary>The length limits check a string tag's value only.</summary>
    internal string? StringValue => Type == SpanTagType.String ? _text : null;

    /// <summary>The typed value's bits (a long, a double's bits, 1 or 0), for caches that compare tags without formatting them.</summary>
    internal long RawBits => _bits;

    /// <summary>Deconstructs into the key and the value as text (see <see cref="Value"/>).</summary>
    /// <param name="Key">The key.</param>
    /// <param name="Value">The value as text.</param>
    public void Deconstruct(out string Key, out string? Value)
    {
        Key = this.Key;
        Value = this.Value;
    }
}
