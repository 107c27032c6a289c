using System.Runtime.InteropServices;

namespace DistriC;

/// <summary>A long alone on its own cache line (128 bytes also covers adjacent-line prefetch), to avoid false sharing.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedLong
{
    [FieldOffset(64)]
    public long Value;
}
