using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// Yields the positions of the line feeds in a block, 32 bytes per vector compare.
/// A head is a dozen short lines: one search call per line pays a search's fixed cost
/// a dozen times (measured: ~7 ns a line on AVX-512), while one pass of compares turned
/// into bitmasks costs a fraction of that, and each line end is then a bit scan.
/// </summary>
internal ref struct LineFeedScanner
{
    private const int ChunkBytes = 32;

    private readonly ReadOnlySpan<byte> _block;
    private int _chunkStart;
    private uint _mask;

    public LineFeedScanner(ReadOnlySpan<byte> block, int start)
    {
        _block = block;
        _chunkStart = start;
        _mask = start < block.Length ? Load(block, start) : 0;
    }

    /// <summary>The index of the next line feed, or -1 when there is none.</summary>
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

    /// <summary>Line-feed bits of block[start..start+32] (fewer at the end of the block).</summary>
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
            if (block[start + i] == (byte)'\n')
                mask |= 1u << i;
        }
        return mask;
    }

    private static uint Compare(ReadOnlySpan<byte> chunk)
    {
        if (Vector256.IsHardwareAccelerated)
            return Vector256.Equals(Vector256.Create(chunk), Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
        Vector128<byte> lineFeed = Vector128.Create((byte)'\n');
        uint low = Vector128.Equals(Vector128.Create(chunk), lineFeed).ExtractMostSignificantBits();
        uint high = Vector128.Equals(Vector128.Create(chunk[16..]), lineFeed).ExtractMostSignificantBits();
        return low | (high << 16);
    }
}
