using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using Devtools.Core.Common;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Appends text to a <see cref="RedisMessage"/>'s buffer within a limit. Values are
/// written as JSON strings (escaped: control characters, quotes, and bytes that are
/// not UTF-8 as \u00XX), so whatever bytes were on the wire the text is valid UTF-8
/// and, for arrays, valid JSON. A value longer than the kept prefix ends in
/// "…(N bytes)" with its true size.
/// </summary>
internal static class RedisText
{
    /// <summary>Marks a value, argument list or aggregate that was cut short.</summary>
    public static ReadOnlySpan<byte> Ellipsis => "…"u8;

    /// <summary>Longest "…(N bytes)" or "…(+N more)" suffix.</summary>
    public const int MaxMarkerBytes = 32;

    /// <summary>Bytes a JSON string holds as they are: printable ASCII but the quote and the backslash.</summary>
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7f - 0x20).Select(b => (byte)b).Where(b => b is not (byte)'"' and not (byte)'\\')]);

    /// <summary>Appends <paramref name="bytes"/> if the text stays within <paramref name="limit"/> bytes of the buffer.</summary>
    public static bool TryAppend(ref RedisMessage message, scoped ReadOnlySpan<byte> bytes, int limit)
    {
        int end = message.TextEnd;
        if (end + bytes.Length > limit)
            return false;
        Append(ref message, bytes);
        return true;
    }

    /// <summary>Appends <paramref name="separator"/> and <paramref name="bytes"/> (JSON punctuation, written as is) if they fit.</summary>
    public static bool TryAppend(ref RedisMessage message, scoped ReadOnlySpan<byte> separator, scoped ReadOnlySpan<byte> bytes, int limit)
    {
        if (message.TextEnd + separator.Length + bytes.Length > limit)
            return false;
        Append(ref message, separator);
        Append(ref message, bytes);
        return true;
    }

    /// <summary>Appends <paramref name="bytes"/> whatever the limit (closers and markers, for which room is reserved).</summary>
    public static void Append(ref RedisMessage message, scoped ReadOnlySpan<byte> bytes)
    {
        int end = message.TextEnd;
        message.EnsureCapacity(end + bytes.Length);
        bytes.CopyTo(message.Bytes.AsSpan(end));
        message.TextLength += bytes.Length;
    }

    public static void Append(ref RedisMessage message, byte value)
    {
        int end = message.TextEnd;
        message.EnsureCapacity(end + 1);
        message.Bytes[end] = value;
        message.TextLength++;
    }

    /// <summary>
    /// Appends <paramref name="separator"/> then a value whose first bytes are
    /// <paramref name="prefix"/> and whose true size is <paramref name="fullLength"/>:
    /// quoted as a JSON string, or (<paramref name="quoted"/> false) escaped the same
    /// way without quotes. False, with nothing appended, if it does not fit.
    /// </summary>
    public static bool TryAppendValue(
        ref RedisMessage message,
        scoped ReadOnlySpan<byte> separator,
        scoped ReadOnlySpan<byte> leading,
        scoped ReadOnlySpan<byte> prefix,
        long fullLength,
        bool quoted,
        int limit)
    {
        bool cut = fullLength > prefix.Length;
        if (cut)
            prefix = WithoutPartialCharacter(prefix);
        int end = message.TextEnd;
        if (!cut && IsPlain(prefix) && IsPlain(leading))
            return TryAppendPlain(ref message, end, separator, leading, prefix, quoted, limit);
        // Most values need no escaping: try with room for them as they are, and only if
        // escapes overflow that, with room for the worst (a byte escapes to 6: "\u00ff").
        int fixedBytes = separator.Length + leading.Length + 2 + MaxMarkerBytes;
        int room = (int)Math.Min(limit - end, (long)fixedBytes + prefix.Length + (prefix.Length >> 3));
        if (room <= 0)
            return false;
        if (TryWrite(ref message, end, room, separator, leading, prefix, fullLength, quoted, cut))
            return true;
        int worst = (int)Math.Min(limit - end, fixedBytes + (prefix.Length * 6L));
        return worst > room && TryWrite(ref message, end, worst, separator, leading, prefix, fullLength, quoted, cut);
    }

    /// <summary>
    /// True when <paramref name="text"/> needs no escaping. Most values are short keys and
    /// numbers, for which a search call costs more than looking: up to 32 bytes are checked
    /// as one or two blocks (overlapping loads within the text), 4 to 7 bytes (counts,
    /// integers) as one block of two overlapping 4-byte loads, fewer byte by byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(ReadOnlySpan<byte> text)
    {
        int length = text.Length;
        ref byte start = ref MemoryMarshal.GetReference(text);
        if (length < 8)
        {
            if (length >= 4)
            {
                ulong word = Unsafe.ReadUnaligned<uint>(ref start)
                    | ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - 4)) << 32);
                // The word fills both halves: every lane is a byte of the text.
                return IsPlainBlock(Vector128.Create(word).AsByte());
            }
            for (int i = 0; i < length; i++)
            {
                if (!IsPlainByte(Unsafe.Add(ref start, i)))
                    return false;
            }
            return true;
        }
        if (length <= 16)
        {
            var block = Vector128.Create(
                Unsafe.ReadUnaligned<ulong>(ref start),
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8))).AsByte();
            return IsPlainBlock(block);
        }
        if (length <= 32)
        {
            return IsPlainBlock(Vector128.LoadUnsafe(ref start))
                && IsPlainBlock(Vector128.LoadUnsafe(ref start, (nuint)(length - 16)));
        }
        // Longer values that need escaping are mostly JSON documents, whose first quote is in
        // the first block: that block is looked at before the search is called.
        return IsPlainBlock(Vector128.LoadUnsafe(ref start)) && text[16..].IndexOfAnyExcept(PlainBytes) < 0;
    }

    private static bool IsPlainByte(byte b) => (uint)(b - 0x20) < 0x5f && b != (byte)'"' && b != (byte)'\\';

    /// <summary>The rule of <see cref="PlainBytes"/> for 16 bytes at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainBlock(Vector128<byte> block) =>
        (Vector128.GreaterThanOrEqual(block - Vector128.Create((byte)0x20), Vector128.Create((byte)0x5f))
            | Vector128.Equals(block, Vector128.Create((byte)'"'))
            | Vector128.Equals(block, Vector128.Create((byte)'\\'))) == Vector128<byte>.Zero;

    /// <summary>A value that needs no escaping (most keys, numbers and statuses): copied in one go.</summary>
    private static bool TryAppendPlain(
        ref RedisMessage message,
        int end,
        scoped ReadOnlySpan<byte> separator,
        scoped ReadOnlySpan<byte> leading,
        scoped ReadOnlySpan<byte> value,
        bool quoted,
        int limit)
    {
        int quotes = quoted ? 2 : 0;
        int length = separator.Length + leading.Length + value.Length + quotes;
        if (end + length > limit)
            return false;
        message.EnsureCapacity(end + length);
        Span<byte> destination = message.Bytes.AsSpan(end, length);
        ShortCopy.Copy(separator, destination);
        int at = separator.Length;
        if (quoted)
            destination[at++] = (byte)'"';
        ShortCopy.Copy(leading, destination[at..]);
        at += leading.Length;
        ShortCopy.Copy(value, destination[at..]);
        if (quoted)
            destination[^1] = (byte)'"';
        message.TextLength += length;
        return true;
    }

    private static bool TryWrite(
        ref RedisMessage message,
        int end,
        int room,
        scoped ReadOnlySpan<byte> separator,
        scoped ReadOnlySpan<byte> leading,
        scoped ReadOnlySpan<byte> prefix,
        long fullLength,
        bool quoted,
        bool cut)
    {
        message.EnsureCapacity(end + room);
        var writer = new BoundedJsonWriter(message.Bytes.AsSpan(end, room));
        writer.WriteRaw(separator);
        if (quoted)
            writer.WriteRaw((byte)'"');
        writer.WriteEscaped(leading);
        writer.WriteEscaped(prefix);
        if (cut)
            WriteSizeMarker(ref writer, fullLength);
        if (quoted)
            writer.WriteRaw((byte)'"');
        if (writer.Overflowed)
            return false;
        message.TextLength += writer.Position;
        if (cut)
            message.Flags |= RedisMessageFlags.Truncated;
        return true;
    }

    /// <summary>
    /// Appends a value as its text, the way Pixie shows a bulk reply: valid UTF-8 as it
    /// is, each byte that is not UTF-8 as "\xNN" (as redis-cli shows them), and
    /// "…(N bytes)" after a prefix. False, with nothing appended, if it does not fit.
    /// </summary>
    public static bool TryAppendText(ref RedisMessage message, scoped ReadOnlySpan<byte> prefix, long fullLength, int limit)
    {
        bool cut = fullLength > prefix.Length;
        if (cut)
            prefix = WithoutPartialCharacter(prefix);
        int end = message.TextEnd;
        if (Utf8.IsValid(prefix))
        {
            if (end + prefix.Length + (cut ? MaxMarkerBytes : 0) > limit)
                return false;
            Append(ref message, prefix);
        }
        else
        {
            // At most four bytes ("\xNN") per byte.
            if (end + (prefix.Length * 4L) + (cut ? MaxMarkerBytes : 0) > limit)
                return false;
            message.EnsureCapacity(end + (prefix.Length * 4));
            Span<byte> destination = message.Bytes.AsSpan(end);
            int at = 0;
            while (!prefix.IsEmpty)
            {
                if (Rune.DecodeFromUtf8(prefix, out _, out int length) == OperationStatus.Done)
                {
                    prefix[..length].CopyTo(destination[at..]);
                    at += length;
                    prefix = prefix[length..];
                    continue;
                }
                destination[at++] = (byte)'\\';
                destination[at++] = (byte)'x';
                destination[at++] = HexDigits[prefix[0] >> 4];
                destination[at++] = HexDigits[prefix[0] & 0xF];
                prefix = prefix[1..];
            }
            message.TextLength += at;
        }
        if (cut)
        {
            Span<byte> marker = stackalloc byte[MaxMarkerBytes];
            Append(ref message, marker[..FormatSizeMarker(marker, fullLength)]);
            message.Flags |= RedisMessageFlags.Truncated;
        }
        return true;
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Appends "…(+<paramref name="more"/> more)" as a JSON string, after <paramref name="separator"/>.</summary>
    public static void AppendMoreMarker(ref RedisMessage message, scoped ReadOnlySpan<byte> separator, long more)
    {
        Span<byte> marker = stackalloc byte[MaxMarkerBytes + 16];
        int n = 0;
        separator.CopyTo(marker);
        n += separator.Length;
        marker[n++] = (byte)'"';
        Ellipsis.CopyTo(marker[n..]);
        n += Ellipsis.Length;
        "(+"u8.CopyTo(marker[n..]);
        n += 2;
        Utf8Formatter.TryFormat(more, marker[n..], out int written);
        n += written;
        " more)\""u8.CopyTo(marker[n..]);
        n += 7;
        Append(ref message, marker[..n]);
    }

    /// <summary>The prefix without a UTF-8 sequence cut in the middle by the prefix's end.</summary>
    private static ReadOnlySpan<byte> WithoutPartialCharacter(ReadOnlySpan<byte> prefix)
    {
        for (int back = 1; back <= 3 && back <= prefix.Length; back++)
        {
            byte b = prefix[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte (or ASCII): drop it only if its sequence does not fit.
                return Rune.DecodeFromUtf8(prefix[^back..], out _, out _) == OperationStatus.NeedMoreData
                    ? prefix[..^back]
                    : prefix;
            }
        }
        return prefix;
    }

    private static void WriteSizeMarker(ref BoundedJsonWriter writer, long fullLength)
    {
        Span<byte> marker = stackalloc byte[MaxMarkerBytes];
        writer.WriteRaw(marker[..FormatSizeMarker(marker, fullLength)]);
    }

    /// <summary>"…(N bytes)" into <paramref name="marker"/>; returns its length.</summary>
    private static int FormatSizeMarker(Span<byte> marker, long fullLength)
    {
        Ellipsis.CopyTo(marker);
        int n = Ellipsis.Length;
        marker[n++] = (byte)'(';
        Utf8Formatter.TryFormat(fullLength, marker[n..], out int written);
        n += written;
        " bytes)"u8.CopyTo(marker[n..]);
        return n + 7;
    }
}
