using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// A growable array of fixed-width values, reused from batch to batch. Once it has grown to the
/// size of a batch, appending never allocates; <see cref="ToArrowBuffer"/> copies the used part
/// into an exact-size array that the built Arrow array owns, so the scratch space stays with the
/// builder and sealed batches carry no slack.
/// </summary>
/// <remarks>
/// A mutable struct on purpose (one less object and indirection on the append path): hold it in a
/// non-readonly field and never copy it.
/// </remarks>
internal struct ValueBuffer<T>
    where T : unmanaged
{
    private const int MinimumCapacity = 16;

    private T[] _items;
    private int _count;

    public ValueBuffer(int capacity) => _items = capacity == 0 ? [] : new T[capacity];

    public readonly int Count => _count;

    public readonly int Capacity => _items.Length;

    public readonly Span<T> Written => _items.AsSpan(0, _count);

    public readonly long ByteCount => (long)_count * Unsafe.SizeOf<T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(T value)
    {
        T[] items = _items;
        int count = _count;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = value;
            _count = count + 1;
        }
        else
        {
            AppendAfterGrowing(value);
        }
    }

    public void Append(ReadOnlySpan<T> values)
    {
        EnsureFree(values.Length);
        values.CopyTo(_items.AsSpan(_count));
        _count += values.Length;
    }

    /// <summary>Free space of at least <paramref name="sizeHint"/> items (at least one) after the written part.</summary>
    /// <remarks>Straight from the array: going through <see cref="GetMemory"/> costs a Memory-to-Span conversion per value.</remarks>
    public Span<T> GetSpan(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        EnsureFree(Math.Max(sizeHint, 1));
        return _items.AsSpan(_count);
    }

    public Memory<T> GetMemory(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        EnsureFree(Math.Max(sizeHint, 1));
        return _items.AsMemory(_count);
    }

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_items.Length - _count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Advanced past the space handed out by GetSpan.");
        }

        _count += count;
    }

    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)count, (uint)_count, nameof(count));
        _count = count;
    }

    public void Clear() => _count = 0;

    /// <summary>Copies the written values into a new exact-size buffer (empty when nothing was written).</summary>
    public readonly ArrowBuffer ToArrowBuffer()
    {
        if (_count == 0)
        {
            return ArrowBuffer.Empty;
        }

        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(Written);
        byte[] copy = GC.AllocateUninitializedArray<byte>(bytes.Length);
        bytes.CopyTo(copy);
        return new ArrowBuffer(copy);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AppendAfterGrowing(T value)
    {
        EnsureFree(1);
        _items[_count++] = value;
    }

    private void EnsureFree(int free)
    {
        int required = checked(_count + free);
        if (required <= _items.Length)
        {
            return;
        }

        int doubled = (int)Math.Min((long)_items.Length * 2, System.Array.MaxLength);
        T[] grown = GC.AllocateUninitializedArray<T>(Math.Max(Math.Max(required, doubled), MinimumCapacity));
        Written.CopyTo(grown);
        _items = grown;
    }
}
