using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;

namespace DistriC.Logging;

/// <summary>
/// Bounded lock-free multi-producer / single-consumer queue of variable-length byte records in one
/// contiguous ring, so memory is <c>capacity</c> bytes however long the entries are (no slot reserves
/// the maximum entry size, unlike the seed's 8192 × 4 KiB slot array).
/// </summary>
/// <remarks>
/// <para>Record layout: an 8-byte header word then the payload padded to 8 bytes. Header 0 = not yet
/// committed (or free), a positive value = committed payload length, -1 = padding to the end of the ring
/// (a record never wraps). Invariant: every byte of free space is zero, so a stale payload can never be
/// mistaken for a header; the consumer zeroes what it consumed before publishing the new tail.</para>
/// <para>Producers reserve space with one CAS on <c>head</c> (failing fast when the ring is full), copy,
/// then publish the header with a full fence. The consumer reads headers in order and waits for a
/// reserved-but-uncommitted record only while its producer finishes a memory copy.</para>
/// <para><see cref="Close"/> sets the sign bit of <c>head</c>: reservations fail from then on, so the set of
/// accepted records is final and the consumer can drain it completely.</para>
/// </remarks>
internal sealed class LogRing
{
    private const long PaddingHeader = -1;
    private const long ClosedBit = long.MinValue;

    private readonly long[] _words;
    private readonly int _capacity;
    private readonly int _mask;
    private PaddedLong _head;
    private PaddedLong _tail;

    /// <summary>Creates a ring of <paramref name="capacityBytes"/> bytes (a power of two, at least 64).</summary>
    public LogRing(int capacityBytes)
    {
        if (capacityBytes < 64 || !BitOperations.IsPow2(capacityBytes))
        {
            throw new ArgumentOutOfRangeException(nameof(capacityBytes));
        }

        _words = new long[capacityBytes / sizeof(long)];
        _capacity = capacityBytes;
        _mask = capacityBytes - 1;
    }

    /// <summary>Ring size in bytes.</summary>
    public int Capacity => _capacity;

    /// <summary>Largest payload that can always be enqueued into an empty ring (records never wrap).</summary>
    public static int MaxPayloadFor(int capacityBytes) => (capacityBytes / 2) - sizeof(long);

    /// <summary>Bytes reserved by producers and not yet consumed.</summary>
    public long UsedBytes => (Volatile.Read(ref _head.Value) & ~ClosedBit) - Volatile.Read(ref _tail.Value);

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => Volatile.Read(ref _head.Value) < 0;

    private Span<byte> Bytes => MemoryMarshal.AsBytes(_words.AsSpan());

    /// <summary>Copies <paramref name="payload"/> into the ring.</summary>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.BufferOverflow"/> (full) or <see cref="DistricStatus.Shutdown"/> (closed).</returns>
    public DistricStatus TryWrite(ReadOnlySpan<byte> payload)
    {
        int recordSize = RecordSize(payload.Length);
        long head;
        int offset;
        long need;
        while (true)
        {
            head = Volatile.Read(ref _head.Value);
            if (head < 0)
            {
                return DistricStatus.Shutdown;
            }

            long tail = Volatile.Read(ref _tail.Value);
            offset = (int)(head & _mask);
            int toEnd = _capacity - offset;
            need = recordSize <= toEnd ? recordSize : toEnd + recordSize;
            if (head + need - tail > _capacity)
            {
                return DistricStatus.BufferOverflow;
            }

            if (Interlocked.CompareExchange(ref _head.Value, head + need, head) == head)
            {
                break;
            }
        }

        if (need != recordSize)
        {
            Volatile.Write(ref _words[offset >> 3], PaddingHeader);
            offset = 0;
        }

        payload.CopyTo(Bytes.Slice(offset + sizeof(long), payload.Length));
        // Full fence: publishes the payload and orders this store before the caller's check of the
        // consumer's "parked" flag (the other half of that handshake is in the consumer).
        Interlocked.Exchange(ref _words[offset >> 3], payload.Length);
        return DistricStatus.Ok;
    }

    /// <summary>Refuses further writes; already reserved records stay and will be drained.</summary>
    public void Close()
    {
        long head = Volatile.Read(ref _head.Value);
        while (head >= 0)
        {
            long seen = Interlocked.CompareExchange(ref _head.Value, head | ClosedBit, head);
            if (seen == head)
            {
                return;
            }

            head = seen;
        }
    }

    /// <summary>
    /// Consumer only: copies committed records, in order, into <paramref name="destination"/> until it is
    /// full, the ring is empty or the next record is still being written.
    /// </summary>
    /// <param name="destination">Staging buffer; must hold at least one maximum-size payload.</param>
    /// <param name="bytes">Bytes copied.</param>
    /// <param name="records">Records copied.</param>
    /// <returns>True when a reserved record is still uncommitted (its producer is mid-copy).</returns>
    public bool Drain(Span<byte> destination, out int bytes, out int records)
    {
        bytes = 0;
        records = 0;
        long tail = _tail.Value;
        long head = Volatile.Read(ref _head.Value) & ~ClosedBit;
        bool pending = false;
        Span<byte> ring = Bytes;
        while (tail != head)
        {
            int offset = (int)(tail & _mask);
            long header = Volatile.Read(ref _words[offset >> 3]);
            if (header == 0)
            {
                pending = true;
                break;
            }

            if (header == PaddingHeader)
            {
                _words[offset >> 3] = 0;
                tail += _capacity - offset;
                continue;
            }

            int length = (int)header;
            if (length > destination.Length - bytes)
            {
                break;
            }

            int recordSize = RecordSize(length);
            ring.Slice(offset + sizeof(long), length).CopyTo(destination[bytes..]);
            ring.Slice(offset, recordSize).Clear();
            bytes += length;
            records++;
            tail += recordSize;
        }

        Volatile.Write(ref _tail.Value, tail);
        return pending;
    }

    /// <summary>True when at least one reserved record has not been consumed yet.</summary>
    public bool HasData => UsedBytes != 0;

    private static int RecordSize(int payloadLength) => sizeof(long) + ((payloadLength + 7) & ~7);

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedLong
    {
        // Own cache line(s) (with the adjacent-line prefetcher in mind): head is hammered by producers,
        // tail by the consumer.
        [FieldOffset(64)]
        public long Value;
    }
}
