using System;
using System.Collections.Generic;

namespace DistriC.Metrics.Interop;

/// <summary>
/// The tags one bridged family fills in when a measurement lacks them (<see cref="MeterBridgeOptions.FillMissingTag"/>),
/// e.g. <c>http.route</c> of a request that matched no route. Checking costs a scan of the measurement's few tags;
/// filling copies them into a per-thread buffer, so it allocates nothing once that buffer has grown to the widest tag set.
/// </summary>
internal sealed class TagFills
{
    /// <summary>No tag is filled in.</summary>
    public static readonly TagFills None = new(Array.Empty<KeyValuePair<string, object?>>());

    // Safe to share per thread: a family's Record runs nothing that records again on the same thread before Release.
    [ThreadStatic]
    private static KeyValuePair<string, object?>[]? t_buffer;

    private readonly KeyValuePair<string, object?>[] _fills;

    /// <param name="fills">The tag keys with the values recorded when they are missing.</param>
    public TagFills(KeyValuePair<string, object?>[] fills) => _fills = fills;

    /// <summary>Whether a tag to fill in is missing from <paramref name="tags"/> (absent, or with a null value).</summary>
    public bool Lacks(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (KeyValuePair<string, object?> fill in _fills)
        {
            if (!Carries(tags, fill.Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tags with a value, followed by the missing ones filled in; hand the result to <see cref="Release"/>.</summary>
    public Span<KeyValuePair<string, object?>> Fill(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        int needed = tags.Length + _fills.Length;
        KeyValuePair<string, object?>[] buffer = t_buffer is { } reused && reused.Length >= needed
            ? reused
            : t_buffer = new KeyValuePair<string, object?>[Math.Max(needed, 8)];
        int count = 0;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Value is not null)
            {
                buffer[count++] = tag;
            }
        }

        foreach (KeyValuePair<string, object?> fill in _fills)
        {
            if (!Carries(tags, fill.Key))
            {
                buffer[count++] = fill;
            }
        }

        return buffer.AsSpan(0, count);
    }

    /// <summary>Clears a span <see cref="Fill"/> returned, so the buffer does not keep the instrument's boxed values alive.</summary>
    public static void Release(Span<KeyValuePair<string, object?>> filled) => filled.Clear();

    private static bool Carries(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Value is not null && (ReferenceEquals(tag.Key, key) || string.Equals(tag.Key, key, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
