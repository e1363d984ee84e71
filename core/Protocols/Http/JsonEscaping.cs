using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Which bytes a JSON string cannot hold as they are: controls, '"', '\' and every byte
/// that is not ASCII (<see cref="BoundedJsonWriter"/> checks those for valid UTF-8 one by
/// one). Answers "is there any?" for a whole header block at once, so the common block,
/// plain ASCII throughout, is copied member by member without a search per name and value.
/// </summary>
internal static class JsonEscaping
{
    /// <summary>The bytes <see cref="BoundedJsonWriter.WriteEscaped"/> has to look at.</summary>
    public static readonly SearchValues<byte> SpecialBytes = SearchValues.Create(CreateSpecialBytes());

    /// <summary>True when no byte of <paramref name="text"/> needs escaping or UTF-8 checking.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> text) => !text.ContainsAny(SpecialBytes);

    /// <summary>
    /// True when no name or value in these HTTP/1 field lines needs escaping or UTF-8
    /// checking: the block is plain but for its line ends (LF, or CR right before LF),
    /// which enumeration cuts off and which never reach the JSON.
    /// </summary>
    /// <remarks>
    /// A CR anywhere else (even at the very end, before an LF that never came) counts as
    /// special: a conservative answer only sends the block down the escaping path.
    /// </remarks>
    public static bool IsPlainLines(ReadOnlySpan<byte> lines)
    {
        ref byte start = ref MemoryMarshal.GetReference(lines);
        int length = lines.Length;
        int i = 0;
        // Each step also loads the vector one byte on, to see whether a CR is followed by LF.
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<byte>.Count < length; i += Vector256<byte>.Count)
            {
                if (HasSpecial(Vector256.LoadUnsafe(ref start, (nuint)i), Vector256.LoadUnsafe(ref start, (nuint)i + 1)))
                    return false;
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<byte>.Count < length; i += Vector128<byte>.Count)
            {
                if (HasSpecial(Vector128.LoadUnsafe(ref start, (nuint)i), Vector128.LoadUnsafe(ref start, (nuint)i + 1)))
                    return false;
            }
        }
        for (; i < length; i++)
        {
            byte b = lines[i];
            if (!IsSpecial(b) || b == (byte)'\n' || (b == (byte)'\r' && i + 1 < length && lines[i + 1] == (byte)'\n'))
                continue;
            return false;
        }
        return true;
    }

    /// <summary>The scalar rule, which the vector steps must agree with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpecial(byte b) => b < 0x20 || b >= 0x80 || b == (byte)'"' || b == (byte)'\\';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasSpecial(Vector256<byte> bytes, Vector256<byte> next)
    {
        // As signed bytes, controls and non-ASCII bytes are exactly those below 0x20.
        Vector256<byte> special = Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte()
            | Vector256.Equals(bytes, Vector256.Create((byte)'"'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\\'));
        Vector256<byte> lineEnd = Vector256.Equals(bytes, Vector256.Create((byte)'\n'))
            | (Vector256.Equals(bytes, Vector256.Create((byte)'\r')) & Vector256.Equals(next, Vector256.Create((byte)'\n')));
        return Vector256.AndNot(special, lineEnd) != Vector256<byte>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasSpecial(Vector128<byte> bytes, Vector128<byte> next)
    {
        Vector128<byte> special = Vector128.LessThan(bytes.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
            | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\\'));
        Vector128<byte> lineEnd = Vector128.Equals(bytes, Vector128.Create((byte)'\n'))
            | (Vector128.Equals(bytes, Vector128.Create((byte)'\r')) & Vector128.Equals(next, Vector128.Create((byte)'\n')));
        return Vector128.AndNot(special, lineEnd) != Vector128<byte>.Zero;
    }

    private static byte[] CreateSpecialBytes()
    {
        var bytes = new List<byte>();
        for (int b = 0; b <= 0xFF; b++)
        {
            if (IsSpecial((byte)b))
                bytes.Add((byte)b);
        }
        return [.. bytes];
    }
}
