using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// A 64-bit key of a header name under ASCII case folding: names equal ignoring case
/// always get equal keys, so distinct keys prove distinct names. Equal keys prove
/// nothing (a rare collision, or bytes past the 16 that are read): callers compare the
/// names themselves then.
/// </summary>
/// <remarks>
/// Reads at most two overlapping 8-byte words (the first and last eight bytes) instead
/// of hashing byte by byte: names up to 16 bytes, nearly all of them, are covered whole.
/// Folding sets bit 5 of every byte, which maps 'A'..'Z' onto 'a'..'z' (and some
/// punctuation onto other punctuation, harmless for a key).
/// </remarks>
internal static class HeaderNameKey
{
    private const ulong Fold = 0x2020202020202020;

    public static ulong Of(ReadOnlySpan<byte> name)
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
            return 0;
        }
        head |= Fold;
        tail |= Fold;
        return (head * 0x9E3779B97F4A7C15) ^ BitOperations.RotateLeft(tail * 0xC2B2AE3D27D4EB4F, 31) ^ (ulong)length;
    }
}
