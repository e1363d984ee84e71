using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// A header name as two 8-byte words with ASCII case folded away (bit 5 set in every byte,
/// which maps 'A'..'Z' onto 'a'..'z'), read once and then used to notice repeats
/// (<see cref="Key"/>) and to recognise common names (<see cref="KnownHeaderNames"/>).
/// </summary>
/// <remarks>
/// The words are the first and the last eight bytes, overlapping for shorter names, so a
/// name of up to 16 bytes (nearly all of them) is covered whole; longer ones only by its
/// ends. Folding is exact for letters but also maps some other bytes onto each other
/// (CR onto '-', say): equal words prove only that the names may be equal.
/// </remarks>
internal readonly struct FoldedName
{
    /// <summary>Names up to this long are covered whole by the two words.</summary>
    public const int MaxWholeLength = 2 * sizeof(ulong);

    private const ulong Fold = 0x2020202020202020;

    private FoldedName(ulong head, ulong tail, int length)
    {
        Head = head;
        Tail = tail;
        Length = length;
    }

    public ulong Head { get; }

    public ulong Tail { get; }

    public int Length { get; }

    /// <summary>
    /// Equal for names equal ignoring ASCII case, so distinct keys prove distinct names;
    /// equal keys prove nothing (a collision, or a difference the words do not cover).
    /// </summary>
    public ulong Key => (Head * 0x9E3779B97F4A7C15) ^ BitOperations.RotateLeft(Tail * 0xC2B2AE3D27D4EB4F, 31) ^ (ulong)Length;

    public static FoldedName Of(ReadOnlySpan<byte> name)
    {
        ref byte start = ref MemoryMarshal.GetReference(name);
        int length = name.Length;
        ulong head;
        ulong tail;
        if (length >= sizeof(ulong))
        {
            head = Unsafe.ReadUnaligned<ulong>(ref start);
            tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - sizeof(ulong)));
        }
        else if (length >= sizeof(uint))
        {
            head = Unsafe.ReadUnaligned<uint>(ref start);
            tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - sizeof(uint)));
        }
        else if (length > 0)
        {
            // One to three bytes: first, middle and last are all of them.
            head = start | ((ulong)Unsafe.Add(ref start, length / 2) << 8) | ((ulong)Unsafe.Add(ref start, length - 1) << 16);
            tail = 0;
        }
        else
        {
            return default;
        }
        return new FoldedName(head | Fold, tail | Fold, length);
    }

    public bool SameWords(in FoldedName other) => Head == other.Head && Tail == other.Tail && Length == other.Length;
}
