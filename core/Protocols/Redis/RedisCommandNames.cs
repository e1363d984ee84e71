namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// How a command is named in a record: upper-case, and for container commands (those
/// whose first argument picks what they do, as COMMAND DOCS lists them) with that
/// subcommand: "CLIENT SETNAME", "CONFIG GET", "XINFO STREAM" — as Pixie names them.
/// </summary>
internal static class RedisCommandNames
{
    /// <summary>Bytes of a command name kept (real ones are under 20; longer is garbage or an attack).</summary>
    public const int MaxNameBytes = 64;

    /// <summary>Bytes of a subcommand kept in the name ("COUNT-FAILURE-REPORTS" is the longest real one).</summary>
    public const int MaxSubcommandBytes = 32;

    /// <summary>Room for a name, a space and a subcommand.</summary>
    public const int Capacity = MaxNameBytes + 1 + MaxSubcommandBytes;

    /// <summary>Commands whose first argument is a subcommand (upper-case name expected).</summary>
    public static bool IsContainer(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 => name.SequenceEqual("ACL"u8),
        5 => name.SequenceEqual("DEBUG"u8) || name.SequenceEqual("XINFO"u8),
        6 => name.SequenceEqual("CLIENT"u8) || name.SequenceEqual("CONFIG"u8) || name.SequenceEqual("MEMORY"u8)
            || name.SequenceEqual("MODULE"u8) || name.SequenceEqual("OBJECT"u8) || name.SequenceEqual("PUBSUB"u8)
            || name.SequenceEqual("SCRIPT"u8) || name.SequenceEqual("XGROUP"u8),
        7 => name.SequenceEqual("CLUSTER"u8) || name.SequenceEqual("COMMAND"u8) || name.SequenceEqual("LATENCY"u8)
            || name.SequenceEqual("SLOWLOG"u8),
        8 => name.SequenceEqual("FUNCTION"u8) || name.SequenceEqual("SENTINEL"u8),
        _ => false,
    };

    /// <summary>
    /// Could this argument be a subcommand? A short word of letters, digits, '-' and '_'
    /// starting with a letter; anything else stays an argument.
    /// </summary>
    public static bool IsSubcommandToken(ReadOnlySpan<byte> arg)
    {
        if (arg.IsEmpty || arg.Length > MaxSubcommandBytes || !IsLetter(arg[0]))
            return false;
        foreach (byte b in arg)
        {
            if (!IsLetter(b) && !RedisSyntax.IsDigit(b) && b is not ((byte)'-' or (byte)'_'))
                return false;
        }
        return true;
    }

    /// <summary>The commands whose replies need special handling (upper-case name expected).</summary>
    public static RedisCommandKind KindOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("PING"u8) => RedisCommandKind.Ping,
        5 when name.SequenceEqual("HELLO"u8) => RedisCommandKind.Hello,
        5 when name.SequenceEqual("RESET"u8) => RedisCommandKind.Reset,
        7 when name.SequenceEqual("MONITOR"u8) => RedisCommandKind.Monitor,
        9 when name.SequenceEqual("SUBSCRIBE"u8) => RedisCommandKind.Subscribe,
        10 when name.SequenceEqual("PSUBSCRIBE"u8) => RedisCommandKind.PSubscribe,
        10 when name.SequenceEqual("SSUBSCRIBE"u8) => RedisCommandKind.SSubscribe,
        11 when name.SequenceEqual("UNSUBSCRIBE"u8) => RedisCommandKind.Unsubscribe,
        12 when name.SequenceEqual("PUNSUBSCRIBE"u8) => RedisCommandKind.PUnsubscribe,
        12 when name.SequenceEqual("SUNSUBSCRIBE"u8) => RedisCommandKind.SUnsubscribe,
        _ => RedisCommandKind.Other,
    };

    /// <summary>
    /// The kind of (un)subscribe command a confirmation's first element names
    /// ("subscribe", "punsubscribe"...; case as Redis sends it, lower); Other if none.
    /// </summary>
    public static RedisCommandKind ConfirmationKind(ReadOnlySpan<byte> word) => word.Length switch
    {
        9 when word.SequenceEqual("subscribe"u8) => RedisCommandKind.Subscribe,
        10 when word.SequenceEqual("psubscribe"u8) => RedisCommandKind.PSubscribe,
        10 when word.SequenceEqual("ssubscribe"u8) => RedisCommandKind.SSubscribe,
        11 when word.SequenceEqual("unsubscribe"u8) => RedisCommandKind.Unsubscribe,
        12 when word.SequenceEqual("punsubscribe"u8) => RedisCommandKind.PUnsubscribe,
        12 when word.SequenceEqual("sunsubscribe"u8) => RedisCommandKind.SUnsubscribe,
        _ => RedisCommandKind.Other,
    };

    public static bool IsSubscribeFamily(RedisCommandKind kind) =>
        kind is >= RedisCommandKind.Subscribe and <= RedisCommandKind.SUnsubscribe;

    /// <summary>Shard-channel commands keep their own subscription count.</summary>
    public static bool IsShardFamily(RedisCommandKind kind) =>
        kind is RedisCommandKind.SSubscribe or RedisCommandKind.SUnsubscribe;

    /// <summary>A published message as pushed to subscribers: "message", "pmessage" or "smessage" (shape checked by the caller).</summary>
    public static bool IsPublishedMessage(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("message"u8) || word.SequenceEqual("pmessage"u8) || word.SequenceEqual("smessage"u8);

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
