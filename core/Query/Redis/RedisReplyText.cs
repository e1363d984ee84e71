namespace Devtools.Core.Query.Redis;

/// <summary>
/// Reading redis_events' resp column. An error renders as "-" and its message
/// ("-ERR unknown command", "-WRONGTYPE ..."); negative numbers ("-2", "-1.5", "-inf")
/// also start with "-", but never with "-" and a letter other than "-inf"'s. A string
/// reply shows as its text, so one that itself starts with "-" and a letter reads as an
/// error too: rare enough for error rates.
/// </summary>
public static class RedisReplyText
{
    /// <summary>Whether <paramref name="resp"/> (UTF-8) is the rendering of an error reply.</summary>
    public static bool IsError(ReadOnlySpan<byte> resp) =>
        resp.Length >= 2 && resp[0] == (byte)'-' && !IsDigit(resp[1]) && !resp.SequenceEqual("-inf"u8);

    /// <summary>Rows recorded for pushes (published messages, RESP3 pushes) have req_cmd "PUSH" or "PUSH ...".</summary>
    public static bool IsPush(ReadOnlySpan<byte> command) =>
        command.StartsWith("PUSH"u8) && (command.Length == 4 || command[4] == (byte)' ');

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
