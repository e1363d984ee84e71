using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Recognises Redis from a connection's first bytes, strictly, since RESP's first byte
/// alone would claim all sorts of text: a command is an array of bulk strings whose
/// first is a command-like name ("*3\r\n$3\r\nSET\r\n"), or an inline line starting
/// with a known command ("PING\r\n"); a reply is a well-formed RESP value whose simple
/// strings and errors look like Redis's own ("+OK", "-ERR ..."). Never throws.
/// </summary>
internal static class RedisInference
{
    /// <summary>Most arguments in a command we recognise (Redis accepts more; real first commands have few).</summary>
    private const long MaxInferredArguments = 1 << 20;

    public static InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role)
    {
        if (data.IsEmpty)
            return InferenceResult.NeedMoreData;
        if (role != ConnectionRole.Unknown)
        {
            return direction == role.RequestDirection()
                ? Verdict(InferCommand(data, knownNamesOnly: false), InferenceResult.Request)
                : Verdict(RedisReplyParser.LooksLikeValueStart(data, strict: true), InferenceResult.Response);
        }

        // No role: bytes either way could be a command or a reply. A command array is
        // only taken for one when it names a known command (LRANGE's reply looks the same).
        RedisVerdict command = InferCommand(data, knownNamesOnly: true);
        if (command != RedisVerdict.No)
            return command == RedisVerdict.Yes ? InferenceResult.Request : InferenceResult.NeedMoreData;
        return Verdict(RedisReplyParser.LooksLikeValueStart(data, strict: true), InferenceResult.Response);
    }

    private static InferenceResult Verdict(RedisVerdict verdict, InferenceResult match) => verdict switch
    {
        RedisVerdict.Yes => match,
        RedisVerdict.Maybe => InferenceResult.NeedMoreData,
        _ => InferenceResult.NoMatch,
    };

    private static RedisVerdict InferCommand(ReadOnlySpan<byte> data, bool knownNamesOnly) =>
        data[0] == (byte)'*' ? InferArray(data, knownNamesOnly) : InferInline(data);

    /// <summary>"*N\r\n$L\r\nNAME\r\n" with a command-like NAME.</summary>
    private static RedisVerdict InferArray(ReadOnlySpan<byte> data, bool knownNamesOnly)
    {
        int end = RedisSyntax.FindLineEnd(data, RedisSyntax.MaxLengthLineBytes);
        if (end == RedisSyntax.Incomplete)
            return RedisVerdict.Maybe;
        if (end < 0 || !RedisSyntax.TryParseLength(data[1..end], MaxInferredArguments, out long count) || count < 1)
            return RedisVerdict.No;
        ReadOnlySpan<byte> element = data[(end + 2)..];
        if (element.IsEmpty)
            return RedisVerdict.Maybe;
        if (element[0] != (byte)'$')
            return RedisVerdict.No;
        end = RedisSyntax.FindLineEnd(element, RedisSyntax.MaxLengthLineBytes);
        if (end == RedisSyntax.Incomplete)
            return RedisVerdict.Maybe;
        if (end < 0 || !RedisSyntax.TryParseLength(element[1..end], RedisCommandNames.MaxNameBytes, out long length) || length < 1)
            return RedisVerdict.No;
        ReadOnlySpan<byte> rest = element[(end + 2)..];
        if (rest.Length < length + 2)
            return rest.Length <= length && IsNameLike(rest) ? RedisVerdict.Maybe : RedisVerdict.No;
        ReadOnlySpan<byte> name = rest[..(int)length];
        if (rest[(int)length] != (byte)'\r' || rest[(int)length + 1] != (byte)'\n' || !IsNameLike(name))
            return RedisVerdict.No;
        return !knownNamesOnly || RedisKnownCommands.Contains(name) ? RedisVerdict.Yes : RedisVerdict.No;
    }

    /// <summary>A whole line of text starting with a known command that no other text protocol shares.</summary>
    private static RedisVerdict InferInline(ReadOnlySpan<byte> data)
    {
        int lf = data.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line = lf < 0 ? data : data[..lf];
        if (!line.IsEmpty && line[^1] == (byte)'\r')
            line = line[..^1];
        int space = line.IndexOfAny((byte)' ', (byte)'\t');
        ReadOnlySpan<byte> name = space < 0 ? line : line[..space];
        if (lf < 0)
        {
            // Wait for the line while it can still start with a command name.
            return space < 0 && name.Length <= RedisKnownCommands.MaxNameLength && IsNameLike(name) ? RedisVerdict.Maybe
                : space > 0 && RedisKnownCommands.IsInlineCommand(name) && data.Length < 256 ? RedisVerdict.Maybe
                : RedisVerdict.No;
        }
        if (!RedisKnownCommands.IsInlineCommand(name) || !RedisSyntax.IsPrintableText(line))
            return RedisVerdict.No;
        // IRC's "PING :server" is not Redis's PING.
        return space > 0 && line[(space + 1)..].TrimStart((byte)' ').StartsWith((byte)':') ? RedisVerdict.No : RedisVerdict.Yes;
    }

    /// <summary>Letters, digits and the punctuation of module commands ("JSON.GET", "FT._LIST"), starting with a letter.</summary>
    private static bool IsNameLike(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
            return true;
        if ((uint)((name[0] | 0x20) - 'a') > 'z' - 'a')
            return false;
        foreach (byte b in name)
        {
            bool ok = (uint)((b | 0x20) - 'a') <= 'z' - 'a' || RedisSyntax.IsDigit(b) || b is (byte)'.' or (byte)'_' or (byte)'-' or (byte)'|';
            if (!ok)
                return false;
        }
        return true;
    }
}
