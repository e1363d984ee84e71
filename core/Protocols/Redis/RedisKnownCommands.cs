using System.Collections.Frozen;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Names of commonly used Redis commands, for inference only: when a connection's
/// role is not known, an array of bulk strings could be a command or a reply (LRANGE's,
/// say); one that starts with a command's name is taken for a command.
/// </summary>
internal static class RedisKnownCommands
{
    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "GET", "SET", "SETEX", "PSETEX", "SETNX", "GETSET", "GETDEL", "GETEX", "MGET", "MSET", "MSETNX",
            "INCR", "INCRBY", "INCRBYFLOAT", "DECR", "DECRBY", "APPEND", "STRLEN", "GETRANGE", "SETRANGE", "LCS",
            "DEL", "UNLINK", "EXISTS", "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT", "EXPIRETIME", "TTL", "PTTL",
            "PERSIST", "TYPE", "KEYS", "SCAN", "RENAME", "RENAMENX", "RANDOMKEY", "DUMP", "RESTORE", "TOUCH",
            "OBJECT", "COPY", "MOVE", "SORT", "SORT_RO",
            "HGET", "HSET", "HSETNX", "HMSET", "HMGET", "HGETALL", "HDEL", "HEXISTS", "HINCRBY", "HINCRBYFLOAT",
            "HKEYS", "HVALS", "HLEN", "HSCAN", "HSTRLEN", "HRANDFIELD",
            "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LPOP", "RPOP", "LRANGE", "LLEN", "LINDEX", "LSET", "LREM",
            "LTRIM", "LINSERT", "LPOS", "LMOVE", "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "RPOPLPUSH", "LMPOP", "BLMPOP",
            "SADD", "SREM", "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD", "SPOP", "SRANDMEMBER", "SINTER", "SUNION",
            "SDIFF", "SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE", "SMOVE", "SSCAN", "SINTERCARD",
            "ZADD", "ZREM", "ZRANGE", "ZREVRANGE", "ZRANGEBYSCORE", "ZREVRANGEBYSCORE", "ZRANGEBYLEX", "ZSCORE",
            "ZMSCORE", "ZINCRBY", "ZCARD", "ZCOUNT", "ZRANK", "ZREVRANK", "ZPOPMIN", "ZPOPMAX", "BZPOPMIN", "BZPOPMAX",
            "ZSCAN", "ZUNIONSTORE", "ZINTERSTORE", "ZREMRANGEBYSCORE", "ZREMRANGEBYRANK", "ZRANGESTORE", "ZRANDMEMBER",
            "ZMPOP", "BZMPOP", "ZDIFF", "ZINTER", "ZUNION",
            "XADD", "XREAD", "XREADGROUP", "XRANGE", "XREVRANGE", "XLEN", "XACK", "XDEL", "XTRIM", "XCLAIM",
            "XAUTOCLAIM", "XPENDING", "XGROUP", "XINFO", "XSETID",
            "PFADD", "PFCOUNT", "PFMERGE", "GEOADD", "GEODIST", "GEOPOS", "GEOSEARCH", "GEORADIUS", "GEOHASH",
            "SETBIT", "GETBIT", "BITCOUNT", "BITPOS", "BITOP", "BITFIELD",
            "PUBLISH", "SUBSCRIBE", "UNSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE", "SSUBSCRIBE", "SUNSUBSCRIBE",
            "SPUBLISH", "PUBSUB",
            "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "SCRIPT",
            "FCALL", "FCALL_RO", "FUNCTION",
            "PING", "ECHO", "AUTH", "HELLO", "SELECT", "QUIT", "RESET", "CLIENT", "CONFIG", "INFO", "DBSIZE",
            "FLUSHDB", "FLUSHALL", "TIME", "COMMAND", "MONITOR", "SLOWLOG", "LATENCY", "MEMORY", "SAVE", "BGSAVE",
            "BGREWRITEAOF", "LASTSAVE", "WAIT", "CLUSTER", "READONLY", "READWRITE", "ASKING", "REPLCONF", "PSYNC",
            "SYNC", "ROLE", "REPLICAOF", "SLAVEOF", "DEBUG", "ACL", "MODULE", "SWAPDB", "SHUTDOWN",
        ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest name in the set.</summary>
    public const int MaxNameLength = 16;

    /// <summary>
    /// Commands recognised as an inline line's first word: ones people type into telnet
    /// and that no other text protocol begins a line with. Not GET/SET/INCR/DECR/APPEND/
    /// TOUCH/QUIT (memcached's text commands), TYPE (FTP), AUTH (SMTP), HELLO ("hello
    /// world"), and nothing HTTP or WebDAV uses as a method.
    /// </summary>
    private static readonly FrozenSet<string> Inline = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "PING", "ECHO", "INFO", "DBSIZE", "KEYS", "EXISTS", "DEL", "TTL", "PTTL", "EXPIRE", "PERSIST", "SCAN",
            "MGET", "MSET", "SETEX", "SETNX", "GETSET", "STRLEN", "INCRBY", "DECRBY",
            "HGET", "HSET", "HGETALL", "HDEL", "HKEYS", "HLEN", "LPUSH", "RPUSH", "LPOP", "RPOP", "LRANGE", "LLEN",
            "SADD", "SREM", "SMEMBERS", "SCARD", "ZADD", "ZRANGE", "ZSCORE", "ZCARD",
            "SELECT", "FLUSHDB", "FLUSHALL", "CLIENT", "CONFIG", "COMMAND", "MONITOR", "SLOWLOG",
            "SUBSCRIBE", "PSUBSCRIBE", "PUBLISH", "MULTI", "EXEC", "DISCARD",
        ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineLookup =
        Inline.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="name"/> (any case) is a known command.</summary>
    public static bool Contains(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[MaxNameLength];
        return TryUpper(name, chars, out int length) && Lookup.Contains(chars[..length]);
    }

    /// <summary>Whether an inline line starting with <paramref name="name"/> is Redis rather than another text protocol.</summary>
    public static bool IsInlineCommand(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[MaxNameLength];
        return TryUpper(name, chars, out int length) && InlineLookup.Contains(chars[..length]);
    }

    private static bool TryUpper(ReadOnlySpan<byte> name, Span<char> chars, out int length)
    {
        length = name.Length;
        if (name.IsEmpty || name.Length > chars.Length)
            return false;
        for (int i = 0; i < name.Length; i++)
        {
            byte b = name[i];
            chars[i] = (char)(b is >= (byte)'a' and <= (byte)'z' ? b - 32 : b);
        }
        return true;
    }
}
