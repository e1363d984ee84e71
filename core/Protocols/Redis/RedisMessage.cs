using System.Runtime.InteropServices;

namespace Devtools.Core.Protocols.Redis;

/// <summary>What a reply frame is, as far as pairing goes.</summary>
public enum RedisReplyKind : byte
{
    /// <summary>The answer to the oldest unanswered command.</summary>
    Reply,

    /// <summary>
    /// The confirmations of one (P|S)(UN)SUBSCRIBE, one per channel, merged into one
    /// frame: they answer that command together.
    /// </summary>
    Confirmation,

    /// <summary>A subscription confirmation no queued command asked for (its command was not captured).</summary>
    OrphanConfirmation,

    /// <summary>Sent without a request: a published message, a RESP3 push (client tracking's "invalidate").</summary>
    Push,

    /// <summary>A line of MONITOR output: the server echoing another client's command.</summary>
    MonitorLine,
}

/// <summary>Commands whose replies the reply parser treats specially.</summary>
public enum RedisCommandKind : byte
{
    Other,
    Subscribe,
    PSubscribe,
    SSubscribe,
    Unsubscribe,
    PUnsubscribe,
    SUnsubscribe,
    Hello,
    Ping,
    Reset,
    Monitor,
}

/// <summary>Facts about a frame that are neither text nor sizes.</summary>
[Flags]
public enum RedisMessageFlags : byte
{
    None = 0,

    /// <summary>A request the server does not answer (CLIENT REPLY OFF or SKIP in force).</summary>
    NoReply = 1,

    /// <summary>The reply is an error (simple "-" or RESP3 bulk "!").</summary>
    Error = 2,

    /// <summary>A request sent as an inline command (a line of text) rather than an array of bulk strings.</summary>
    Inline = 4,

    /// <summary>Some of the text was cut to stay within the limits (values, argument count, rendering size).</summary>
    Truncated = 8,
}

/// <summary>
/// One Redis command or reply. Owns one pooled buffer that holds its text, ready for
/// the table: for a command the upper-case name (with the subcommand of container
/// commands, "CONFIG GET") and the arguments as a JSON array; for a reply a readable
/// rendering (see <see cref="RedisReplyParser"/>) and, for a push, the name its row
/// gets ("PUSH PUB"). Everything is bounded as it is parsed, so a frame stays small
/// however large the values on the wire.
/// </summary>
/// <remarks>
/// The layout is explicit so that the reference sits between the plain fields: a copy
/// into a queue's array (one per frame) moves plain runs of at most four words around
/// the reference's write barrier, which the JIT unrolls, where the automatic layout (the
/// reference first, then five words) makes it a "rep movsq" that costs more than the
/// rest of the enqueue.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
public struct RedisMessage : IFrame
{
    /// <summary>A pooled buffer's first size: most commands and replies fit, larger ones grow it.</summary>
    internal const int InitialCapacity = 512;

    /// <summary>The text's bytes; the only reference in the struct, so copies stay cheap (see <see cref="RedisBuffer"/>).</summary>
    [FieldOffset(16)]
    internal RedisBuffer? Buffer;
    [FieldOffset(24)]
    internal int CommandOffset;
    [FieldOffset(28)]
    internal int CommandLength;
    [FieldOffset(32)]
    internal int TextOffset;
    [FieldOffset(36)]
    internal int TextLength;

    /// <summary>A subscribe-family command: the channels it names, one confirmation each (0: "all", unknown).</summary>
    [FieldOffset(40)]
    internal int ExpectedConfirmations;

    [FieldOffset(44)]
    internal RedisCommandKind Kind;
    [FieldOffset(45)]
    internal RedisReplyKind ReplyKind;
    [FieldOffset(46)]
    internal RedisMessageFlags Flags;

    /// <summary>HELLO's requested protocol version (0 when none was given).</summary>
    [FieldOffset(47)]
    internal byte HelloVersion;

    [field: FieldOffset(0)]
    public long StartNs { get; set; }

    [field: FieldOffset(8)]
    public long EndNs { get; set; }

    /// <summary>A command's name, upper-case ("GET", "CLIENT SETNAME"); a push's row name ("PUSH PUB"); empty for other replies.</summary>
    public readonly ReadOnlySpan<byte> Command => Slice(CommandOffset, CommandLength);

    /// <summary>A command's arguments as a JSON array of strings; a reply's rendering.</summary>
    public readonly ReadOnlySpan<byte> Text => Slice(TextOffset, TextLength);

    public readonly RedisCommandKind CommandKind => Kind;

    public readonly RedisReplyKind Reply => ReplyKind;

    public readonly RedisMessageFlags MessageFlags => Flags;

    public readonly bool IsError => (Flags & RedisMessageFlags.Error) != 0;

    public void Release()
    {
        Buffer?.Return();
        this = default;
    }

    /// <summary>End of the text written so far.</summary>
    internal readonly int TextEnd => TextOffset + TextLength;

    /// <summary>The buffer's bytes (after <see cref="EnsureCapacity"/> or a parser's rent).</summary>
    internal readonly byte[] Bytes => Buffer!.Bytes;

    /// <summary>Room for at least <paramref name="size"/> bytes, keeping what is written.</summary>
    internal void EnsureCapacity(int size)
    {
        if (Buffer is null)
            Buffer = RedisBuffer.Unpooled(Math.Max(size, InitialCapacity));
        else if (Buffer.Bytes.Length < size)
            Buffer.Grow(size, Math.Max(CommandOffset + CommandLength, TextEnd));
    }

    private readonly ReadOnlySpan<byte> Slice(int offset, int length) =>
        Buffer is null || length <= 0 ? default : Buffer.Bytes.AsSpan(offset, length);
}
