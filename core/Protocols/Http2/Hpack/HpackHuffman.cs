using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// Decodes the static Huffman code of RFC 7541 Appendix B. The code is canonical
/// (codes of one length are consecutive, in symbol order, and shorter codes come
/// first), so the appendix is fully described by each symbol's code length; codes are
/// rebuilt from those lengths once. Decoding looks the next 11 bits up in a table that
/// gives the one or two symbols they start with (the common header alphabet has codes
/// of 5 to 8 bits), falls back to the next 9 bits for a lone symbol near the end, and
/// walks the code lengths only for the rare symbols longer than that.
/// </summary>
internal static class HpackHuffman
{
    private const int Eos = 256;
    private const int MaxCodeLength = 30;
    private const int LookupBits = 9;
    private const int PairBits = 11;

    /// <summary>Code length of each symbol 0..255, then of EOS (Appendix B).</summary>
    private static ReadOnlySpan<byte> CodeLengths =>
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
        28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
        5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
        6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
        24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
        21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
        19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
        26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,
    ];

    /// <summary>By the first 9 bits: symbol | length &lt;&lt; 16 for codes of at most 9 bits, 0 otherwise.</summary>
    private static readonly int[] Lookup = new int[1 << LookupBits];

    /// <summary>For each code length: one past its last code, its first code, and where its symbols start in <see cref="SymbolsByCode"/>.</summary>
    private static readonly uint[] LimitByLength = new uint[MaxCodeLength + 1];
    private static readonly uint[] FirstCodeByLength = new uint[MaxCodeLength + 1];
    private static readonly int[] FirstIndexByLength = new int[MaxCodeLength + 1];

    /// <summary>
    /// By the next 11 bits: the symbols their leading whole codes decode to — byte 0 the
    /// first, byte 1 the second, bits 16–19 the bits both take, bits 20–21 how many (0:
    /// the first code is longer than 11 bits).
    /// </summary>
    private static readonly int[] Pairs = new int[1 << PairBits];

    /// <summary>Symbols sorted by (code length, symbol): the canonical order.</summary>
    private static readonly short[] SymbolsByCode = new short[Eos + 1];

#pragma warning disable CA1810 // The tables derive from one another; one constructor builds them in order.
    static HpackHuffman()
#pragma warning restore CA1810
    {
        ReadOnlySpan<byte> lengths = CodeLengths;
        int index = 0;
        uint code = 0;
        for (int length = 1; length <= MaxCodeLength; length++)
        {
            FirstCodeByLength[length] = code;
            FirstIndexByLength[length] = index;
            for (int symbol = 0; symbol <= Eos; symbol++)
            {
                if (lengths[symbol] != length)
                    continue;
                SymbolsByCode[index++] = (short)symbol;
                if (length <= LookupBits)
                {
                    int first = (int)(code << (LookupBits - length));
                    int count = 1 << (LookupBits - length);
                    Lookup.AsSpan(first, count).Fill(symbol | (length << 16));
                }
                code++;
            }
            LimitByLength[length] = code;
            code <<= 1;
        }
        for (int pattern = 0; pattern < Pairs.Length; pattern++)
        {
            int first = Lookup[pattern >> (PairBits - LookupBits)];
            int firstLength = first >> 16;
            if (first == 0)
                continue;
            int entry = (first & 0xFF) | (firstLength << 16) | (1 << 20);
            int rest = PairBits - firstLength;
            if (rest >= 5)
            {
                // The bits after the first code, left-aligned to 9 bits for the lookup.
                int next = Lookup[((pattern << firstLength) & ((1 << PairBits) - 1)) >> (PairBits - LookupBits)];
                int nextLength = next >> 16;
                if (next != 0 && nextLength <= rest)
                    entry = (first & 0xFF) | ((next & 0xFF) << 8) | ((firstLength + nextLength) << 16) | (2 << 20);
            }
            Pairs[pattern] = entry;
        }
    }

    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/>. Returns the
    /// bytes written, or -1 when the input is not a valid encoding (EOS inside it, more
    /// than 7 bits of padding, padding that is not all ones) or does not fit.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ulong bits = 0;     // left-aligned: the next bit is bit 63
        int count = 0;      // valid bits in `bits`
        int input = 0;
        int written = 0;
        ref int pairs = ref MemoryMarshal.GetArrayDataReference(Pairs);
        while (true)
        {
            if (count <= 32 && source.Length - input >= 4)
            {
                bits |= (ulong)BinaryPrimitives.ReadUInt32BigEndian(source[input..]) << (32 - count);
                input += 4;
                count += 32;
            }
            else
            {
                while (count <= 56 && input < source.Length)
                {
                    bits |= (ulong)source[input++] << (56 - count);
                    count += 8;
                }
            }
            if (count == 0)
                return written;

            // The common case: whole codes of at most 11 bits, one or two per lookup.
            while (count >= PairBits && destination.Length - written >= 2)
            {
                int pair = Unsafe.Add(ref pairs, (int)(bits >> (64 - PairBits)));
                if (pair == 0)
                    break;
                int pairBits = (pair >> 16) & 0xF;
                destination[written] = (byte)pair;
                destination[written + 1] = (byte)(pair >> 8);
                written += pair >> 20;
                bits <<= pairBits;
                count -= pairBits;
            }
            // A longer code, or the last bits: decode one symbol from at least 30 bits, or from what is left.
            if (count < MaxCodeLength && input < source.Length)
                continue;

            int entry = Lookup[(int)(bits >> (64 - LookupBits))];
            int symbol;
            int length;
            if (entry != 0)
            {
                symbol = entry & 0xFFFF;
                length = entry >> 16;
            }
            else
            {
                uint top = (uint)(bits >> (64 - MaxCodeLength));
                length = LookupBits + 1;
                while (length < MaxCodeLength && (top >> (MaxCodeLength - length)) >= LimitByLength[length])
                    length++;
                uint candidate = top >> (MaxCodeLength - length);
                symbol = SymbolsByCode[FirstIndexByLength[length] + (int)(candidate - FirstCodeByLength[length])];
            }

            if (length > count)
            {
                // What is left is shorter than the symbol it starts: it must be padding,
                // a prefix of EOS (all ones) of at most 7 bits.
                return count <= 7 && bits >> (64 - count) == (1UL << count) - 1 ? written : -1;
            }
            if (symbol == Eos || written == destination.Length)
                return -1;
            destination[written++] = (byte)symbol;
            bits <<= length;
            count -= length;
        }
    }

    /// <summary>
    /// Encodes <paramref name="source"/> (what peers do; we only decode, but tests and
    /// benchmarks need realistic input). Returns the bytes written.
    /// </summary>
    internal static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ulong bits = 0;
        int count = 0;
        int written = 0;
        foreach (byte b in source)
        {
            int length = CodeLengths[b];
            int index = Array.IndexOf(SymbolsByCode, (short)b, FirstIndexByLength[length]);
            uint code = FirstCodeByLength[length] + (uint)(index - FirstIndexByLength[length]);
            bits = (bits << length) | code;
            count += length;
            while (count >= 8)
            {
                count -= 8;
                destination[written++] = (byte)(bits >> count);
            }
        }
        if (count > 0)
            destination[written++] = (byte)((bits << (8 - count)) | (0xFFu >> count));
        return written;
    }

    /// <summary>The most bytes <paramref name="encodedLength"/> bytes can decode to (5 bits per symbol at best).</summary>
    public static int MaxDecodedLength(int encodedLength) => (int)Math.Min(int.MaxValue, ((long)encodedLength * 8 / 5) + 1);
}
