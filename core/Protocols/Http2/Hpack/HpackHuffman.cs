using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// Decodes the static Huffman code of RFC 7541 Appendix B. The code is canonical
/// (codes of one length are consecutive, in symbol order, and shorter codes come
/// first), so the appendix is fully described by each symbol's code length; codes are
/// rebuilt from those lengths once. Decoding keeps up to 64 bits of input in a
/// register and looks the next 12 bits up in a table that gives the one or two whole
/// codes they start with: header text (letters, digits, '/', '-', '.') has codes of
/// 5 to 7 bits, so most lookups yield two symbols. Only the rare codes longer than
/// 12 bits walk the code lengths.
/// </summary>
internal static class HpackHuffman
{
    private const int Eos = 256;
    private const int MaxCodeLength = 30;
    private const int PairBits = 12;

    /// <summary>Lookups a whole-word refill (at least 56 bits) always covers.</summary>
    private const int LookupsPerRefill = 4;

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

    /// <summary>For each code length: one past its last code, its first code, and where its symbols start in <see cref="SymbolsByCode"/>.</summary>
    private static readonly uint[] LimitByLength = new uint[MaxCodeLength + 1];
    private static readonly uint[] FirstCodeByLength = new uint[MaxCodeLength + 1];
    private static readonly int[] FirstIndexByLength = new int[MaxCodeLength + 1];

