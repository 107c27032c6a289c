using System;
using System.Runtime.InteropServices;

namespace DistriC.Infrastructure;

/// <summary>
/// Allocates arrays whose usable part starts on a 64-byte boundary, so that a cell placed every
/// <see cref="ElementsPerLine"/> elements owns its cache line and threads updating different
/// series never false-share. The arrays live on the pinned object heap: metric storage is
/// allocated once at registration and lives as long as the registry, so pinning costs nothing
/// and lets us compute the alignment once.
/// </summary>
internal static class CacheLineArray
{
    public const int LineBytes = 64;

    /// <summary>8-byte elements (long/double) per cache line.</summary>
    public const int ElementsPerLine = LineBytes / sizeof(long);

    /// <summary>Allocates room for <paramref name="elements"/> 8-byte elements starting at a cache-line boundary.</summary>
    /// <param name="elements">Usable elements needed.</param>
    /// <param name="offset">Index of the first usable, 64-byte aligned element.</param>
    public static T[] Allocate<T>(int elements, out int offset)
        where T : unmanaged
    {
        T[] array = GC.AllocateArray<T>(elements + ElementsPerLine, pinned: true);
        GCHandle handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        long address;
        try
        {
            address = handle.AddrOfPinnedObject().ToInt64();
        }
        finally
        {
            handle.Free();
        }

        int misalignment = (int)(address & (LineBytes - 1));
        offset = misalignment == 0 ? 0 : (LineBytes - misalignment) / sizeof(long);
        return array;
    }

    /// <summary>Rounds <paramref name="elements"/> up to whole cache lines.</summary>
    public static int RoundUpToLine(int elements) => (elements + ElementsPerLine - 1) / ElementsPerLine * ElementsPerLine;
}
