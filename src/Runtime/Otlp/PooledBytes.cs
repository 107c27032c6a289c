using System;
using System.Buffers;

namespace DistriC.Otlp;

/// <summary>The growth and release of the pooled arrays behind the exporters' output buffers (protobuf and JSON).</summary>
internal static class PooledBytes
{
    /// <summary>
    /// A pooled array at least twice as large as <paramref name="buffer"/> with room for <paramref name="needed"/> more
    /// bytes after <paramref name="used"/>, holding the used bytes; <paramref name="buffer"/> goes back to the pool.
    /// </summary>
    public static byte[] Grow(byte[] buffer, int used, int needed)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, used + needed));
        buffer.AsSpan(0, used).CopyTo(larger);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return larger;
    }

    /// <summary>Returns the array to the pool (once) and leaves an empty one in its place.</summary>
    public static void Return(ref byte[] buffer)
    {
        byte[] returned = buffer;
        buffer = [];
        if (returned.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(returned);
        }
    }
}
