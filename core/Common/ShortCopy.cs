using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Devtools.Core.Common;

/// <summary>
/// Copies of a few dozen bytes (header fields, keys, numbers) without a call into the
/// general copy: up to 64 bytes take two overlapping loads and two stores of the width
/// that covers them, where the call and its size dispatch cost more than the copy.
/// </summary>
internal static class ShortCopy
{
    /// <summary>Copies <paramref name="source"/> to the start of <paramref name="destination"/>, which must have room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(scoped ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int length = source.Length;
        if ((uint)length > (uint)destination.Length)
            ThrowTooShort();
        ref byte from = ref MemoryMarshal.GetReference(source);
        ref byte to = ref MemoryMarshal.GetReference(destination);
        if (length > 16)
        {
            if (length <= 32)
            {
                Vector128<byte> head = Vector128.LoadUnsafe(ref from);
                Vector128<byte> tail = Vector128.LoadUnsafe(ref from, (nuint)(length - 16));
                head.StoreUnsafe(ref to);
                tail.StoreUnsafe(ref to, (nuint)(length - 16));
            }
            else if (length <= 64 && Vector256.IsHardwareAccelerated)
            {
                Vector256<byte> head = Vector256.LoadUnsafe(ref from);
                Vector256<byte> tail = Vector256.LoadUnsafe(ref from, (nuint)(length - 32));
                head.StoreUnsafe(ref to);
                tail.StoreUnsafe(ref to, (nuint)(length - 32));
            }
            else
            {
                source.CopyTo(destination);
            }
        }
        else if (length >= 8)
        {
            ulong head = Unsafe.ReadUnaligned<ulong>(ref from);
            ulong tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, length - 8));
            Unsafe.WriteUnaligned(ref to, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), tail);
        }
        else if (length >= 4)
        {
            uint head = Unsafe.ReadUnaligned<uint>(ref from);
            uint tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4));
            Unsafe.WriteUnaligned(ref to, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 4), tail);
        }
        else
        {
            for (int i = 0; i < length; i++)
                Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort() => throw new ArgumentException("The destination is too short.", "destination");
}
