namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Splits an inline command (a line typed by hand: <c>SET "a key" 'x y'</c>) into its
/// arguments the way Redis does (sdssplitargs): whitespace separates, double quotes
/// take \xHH, \n, \r, \t, \b, \a and \c escapes, single quotes take \', and a
/// closing quote must be followed by whitespace or the end of the line.
/// </summary>
internal ref struct RedisInlineArguments(ReadOnlySpan<byte> line)
{
    private ReadOnlySpan<byte> _rest = line;

    /// <summary>Arguments in <paramref name="line"/>; -1 when its quotes are unbalanced (Redis answers a protocol error).</summary>
    public static int Count(ReadOnlySpan<byte> line)
    {
        var arguments = new RedisInlineArguments(line);
        int count = 0;
        bool malformed;
        while (arguments.TryNext(default, out _, out _, out malformed))
            count++;
        return malformed ? -1 : count;
    }

    /// <summary>
    /// Decodes the next argument, keeping its first <paramref name="destination"/>.Length
    /// bytes in <paramref name="destination"/>. False at the end of the line or when the
    /// line is malformed (<paramref name="malformed"/>).
    /// </summary>
    public bool TryNext(Span<byte> destination, out int kept, out long length, out bool malformed)
    {
        kept = 0;
        length = 0;
        malformed = false;
        int i = 0;
        ReadOnlySpan<byte> s = _rest;
        while (i < s.Length && IsSpace(s[i]))
            i++;
        if (i == s.Length)
        {
            _rest = default;
            return false;
        }

        Quote quote = Quote.None;
        while (true)
        {
            if (i == s.Length)
            {
                if (quote != Quote.None)
                {
                    // Unterminated quotes.
                    malformed = true;
                    _rest = default;
                    return false;
                }
                break;
            }
            byte b = s[i];
            if (quote == Quote.Double)
            {
                if (b == (byte)'\\' && i + 3 < s.Length && s[i + 1] == (byte)'x' && IsHex(s[i + 2]) && IsHex(s[i + 3]))
                {
                    Keep(destination, ref kept, ref length, (byte)((Hex(s[i + 2]) << 4) | Hex(s[i + 3])));
                    i += 4;
                    continue;
                }
                if (b == (byte)'\\' && i + 1 < s.Length)
                {
                    Keep(destination, ref kept, ref length, s[i + 1] switch
                    {
                        (byte)'n' => (byte)'\n',
                        (byte)'r' => (byte)'\r',
                        (byte)'t' => (byte)'\t',
                        (byte)'b' => (byte)'\b',
                        (byte)'a' => (byte)'\a',
                        byte other => other,
                    });
                    i += 2;
                    continue;
                }
                if (b == (byte)'"')
                {
                    i++;
                    if (i < s.Length && !IsSpace(s[i]))
                    {
                        malformed = true;
                        _rest = default;
                        return false;
                    }
                    break;
                }
                Keep(destination, ref kept, ref length, b);
                i++;
                continue;
            }
            if (quote == Quote.Single)
            {
                if (b == (byte)'\\' && i + 1 < s.Length && s[i + 1] == (byte)'\'')
                {
                    Keep(destination, ref kept, ref length, (byte)'\'');
                    i += 2;
                    continue;
                }
                if (b == (byte)'\'')
                {
                    i++;
                    if (i < s.Length && !IsSpace(s[i]))
                    {
                        malformed = true;
                        _rest = default;
                        return false;
                    }
                    break;
                }
                Keep(destination, ref kept, ref length, b);
                i++;
                continue;
            }
            if (IsSpace(b))
                break;
            if (b == (byte)'"')
                quote = Quote.Double;
            else if (b == (byte)'\'')
                quote = Quote.Single;
            else
                Keep(destination, ref kept, ref length, b);
            i++;
        }
        _rest = s[i..];
        return true;
    }

    private enum Quote : byte
    {
        None,
        Double,
        Single,
    }

    private static void Keep(Span<byte> destination, ref int kept, ref long length, byte b)
    {
        if (kept < destination.Length)
            destination[kept++] = b;
        length++;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f' or 0;

    private static bool IsHex(byte b) => RedisSyntax.IsDigit(b) || (uint)((b | 0x20) - 'a') <= 5;

    private static int Hex(byte b) => RedisSyntax.IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;
}
