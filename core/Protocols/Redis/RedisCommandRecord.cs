using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Redis;

/// <summary>What a redis_events row stands for.</summary>
public enum RedisRecordKind : byte
{
    /// <summary>A command and its reply.</summary>
    Command,

    /// <summary>A command the server does not answer (CLIENT REPLY OFF or SKIP in force).</summary>
    CommandWithoutReply,

    /// <summary>Something the server sent without a command: a published message, a RESP3 push.</summary>
    Push,
}

/// <summary>
/// One row of redis_events before it is written: a command and its reply, a command
/// without reply, or a push. A ref struct of spans over the frames' own buffers, so
/// handing it to a sink copies nothing; it lives only for the duration of
/// <see cref="IRedisCommandSink.Write"/>.
/// </summary>
public readonly ref struct RedisCommandRecord
{
    public ConnectionInfo Connection { get; init; }

    public RedisRecordKind Kind { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the first byte (the command's, or the push's).</summary>
    public long StartNs { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the last byte (the reply's; the command's without one; the push's).</summary>
    public long EndNs { get; init; }

    /// <summary>From the command's first byte to the reply's last (Pixie's latency); 0 without a reply.</summary>
    public long LatencyNs => Kind == RedisRecordKind.Command ? EndNs - StartNs : 0;

    /// <summary>The command, upper-case, with the subcommand of container commands ("CLIENT SETNAME"); "PUSH PUB" for a published message.</summary>
    public ReadOnlySpan<byte> Command { get; init; }

    /// <summary>The arguments as a JSON array of strings (bounded, secrets redacted); "[]" for a push.</summary>
    public ReadOnlySpan<byte> Arguments { get; init; }

    /// <summary>The reply's rendering (see <see cref="RedisReplyParser"/>); empty for a command without reply.</summary>
    public ReadOnlySpan<byte> Reply { get; init; }

    /// <summary>The reply is an error (its rendering starts with "-").</summary>
    public bool IsError { get; init; }
}
