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

    /// <summary>
    /// What an upper-case command name says: its <see cref="RedisCommandKind"/>, and whether it is a
    /// container (its first argument is a subcommand). One switch on the length and first letter,
    /// so a name is compared with at most two candidates (every command is named this way).
    /// </summary>
    public static RedisCommandKind Describe(ReadOnlySpan<byte> name, out bool container)
    {
        container = false;
        if (name.IsEmpty)
            return RedisCommandKind.Other;
        switch (name.Length, name[0])
        {
            case (3, (byte)'A'):
                container = name.SequenceEqual("ACL"u8);
                break;
            case (4, (byte)'P') when name.SequenceEqual("PING"u8):
                return RedisCommandKind.Ping;
            case (5, (byte)'D'):
                container = name.SequenceEqual("DEBUG"u8);
                break;
            case (5, (byte)'X'):
                container = name.SequenceEqual("XINFO"u8);
                break;
            case (5, (byte)'H') when name.SequenceEqual("HELLO"u8):
                return RedisCommandKind.Hello;
            case (5, (byte)'R') when name.SequenceEqual("RESET"u8):
                return RedisCommandKind.Reset;
            case (6, (byte)'C'):
                container = name.SequenceEqual("CLIENT"u8) || name.SequenceEqual("CONFIG"u8);
                break;
            case (6, (byte)'M'):
                container = name.SequenceEqual("MEMORY"u8) || name.SequenceEqual("MODULE"u8);
                break;
            case (6, (byte)'O'):
                container = name.SequenceEqual("OBJECT"u8);
                break;
            case (6, (byte)'P'):
                container = name.SequenceEqual("PUBSUB"u8);
                break;
            case (6, (byte)'S'):
                container = name.SequenceEqual("SCRIPT"u8);
                break;
            case (6, (byte)'X'):
                container = name.SequenceEqual("XGROUP"u8);
                break;
            case (7, (byte)'C'):
                container = name.SequenceEqual("CLUSTER"u8) || name.SequenceEqual("COMMAND"u8);
                break;
            case (7, (byte)'L'):
                container = name.SequenceEqual("LATENCY"u8);
                break;
            case (7, (byte)'S'):
                container = name.SequenceEqual("SLOWLOG"u8);
                break;
            case (7, (byte)'M') when name.SequenceEqual("MONITOR"u8):
                return RedisCommandKind.Monitor;
            case (8, (byte)'F'):
                container = name.SequenceEqual("FUNCTION"u8);
                break;
            case (8, (byte)'S'):
                container = name.SequenceEqual("SENTINEL"u8);
                break;
            case (9, (byte)'S') when name.SequenceEqual("SUBSCRIBE"u8):
                return RedisCommandKind.Subscribe;
            case (10, (byte)'P') when name.SequenceEqual("PSUBSCRIBE"u8):
                return RedisCommandKind.PSubscribe;
            case (10, (byte)'S') when name.SequenceEqual("SSUBSCRIBE"u8):
                return RedisCommandKind.SSubscribe;
            case (11, (byte)'U') when name.SequenceEqual("UNSUBSCRIBE"u8):
                return RedisCommandKind.Unsubscribe;
            case (12, (byte)'P') when name.SequenceEqual("PUNSUBSCRIBE"u8):
                return RedisCommandKind.PUnsubscribe;
            case (12, (byte)'S') when name.SequenceEqual("SUNSUBSCRIBE"u8):
                return RedisCommandKind.SUnsubscribe;
        }
        return RedisCommandKind.Other;
    }

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
