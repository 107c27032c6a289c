namespace DistriC;

/// <summary>A key/value annotation on a span.</summary>
/// <param name="Key">Tag key (non-empty, at most <see cref="TracerOptions.MaxTagKeyLength"/> characters).</param>
/// <param name="Value">Tag value (at most <see cref="TracerOptions.MaxTagValueLength"/> characters); null is kept as null.</param>
public readonly record struct SpanTag(string Key, string? Value);