    /// <summary>
    /// By the next 12 bits: the whole codes they start with — byte 0 the bits they take
    /// (low, so the entry itself can be the shift count), byte 1 the first symbol, byte 2
    /// the second (so one 16-bit store writes both), bits 24–27 the bits the first takes,
    /// bits 30–31 how many symbols (0: the first code is longer than 12 bits).
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
                code++;
            }
            LimitByLength[length] = code;
            code <<= 1;
        }
        const uint mask = (1u << MaxCodeLength) - 1;
        for (int pattern = 0; pattern < Pairs.Length; pattern++)
        {
            uint top = (uint)pattern << (MaxCodeLength - PairBits);
            int first = FirstCode(top, 1, PairBits, out int firstLength);
            if (first < 0)
                continue;
            int entry = firstLength | (first << 8) | (firstLength << 24) | (1 << 30);
            int second = FirstCode((top << firstLength) & mask, 1, PairBits - firstLength, out int secondLength);
            if (second >= 0)
                entry = (firstLength + secondLength) | (first << 8) | (second << 16) | (firstLength << 24) | unchecked((int)(2u << 30));
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
        return Finish(default, source, destination);
    }

    /// <summary>
    /// Decodes two strings at once, each exactly as <see cref="Decode(ReadOnlySpan{byte}, Span{byte})"/>
    /// would. One string's decoding is a chain of dependent table lookups (each needs the
    /// bits the last one consumed); two independent chains interleaved keep the CPU busy
    /// while each waits on its load, so both cost little more than the longer one alone.
    /// </summary>
    public static void Decode(
        ReadOnlySpan<byte> firstSource, Span<byte> firstDestination, out int firstLength,
        ReadOnlySpan<byte> secondSource, Span<byte> secondDestination, out int secondLength)
    {
        // Plain locals, not cursors, so that the loop keeps all eight in registers.
        ulong aBits = 0, bBits = 0;
        int aCount = 0, bCount = 0, aInput = 0, bInput = 0, aWritten = 0, bWritten = 0;
        ref int pairs = ref MemoryMarshal.GetArrayDataReference(Pairs);
        ref byte aSource = ref MemoryMarshal.GetReference(firstSource);
        ref byte bSource = ref MemoryMarshal.GetReference(secondSource);
        ref byte aDestination = ref MemoryMarshal.GetReference(firstDestination);
        ref byte bDestination = ref MemoryMarshal.GetReference(secondDestination);
        while (firstSource.Length - aInput >= sizeof(ulong) && secondSource.Length - bInput >= sizeof(ulong)
            && firstDestination.Length - aWritten >= 2 * LookupsPerRefill && secondDestination.Length - bWritten >= 2 * LookupsPerRefill)
        {
            aBits |= ReadWord(ref aSource, aInput) >> aCount;
            aInput += (63 - aCount) >> 3;
            aCount |= 56;
            bBits |= ReadWord(ref bSource, bInput) >> bCount;
            bInput += (63 - bCount) >> 3;
            bCount |= 56;
            // With at least 56 bits each, four lookups of at most 12 bits need no count checks.
            for (int i = 0; i < LookupsPerRefill; i++)
            {
                int aPair = Unsafe.Add(ref pairs, (nint)(aBits >> (64 - PairBits)));
                int bPair = Unsafe.Add(ref pairs, (nint)(bBits >> (64 - PairBits)));
                if (aPair == 0 || bPair == 0)
                    goto Apart;
                WriteSymbols(ref Unsafe.Add(ref aDestination, aWritten), aPair);
                aWritten += SymbolCount(aPair);
                aBits <<= aPair;
                aCount -= (byte)aPair;
                WriteSymbols(ref Unsafe.Add(ref bDestination, bWritten), bPair);
                bWritten += SymbolCount(bPair);
                bBits <<= bPair;
                bCount -= (byte)bPair;
            }
        }
    Apart:
        var a = new Cursor { Bits = aBits, Count = aCount, Input = aInput, Written = aWritten };
        var b = new Cursor { Bits = bBits, Count = bCount, Input = bInput, Written = bWritten };
        firstLength = Finish(a, firstSource, firstDestination);
        secondLength = Finish(b, secondSource, secondDestination);
    }

    /// <summary>
    /// Decodes the start of <paramref name="source"/>, symbol by symbol, until
    /// <paramref name="stop"/> has been written. Returns the bytes written,
    /// <paramref name="stop"/> included, or -1 when the string ends, holds EOS or an
    /// invalid code, or fills <paramref name="destination"/> before it.
    /// </summary>
    public static int DecodeThrough(ReadOnlySpan<byte> source, Span<byte> destination, byte stop)
    {
        ulong bits = 0;
        int count = 0;
        int input = 0;
        for (int written = 0; written < destination.Length;)
        {
            if (source.Length - input >= sizeof(ulong))
            {
                bits |= ReadWord(ref MemoryMarshal.GetReference(source), input) >> count;
                input += (63 - count) >> 3;
                count |= 56;
            }
            else
            {
                while (count <= 56 && input < source.Length)
                {
                    bits |= (ulong)source[input++] << (56 - count);
                    count += 8;
                }
            }
            int entry = Pairs[(int)(bits >> (64 - PairBits))];
            if (entry != 0 && count >= PairBits && destination.Length - written >= 2)
            {
                // One or two whole codes (the common case, as in Finish).
                WriteSymbols(ref destination[written], entry);
                if (destination[written] == stop)
                    return written + 1;
                written += SymbolCount(entry);
                if (destination[written - 1] == stop)
                    return written;
                bits <<= entry;
                count -= (byte)entry;
                continue;
            }
            int symbol = SymbolAt(bits, entry, out int length);
            if (symbol < 0 || length > count || symbol == Eos)
                return -1;
            destination[written++] = (byte)symbol;
            if (symbol == stop)
                return written;
            bits <<= length;
            count -= length;
        }
        return -1;
    }

    /// <summary>Decodes the rest of a string from where <paramref name="cursor"/> is.</summary>
    private static int Finish(in Cursor cursor, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // Locals rather than the cursor's fields: the loop keeps them in registers.
        ulong bits = cursor.Bits;
        int count = cursor.Count;
        int input = cursor.Input;
        int written = cursor.Written;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        ref int pairs = ref MemoryMarshal.GetArrayDataReference(Pairs);
        while (true)
        {
            if (source.Length - input >= sizeof(ulong))
            {
                // Tops `bits` up to at least 56 valid bits with whole bytes.
                bits |= ReadWord(ref src, input) >> count;
                input += (63 - count) >> 3;
                count |= 56;
            }
            else
            {
                while (count <= 56 && input < source.Length)
                {
                    bits |= (ulong)Unsafe.Add(ref src, input++) << (56 - count);
                    count += 8;
                }
            }

            // The common case: whole codes of at most 12 bits, one or two per lookup. Two
            // bytes are written each time; the second is overwritten when only one was decoded.
            while (count >= PairBits && destination.Length - written >= 2)
            {
                int pair = Unsafe.Add(ref pairs, (nint)(bits >> (64 - PairBits)));
                if (pair == 0)
                    break;
                WriteSymbols(ref Unsafe.Add(ref dst, written), pair);
                written += SymbolCount(pair);
                // Shifts take their count mod 64: the low byte of the entry is the bits taken.
                bits <<= pair;
                count -= (byte)pair;
            }
            // A longer code, or the last bits: decode one symbol from at least 30 bits, or from what is left.
            if (count < MaxCodeLength && input < source.Length)
                continue;
            if (count == 0)
                return written;

            int entry = Unsafe.Add(ref pairs, (nint)(bits >> (64 - PairBits)));
            int symbol = SymbolAt(bits, entry, out int length);
            if (symbol < 0)
                return -1;
            if (length > count)
            {
                // What is left is shorter than the symbol it starts: it must be padding,
                // a prefix of EOS (all ones) of at most 7 bits.
                return count <= 7 && bits >> (64 - count) == (1UL << count) - 1 ? written : -1;
            }
            if (symbol == Eos || written == destination.Length)
                return -1;
            Unsafe.Add(ref dst, written++) = (byte)symbol;
            bits <<= length;
            count -= length;
        }
    }

    /// <summary>
    /// The symbol the top bits of <paramref name="bits"/> start with: from its
    /// <see cref="Pairs"/> <paramref name="entry"/> when it has one (a code of at most 12
    /// bits), else by walking the code lengths. -1 when no code starts there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SymbolAt(ulong bits, int entry, out int length)
    {
        if (entry != 0)
        {
            length = (entry >> 24) & 0xF;
            return (entry >> 8) & 0xFF;
        }
        return FirstCode((uint)(bits >> (64 - MaxCodeLength)), PairBits + 1, MaxCodeLength, out length);
    }

    /// <summary>Writes both symbol bytes of a <see cref="Pairs"/> entry (the second is overwritten later when there is only one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteSymbols(ref byte destination, int pair)
    {
        if (BitConverter.IsLittleEndian)
        {
            Unsafe.WriteUnaligned(ref destination, (ushort)(pair >> 8));
        }
        else
        {
            destination = (byte)(pair >> 8);
            Unsafe.Add(ref destination, 1) = (byte)(pair >> 16);
        }
    }

    /// <summary>How many symbols a <see cref="Pairs"/> entry holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SymbolCount(int pair) => (int)((uint)pair >> 30);

    /// <summary>The 8 bytes at <paramref name="offset"/>, big-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadWord(ref byte source, int offset) =>
        BinaryPrimitives.ReadUInt64BigEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref source, offset), sizeof(ulong)));

    /// <summary>
    /// Where decoding of one string stands. Bits are left-aligned (the next is bit 63);
    /// below the <see cref="Count"/> valid ones may be the start of the next input byte
    /// (a whole-word refill reads it early), which the next refill reads again, to the same bits.
    /// </summary>
    private readonly struct Cursor
    {
        public ulong Bits { get; init; }

        public int Count { get; init; }

        public int Input { get; init; }

        public int Written { get; init; }
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

    /// <summary>
    /// The symbol whose code starts <paramref name="top"/> (the next 30 bits,
    /// right-aligned), trying code lengths <paramref name="fromLength"/> to
    /// <paramref name="toLength"/>; -1 when none of those lengths holds its code.
    /// </summary>
    private static int FirstCode(uint top, int fromLength, int toLength, out int length)
    {
        // Canonical codes: a prefix of length n is a whole code when it is below the
        // limit of that length (having been at or past the limits of shorter ones).
        for (length = fromLength; length <= toLength; length++)
        {
            uint candidate = top >> (MaxCodeLength - length);
            if (candidate < LimitByLength[length])
                return SymbolsByCode[FirstIndexByLength[length] + (int)(candidate - FirstCodeByLength[length])];
        }
        return -1;
    }

    /// <summary>The most bytes <paramref name="encodedLength"/> bytes can decode to (5 bits per symbol at best).</summary>
    public static int MaxDecodedLength(int encodedLength) => (int)Math.Min(int.MaxValue, ((long)encodedLength * 8 / 5) + 1);
}
