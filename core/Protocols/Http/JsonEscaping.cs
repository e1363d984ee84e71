using System.Buffers;
using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Which bytes a JSON string cannot hold as they are: controls, '"', '\' and every byte
/// that is not ASCII (<see cref="BoundedJsonWriter"/> checks those for valid UTF-8 one by
/// one). Answers "is there any?" for a whole block of fields at once, so the common block,
/// plain ASCII throughout, is copied member by member without a search per name and value
/// (<see cref="FieldLineIndex"/> applies the same rule to HTTP/1 lines).
/// </summary>
internal static class JsonEscaping
{
    /// <summary>The bytes <see cref="BoundedJsonWriter.WriteEscaped"/> has to look at.</summary>
    public static readonly SearchValues<byte> SpecialBytes = SearchValues.Create(CreateSpecialBytes());

    /// <summary>True when no byte of <paramref name="text"/> needs escaping or UTF-8 checking.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> text) => !text.ContainsAny(SpecialBytes);

    /// <summary>The rule, byte by byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpecial(byte b) => b < 0x20 || b >= 0x80 || b == (byte)'"' || b == (byte)'\\';

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
