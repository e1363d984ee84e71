using System.Runtime.CompilerServices;

namespace Devtools.Core.Common;

/// <summary>
/// A growable FIFO of structs with by-ref access to its items, so that large frame
/// structs are neither copied on peek nor boxed. Grows by doubling; never shrinks
/// (queues on the capture path live as long as their connection).
/// </summary>
/// <remarks>
/// Indices wrap by comparison, not modulo: a division per access cost more than the rest
/// of an enqueue on the capture path.
/// </remarks>
public sealed class RingQueue<T>
{
    private T[] _items;
    private int _head;
    private int _count;

    public RingQueue(int capacity = 4)
    {
        _items = new T[Math.Max(1, capacity)];
    }

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    /// <summary>The oldest item. The queue must not be empty.</summary>
    public ref T Head
    {
        get
        {
            if (_count == 0)
                throw new InvalidOperationException("The queue is empty.");
            return ref _items[_head];
        }
    }

    /// <summary>The newest item. The queue must not be empty.</summary>
    public ref T Tail
    {
        get
        {
            if (_count == 0)
                throw new InvalidOperationException("The queue is empty.");
            return ref _items[Wrap(_head + _count - 1)];
        }
    }

    /// <summary>The i-th oldest item (0 is the head).</summary>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
                throw new ArgumentOutOfRangeException(nameof(index));
            return ref _items[Wrap(_head + index)];
        }
    }

    public void Enqueue(in T item)
    {
        if (_count == _items.Length)
            Grow();
        _items[Wrap(_head + _count)] = item;
        _count++;
    }

    /// <summary>Removes the head and returns it.</summary>
    public T Dequeue()
    {
        if (_count == 0)
            throw new InvalidOperationException("The queue is empty.");
        T item = _items[_head];
        RemoveHead();
        return item;
    }

    /// <summary>Removes the head without copying it out (after working on it through <see cref="Head"/>).</summary>
    public void RemoveHead()
    {
        if (_count == 0)
            throw new InvalidOperationException("The queue is empty.");
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            _items[_head] = default!;
        _head = Wrap(_head + 1);
        _count--;
    }

    /// <summary>
    /// Removes the i-th oldest item and returns it; the items after it move up one place
    /// (answers that come out of order take their request from the middle of its queue).
    /// </summary>
    public T RemoveAt(int index)
    {
        if ((uint)index >= (uint)_count)
            throw new ArgumentOutOfRangeException(nameof(index));
        if (index == 0)
            return Dequeue();
        T item = _items[(_head + index) % _items.Length];
        for (int i = index; i < _count - 1; i++)
            _items[(_head + i) % _items.Length] = _items[(_head + i + 1) % _items.Length];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            _items[(_head + _count - 1) % _items.Length] = default!;
        _count--;
        return item;
    }

    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    /// <summary>An index into the items from <see cref="_head"/> plus less than a lap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Wrap(int index) => index < _items.Length ? index : index - _items.Length;

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (int i = 0; i < _count; i++)
            bigger[i] = _items[Wrap(_head + i)];
        _items = bigger;
        _head = 0;
    }
}
