using System.Buffers.Binary;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// The runtime's "native format" encodings that ReadyToRun images use for their
/// lookup tables: variable-length unsigned integers and sparse arrays (a tree of
/// 16-element blocks). Mirrors the runtime's NativeFormatReader, reading only.
/// </summary>
internal static class NativeFormat
{
    private const int BlockSize = 16;

    /// <summary>Decodes an unsigned value at <paramref name="offset"/>; returns the offset after it, or -1 when out of range.</summary>
    public static int DecodeUnsigned(ReadOnlySpan<byte> image, int offset, out uint value)
    {
        value = 0;
        if ((uint)offset >= (uint)image.Length)
            return -1;
        uint b = image[offset];
        if ((b & 1) == 0)
        {
            value = b >> 1;
            return offset + 1;
        }
        if ((b & 2) == 0)
        {
            if (offset + 1 >= image.Length)
                return -1;
            value = (b >> 2) | ((uint)image[offset + 1] << 6);
            return offset + 2;
        }
        if ((b & 4) == 0)
        {
            if (offset + 2 >= image.Length)
                return -1;
            value = (b >> 3) | ((uint)image[offset + 1] << 5) | ((uint)image[offset + 2] << 13);
            return offset + 3;
        }
        if ((b & 8) == 0)
        {
            if (offset + 3 >= image.Length)
                return -1;
            value = (b >> 4) | ((uint)image[offset + 1] << 4) | ((uint)image[offset + 2] << 12) | ((uint)image[offset + 3] << 20);
            return offset + 4;
        }
        if ((b & 16) == 0)
        {
            if (offset + 4 >= image.Length)
                return -1;
            value = BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 1)..]);
            return offset + 5;
        }
        return -1;
    }

    /// <summary>A NativeArray at <paramref name="offset"/>: its element count and where its index starts.</summary>
    public static bool TryReadArrayHeader(ReadOnlySpan<byte> image, int offset, out uint count, out int entryIndexSize, out int baseOffset)
    {
        baseOffset = DecodeUnsigned(image, offset, out uint header);
        count = header >> 2;
        entryIndexSize = (int)(header & 3);
        return baseOffset >= 0;
    }

    /// <summary>The offset of element <paramref name="index"/> of a NativeArray; false when the element is absent.</summary>
    public static bool TryGetArrayElement(ReadOnlySpan<byte> image, uint count, int entryIndexSize, int baseOffset, uint index, out int elementOffset)
    {
        elementOffset = 0;
        if (index >= count)
            return false;
        int slot = (int)(index / BlockSize);
        long at = baseOffset + ((long)slot << entryIndexSize);
        if (at + (1 << entryIndexSize) > image.Length)
            return false;
        uint blockOffset = entryIndexSize switch
        {
            0 => image[(int)at],
            1 => BinaryPrimitives.ReadUInt16LittleEndian(image[(int)at..]),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(image[(int)at..]),
        };
        int offset = baseOffset + (int)blockOffset;
        for (uint bit = BlockSize >> 1; bit > 0; bit >>= 1)
        {
            int next = DecodeUnsigned(image, offset, out uint val);
            if (next < 0)
                return false;
            if ((index & bit) != 0)
            {
                if ((val & 2) != 0)
                {
                    offset += (int)(val >> 2);
                    continue;
                }
            }
            else if ((val & 1) != 0)
            {
                offset = next;
                continue;
            }
            // A special leaf holding exactly one element.
            if ((val & 3) == 0 && (val >> 2) == (index & (BlockSize - 1)))
            {
                offset = next;
                break;
            }
            return false;
        }
        elementOffset = offset;
        return true;
    }
}
