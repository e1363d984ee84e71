using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>Character classes of RFC 9110, as vectorisable search sets.</summary>
internal static class HttpSyntax
{
    /// <summary>tchar: what a method or a field name is made of.</summary>
    public static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Bytes that end or break a request-target: controls, space and DEL.</summary>
    public static readonly SearchValues<byte> NotTargetChars = SearchValues.Create(
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
        0x20, 0x7F,
    ]);

    /// <summary>
    /// Bytes a field value or reason phrase may never hold once its line is cut at LF:
    /// NUL and a CR that is not part of the line end (a smuggling vector, RFC 9112 §2.2).
    /// Other controls and obs-text pass: we observe traffic, we do not police it.
    /// </summary>
    public static readonly SearchValues<byte> ForbiddenInValue = SearchValues.Create([0x00, 0x0D]);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>Strips optional whitespace (SP, HTAB) from both ends.</summary>
    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> value)
    {
        int start = 0;
        while (start < value.Length && IsWhitespace(value[start]))
            start++;
        int end = value.Length;
        while (end > start && IsWhitespace(value[end - 1]))
            end--;
        return value[start..end];
    }

    /// <summary>
    /// The next element of a comma-separated list (RFC 9110 §5.6.1), trimmed; empty
    /// elements are skipped. False when the list is exhausted.
    /// </summary>
    public static bool NextListElement(ref ReadOnlySpan<byte> list, out ReadOnlySpan<byte> element)
    {
        while (!list.IsEmpty)
        {
            int comma = list.IndexOf((byte)',');
            ReadOnlySpan<byte> item = comma < 0 ? list : list[..comma];
            list = comma < 0 ? default : list[(comma + 1)..];
            element = TrimWhitespace(item);
            if (!element.IsEmpty)
                return true;
        }
        element = default;
        return false;
    }

    /// <summary>
    /// Whether a token (tchar bytes only, as a parser has checked) is <paramref name="lowercaseWord"/>
    /// (lowercase letters and '-', at least 8 bytes), ignoring case. For such a pair, setting
    /// bit 5 of each token byte is exact case folding: the only other byte it maps onto a
    /// letter or '-' is CR, which no token holds. Eight bytes per compare, no call.
    /// </summary>
    public static bool TokenEqualsIgnoreCase(ReadOnlySpan<byte> token, ReadOnlySpan<byte> lowercaseWord)
    {
        const ulong Fold = 0x2020202020202020;
        int length = token.Length;
        if (length != lowercaseWord.Length || length < sizeof(ulong))
            return false;
        ref byte t = ref MemoryMarshal.GetReference(token);
        ref byte w = ref MemoryMarshal.GetReference(lowercaseWord);
        for (int i = 0; i < length - sizeof(ulong); i += sizeof(ulong))
        {
            if ((Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref t, i)) | Fold) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref w, i)))
                return false;
        }
        int last = length - sizeof(ulong);
        return (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref t, last)) | Fold) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref w, last));
    }

    /// <summary>ASCII case-insensitive search of <paramref name="needle"/> (lowercase) in <paramref name="haystack"/>.</summary>
    public static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowercaseNeedle)
    {
        if (lowercaseNeedle.IsEmpty)
            return true;
        byte first = lowercaseNeedle[0];
        byte firstUpper = (byte)(first is >= (byte)'a' and <= (byte)'z' ? first - 32 : first);
        int last = haystack.Length - lowercaseNeedle.Length;
        int i = 0;
        while (i <= last)
        {
            int hit = haystack[i..(last + 1)].IndexOfAny(first, firstUpper);
            if (hit < 0)
                return false;
            i += hit;
            if (System.Text.Ascii.EqualsIgnoreCase(haystack.Slice(i, lowercaseNeedle.Length), lowercaseNeedle))
                return true;
            i++;
        }
        return false;
    }
}
