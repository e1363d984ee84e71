using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// One vector pass over a block of HTTP/1 field lines that records where its LFs and its
/// colons are (a bit per byte, a mask per 32 bytes) and whether any name or value in it
/// needs JSON escaping. Walking the lines is then bit scans instead of two searches and an
/// escaping check per line, each of which pays a call's fixed cost on a few bytes.
/// </summary>
internal readonly ref struct FieldLineIndex
{
    /// <summary>Longest block indexed (its masks live on the caller's stack); longer ones go the general way.</summary>
    public const int MaxBlockBytes = 8192;

    private const int ChunkBytes = 32;

    private readonly Span<uint> _lineFeeds;
    private readonly Span<uint> _colons;

    /// <param name="lineFeeds">Room for <see cref="ChunkCount"/> masks; need not be cleared.</param>
    /// <param name="colons">Room for <see cref="ChunkCount"/> masks; need not be cleared.</param>
    public FieldLineIndex(ReadOnlySpan<byte> block, Span<uint> lineFeeds, Span<uint> colons)
    {
        int length = block.Length;
        int chunks = ChunkCount(length);
        if (length > MaxBlockBytes || lineFeeds.Length < chunks || colons.Length < chunks)
            throw new ArgumentException("The block is too long or the masks too short.", nameof(block));
        _lineFeeds = lineFeeds;
        _colons = colons;

        // A name or value needs escaping for any special byte but the line ends: LF, and a
        // CR right before an LF (checked across chunk boundaries through the carry).
        ref byte first = ref MemoryMarshal.GetReference(block);
        bool special = false;
        bool crPending = false;
        for (int chunk = 0; chunk < chunks; chunk++)
        {
            Masks masks = Load(ref first, length, chunk * ChunkBytes);
            lineFeeds[chunk] = masks.LineFeeds;
            colons[chunk] = masks.Colons;
            if (crPending && (masks.LineFeeds & 1) == 0)
                special = true;
            // A CR at bit 31 waits for the next chunk; one at the block's last byte has no LF after it.
            uint endsNoLine = masks.CarriageReturns & ~(masks.LineFeeds >> 1);
            crPending = (endsNoLine >> 31) != 0;
            special |= (endsNoLine & 0x7FFF_FFFF) != 0
                || (masks.Special & ~masks.LineFeeds & ~masks.CarriageReturns) != 0;
        }
        IsPlain = !special && !crPending;
    }

    /// <summary>No name or value of the block needs escaping (see <see cref="JsonEscaping"/>).</summary>
    public bool IsPlain { get; }

    /// <summary>How many masks a block of <paramref name="length"/> bytes needs.</summary>
    public static int ChunkCount(int length) => (int)(((uint)length + ChunkBytes - 1) / ChunkBytes);

    /// <summary>The first LF at or after <paramref name="from"/>, or -1.</summary>
    public int NextLineFeed(int from) => Next(_lineFeeds, from);

    /// <summary>The first ':' at or after <paramref name="from"/>, or -1.</summary>
    public int NextColon(int from) => Next(_colons, from);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ReadOnlySpan<uint> masks, int from)
    {
        // Unsigned: positions are never negative, and the shifts need no sign fix-up.
        int chunk = (int)((uint)from / ChunkBytes);
        if ((uint)chunk >= (uint)masks.Length)
            return -1;
        uint mask = masks[chunk] & (uint.MaxValue << (int)((uint)from % ChunkBytes));
        while (mask == 0)
        {
            if (++chunk >= masks.Length)
                return -1;
            mask = masks[chunk];
        }
        return (chunk * ChunkBytes) + BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>The masks of block[start..start+32] (fewer bits at the end of the block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Masks Load(ref byte first, int length, int start)
    {
        if (start + ChunkBytes <= length)
            return Compare(ref Unsafe.Add(ref first, start));
        if (length >= ChunkBytes)
        {
            // The last chunk: compare the block's last 32 bytes and drop the bits already seen.
            return Compare(ref Unsafe.Add(ref first, length - ChunkBytes)).ShiftedRight(ChunkBytes - (length - start));
        }
        return LoadShort(ref first, length);
    }

    /// <summary>
    /// A block shorter than a chunk: compare a copy padded with zeros, then drop the padding.
    /// Out of line, since its stack buffer would make the JIT spill the common path's locals.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Masks LoadShort(ref byte first, int length)
    {
        Span<byte> padded = stackalloc byte[ChunkBytes];
        padded.Clear();
        MemoryMarshal.CreateReadOnlySpan(ref first, length).CopyTo(padded);
        return Compare(ref MemoryMarshal.GetReference(padded)).Below(length);
    }

    private static Masks Compare(ref byte chunk)
    {
        if (Vector256.IsHardwareAccelerated)
            return Compare(Vector256.LoadUnsafe(ref chunk));
        Masks low = Compare(Vector128.LoadUnsafe(ref chunk));
        Masks high = Compare(Vector128.LoadUnsafe(ref chunk, (nuint)Vector128<byte>.Count));
        return new Masks(
            low.LineFeeds | (high.LineFeeds << 16),
            low.Colons | (high.Colons << 16),
            low.CarriageReturns | (high.CarriageReturns << 16),
            low.Special | (high.Special << 16));
    }

    private static Masks Compare(Vector256<byte> bytes) => new(
        Vector256.Equals(bytes, Vector256.Create((byte)'\n')).ExtractMostSignificantBits(),
        Vector256.Equals(bytes, Vector256.Create((byte)':')).ExtractMostSignificantBits(),
        Vector256.Equals(bytes, Vector256.Create((byte)'\r')).ExtractMostSignificantBits(),
        // As signed bytes, controls and non-ASCII bytes are exactly those below 0x20.
        (Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte()
            | Vector256.Equals(bytes, Vector256.Create((byte)'"'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))).ExtractMostSignificantBits());

    private static Masks Compare(Vector128<byte> bytes) => new(
        Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits(),
        Vector128.Equals(bytes, Vector128.Create((byte)':')).ExtractMostSignificantBits(),
        Vector128.Equals(bytes, Vector128.Create((byte)'\r')).ExtractMostSignificantBits(),
        (Vector128.LessThan(bytes.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
            | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))).ExtractMostSignificantBits());

    /// <summary>A bit per byte of one chunk, for each kind of byte the walk and the escaping check need.</summary>
    private readonly record struct Masks(uint LineFeeds, uint Colons, uint CarriageReturns, uint Special)
    {
        public Masks ShiftedRight(int bits) => new(LineFeeds >> bits, Colons >> bits, CarriageReturns >> bits, Special >> bits);

        public Masks Below(int bits)
        {
            uint keep = (1u << bits) - 1;
            return new(LineFeeds & keep, Colons & keep, CarriageReturns & keep, Special & keep);
        }
    }
}
