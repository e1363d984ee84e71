using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// The lexical rules of RESP (RESP2 and RESP3) that parsers and inference share: type
/// bytes, CRLF lines, strict integers. Strictness is deliberate: a parser that accepts
/// sloppy lines would resynchronise on noise.
/// </summary>
internal static class RedisSyntax
{
    /// <summary>Longest length or count line: type byte, sign, 19 digits, CR, LF.</summary>
    public const int MaxLengthLineBytes = 23;

    /// <summary>
    /// Largest bulk string accepted. Redis refuses more than proto-max-bulk-len (512 MB by
    /// default); the limit can be raised, so we allow some room, but a length beyond this
    /// is noise, not Redis.
    /// </summary>
    public const long MaxBulkLength = 1L << 32;

    /// <summary>Longest line of a simple string, an error or an inline command (Redis: PROTO_INLINE_MAX_SIZE).</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>A line's end was not found (more bytes needed).</summary>
    public const int Incomplete = -1;

    /// <summary>The line is malformed: a bare LF, or longer than allowed.</summary>
    public const int Malformed = -2;

    /// <summary>
    /// Where the CRLF-terminated line at the start of <paramref name="data"/> ends: the
    /// index of its CR (so the line is <c>data[..result]</c> and the next one starts at
    /// result + 2), <see cref="Incomplete"/> or <see cref="Malformed"/>.
    /// </summary>
    public static int FindLineEnd(ReadOnlySpan<byte> data, int maxLineBytes)
    {
        int window = Math.Min(data.Length, maxLineBytes + 2);
        int lf = data[..window].IndexOf((byte)'\n');
        if (lf < 0)
            return window == maxLineBytes + 2 ? Malformed : Incomplete;
        if (lf == 0 || data[lf - 1] != (byte)'\r')
            return Malformed;
        return lf - 1;
    }

    /// <summary>
    /// The usual line of a length, a count or a small integer ("$7\r\n", "*3\r\n", ":1000\r\n"),
    /// read in one pass after the type byte at <paramref name="data"/>[0]: up to 18 digits and
    /// a CRLF. Gives the value and the index of the CR (what <see cref="FindLineEnd"/> gives for
    /// such a line). False for any other line (a sign, more digits, not all here, malformed),
    /// which callers then read the general way; so this decides nothing the general way would
    /// not, it only skips the search for the line's end and the second pass over the digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadDigitsLine(ReadOnlySpan<byte> data, out long value, out int end)
    {
        ulong result = 0;
        int i = 1;
        int stop = Math.Min(data.Length, 20);
        for (; i < stop; i++)
        {
            uint digit = (uint)(data[i] - '0');
            if (digit > 9)
                break;
            result = (result * 10) + digit;
        }
        value = (long)result;
        end = i;
        return i > 1 && i < 20 && i + 1 < data.Length && data[i] == (byte)'\r' && data[i + 1] == (byte)'\n';
    }

    /// <summary>Strict decimal integer: an optional '-', then 1 to 19 digits, nothing else.</summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        bool negative = !text.IsEmpty && text[0] == (byte)'-';
        ReadOnlySpan<byte> digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > 19)
            return false;
        ulong result = 0;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - '0');
            if (d > 9)
                return false;
            result = (result * 10) + d;
        }
        if (result > long.MaxValue)
            return false;
        value = negative ? -(long)result : (long)result;
        return true;
    }

    /// <summary>A length or count: -1 (null) or 0 to <paramref name="max"/>.</summary>
    public static bool TryParseLength(ReadOnlySpan<byte> text, long max, out long value) =>
        TryParseInteger(text, out value) && value >= -1 && value <= max;

    /// <summary>Bytes that start a RESP2 or RESP3 value.</summary>
    /// <remarks>A test of a bit in a 128-bit set (one per ASCII byte): every value's header asks this first.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTypeByte(byte b) =>
        b < 64 ? ((TypeBytesLow >> b) & 1) != 0 : b < 128 && ((TypeBytesHigh >> (b - 64)) & 1) != 0;

    /// <summary>Type bytes below 64: + - : $ * , # ! = ( % &gt;.</summary>
    private const ulong TypeBytesLow =
        (1UL << '+') | (1UL << '-') | (1UL << ':') | (1UL << '$') | (1UL << '*') | (1UL << ',')
        | (1UL << '#') | (1UL << '!') | (1UL << '=') | (1UL << '(') | (1UL << '%') | (1UL << '>');

    /// <summary>Type bytes from 64 to 127, less 64: _ ~ |.</summary>
    private const ulong TypeBytesHigh = (1UL << ('_' - 64)) | (1UL << ('~' - 64)) | (1UL << ('|' - 64));

    /// <summary>Printable ASCII and tabs: what a status line or an error message is made of.</summary>
    public static bool IsPrintableText(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b is < 0x20 and not (byte)'\t' || b == 0x7f)
                return false;
        }
        return true;
    }

    /// <summary>
    /// A RESP3 double as Redis writes it ("%.17g", "inf", "-inf", "nan"): digits with an
    /// optional sign, point and exponent.
    /// </summary>
    public static bool IsDouble(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual("inf"u8) || text.SequenceEqual("-inf"u8) || text.SequenceEqual("nan"u8))
            return true;
        if (text.IsEmpty || text.Length > 64)
            return false;
        bool digits = false;
        foreach (byte b in text)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
                digits = true;
            else if (b is not ((byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E'))
                return false;
        }
        return digits;
    }

    /// <summary>True when <paramref name="text"/> is a JSON number literal and can be written bare.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<byte> text)
    {
        int i = 0;
        if (i < text.Length && text[i] == (byte)'-')
            i++;
        if (i >= text.Length)
            return false;
        if (text[i] == (byte)'0')
        {
            i++;
        }
        else if (IsDigit(text[i]))
        {
            while (i < text.Length && IsDigit(text[i]))
                i++;
        }
        else
        {
            return false;
        }
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            int start = i;
            while (i < text.Length && IsDigit(text[i]))
                i++;
            if (i == start)
                return false;
        }
        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
                i++;
            int start = i;
            while (i < text.Length && IsDigit(text[i]))
                i++;
            if (i == start)
                return false;
        }
        return i == text.Length;
    }

    /// <summary>
    /// A line of MONITOR output: "1700000000.123456 [0 127.0.0.1:50000] "SET" ...": a Unix
    /// time with microseconds, then the database and the client in brackets.
    /// </summary>
    public static bool IsMonitorLine(ReadOnlySpan<byte> text)
    {
        int dot = text.IndexOf((byte)'.');
        if (dot is < 1 or > 12 || text.Length < dot + 10)
            return false;
        for (int i = 0; i < dot; i++)
        {
            if (!IsDigit(text[i]))
                return false;
        }
        for (int i = dot + 1; i < dot + 7; i++)
        {
            if (!IsDigit(text[i]))
                return false;
        }
        return text[dot + 7] == (byte)' ' && text[dot + 8] == (byte)'[' && IsDigit(text[dot + 9]);
    }

    /// <summary>Upper-cases ASCII letters while copying (command names are case-insensitive).</summary>
    public static void CopyUpper(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            destination[i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }
    }

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
