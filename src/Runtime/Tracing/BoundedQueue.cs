using System.Threading;

namespace DistriC;

/// <summary>
/// Bounded multi-producer multi-consumer queue of references (Dmitry Vyukov's array queue): one CAS per
/// operation, no locks, no allocation after construction, and a full queue fails fast instead of waiting.
/// Used for the export queue (producers: finishing threads; consumer: the export thread) and for the pool of
/// span records (the other way round).
/// </summary>
internal sealed class BoundedQueue<T>
    where T : class
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private PaddedLong _enqueuePosition;
    private PaddedLong _dequeuePosition;

    /// <param name="capacity">A power of two.</param>
    public BoundedQueue(int capacity)
    {
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < capacity; i++)
        {
            _slots[i].Sequence = i;
        }
    }

    public int Capacity => _slots.Length;

    /// <summary>Items enqueued and not yet dequeued (exact when no operation is in flight).</summary>
    public int Count
    {
        get
        {
            long dequeued = Volatile.Read(ref _dequeuePosition.Value);
            long enqueued = Volatile.Read(ref _enqueuePosition.Value);
            long count = enqueued - dequeued;
            return count <= 0 ? 0 : count >= _slots.Length ? _slots.Length : (int)count;
        }
    }

    /// <summary>Adds <paramref name="item"/>; false when the queue is full.</summary>
    /// <param name="item">The item.</param>
    /// <param name="position">The item's sequence number (0, 1, 2, ...), for callers that act every N items.</param>
    public bool TryEnqueue(T item, out long position)
    {
        long pos = Volatile.Read(ref _enqueuePosition.Value);
        while (true)
        {
            ref Slot slot = ref _slots[pos & _mask];
            long diff = Volatile.Read(ref slot.Sequence) - pos;
            if (diff == 0)
            {
                long seen = Interlocked.CompareExchange(ref _enqueuePosition.Value, pos + 1, pos);
                if (seen == pos)
                {
                    slot.Item = item;
                    Volatile.Write(ref slot.Sequence, pos + 1);
                    position = pos;
                    return true;
                }

                pos = seen;
            }
            else if (diff < 0)
            {
                position = pos;
                return false;
            }
            else
            {
                pos = Volatile.Read(ref _enqueuePosition.Value);
            }
        }
    }

    /// <summary>Removes the oldest item; false when the queue is empty (or the oldest is still being written).</summary>
    public bool TryDequeue(out T? item)
    {
        long pos = Volatile.Read(ref _dequeuePosition.Value);
        while (true)
        {
            ref Slot slot = ref _slots[pos & _mask];
            long diff = Volatile.Read(ref slot.Sequence) - (pos + 1);
            if (diff == 0)
            {
                long seen = Interlocked.CompareExchange(ref _dequeuePosition.Value, pos + 1, pos);
                if (seen == pos)
                {
                    item = slot.Item;
                    slot.Item = null;
                    Volatile.Write(ref slot.Sequence, pos + _mask + 1);
                    return true;
                }

                pos = seen;
            }
            else if (diff < 0)
            {
                item = null;
                return false;
            }
            else
            {
                pos = Volatile.Read(ref _dequeuePosition.Value);
            }
        }
    }

    private struct Slot
    {
        public T? Item;
        public long Sequence;
    }
}
