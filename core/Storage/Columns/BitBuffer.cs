using System.Numerics;
using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// A growable, reusable LSB-first bitmap in Arrow's layout, used for boolean values and for
/// validity bitmaps. Same ownership rules as <see cref="ValueBuffer{T}"/>.
/// </summary>
internal struct BitBuffer
{
    private byte[] _bytes;
    private int _length;
    private int _setCount;

    public BitBuffer(int capacityBits) => _bytes = capacityBits == 0 ? [] : new byte[(capacityBits + 7) / 8];

    public readonly bool IsUnallocated => _bytes is null;

    public readonly int Length => _length;

    public readonly int SetCount => _setCount;

    public readonly long ByteCount => (_length + 7) / 8;

    public readonly bool this[int index] => (_bytes[index >> 3] & (1 << (index & 7))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(bool value)
    {
        int byteIndex = _length >> 3;
        if ((uint)byteIndex >= (uint)_bytes.Length)
        {
            Grow(byteIndex + 1);
        }

        // A fresh byte is cleared when the first bit lands in it, so reused scratch needs no wipe.
        int bit = _length & 7;
        if (bit == 0)
        {
            _bytes[byteIndex] = 0;
        }

        if (value)
        {
            _bytes[byteIndex] |= (byte)(1 << bit);
            _setCount++;
        }

        _length++;
    }

    public void AppendMany(bool value, int count)
    {
        // Only used to back-fill a validity bitmap when the first null shows up, so a loop is fine.
        for (int i = 0; i < count; i++)
        {
            Append(value);
        }
    }

    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)_length, nameof(length));
        for (int i = length; i < _length; i++)
        {
            if (this[i])
            {
                _setCount--;
            }
        }

        // Bits past the end of the last byte must be zero so a later Append can OR into it.
        if ((length & 7) != 0)
        {
            _bytes[length >> 3] &= (byte)((1 << (length & 7)) - 1);
        }

        _length = length;
    }

    public void Clear()
    {
        _length = 0;
        _setCount = 0;
    }

    public readonly ArrowBuffer ToArrowBuffer()
    {
        if (_length == 0)
        {
            return ArrowBuffer.Empty;
        }

        byte[] copy = new byte[ByteCount];
        _bytes.AsSpan(0, copy.Length).CopyTo(copy);
        return new ArrowBuffer(copy);
    }

    private void Grow(int minimumBytes)
    {
        byte[] grown = new byte[Math.Max(minimumBytes, Math.Max(_bytes.Length * 2, 8))];
        _bytes.AsSpan(0, (int)ByteCount).CopyTo(grown);
        _bytes = grown;
    }

    internal static int PopCount(ReadOnlySpan<byte> bytes)
    {
        int count = 0;
        foreach (byte b in bytes)
        {
            count += BitOperations.PopCount(b);
        }

        return count;
    }
}
