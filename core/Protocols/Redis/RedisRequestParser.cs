using System.Runtime.CompilerServices;
using System.Text;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Parses the client side of a Redis connection into commands: arrays of bulk
/// strings ("*3\r\n$3\r\nSET\r\n...") and inline commands (a line of text, as typed
/// into telnet). Names the command as a record shows it (upper-case, with the
/// subcommand of container commands) and writes the arguments as a bounded JSON
/// array, secrets redacted. Arguments are read as they stream by: only a prefix of
/// each is kept, the rest of a large value is counted, skipped by the driver when it
/// ends the command, or stepped over when it was not captured.
/// </summary>
/// <remarks>
/// Also follows CLIENT REPLY: commands sent while replies are off (or the one after
/// SKIP) are marked <see cref="RedisMessageFlags.NoReply"/>, so that pairing does not
/// wait for an answer that never comes.
/// </remarks>
public sealed class RedisRequestParser : IFrameParser<RedisMessage>
{
    /// <summary>Where the arguments' JSON starts in a command's buffer: the name comes first.</summary>
    private const int ArgumentsOffset = RedisCommandNames.Capacity;

    /// <summary>Room kept free for the "…(+N more)" marker and the closing bracket.</summary>
    private const int ArgumentsReserve = RedisText.MaxMarkerBytes + 4;

    private readonly RedisCounters _counters;
    private readonly RedisBufferPool _pool;
    private readonly RedisLimits _limits;
    private readonly bool _redact;
    private readonly byte[] _value;

    private Phase _phase;
    private RedisBulkReader _bulk;
    private long _argCount;
    private long _argIndex;

    // The command being built.
    private bool _container;
    private bool _subcommand;
    private bool _argumentsOpen;
    private bool _argumentsFull;
    private long _argumentsSeen;
    private RedisSecretArguments _secrets;
    private ReplyMode _requestedMode;

    /// <summary>CLIENT REPLY in force on this connection (outlives frames and resets).</summary>
    private ReplyMode _replyMode;

    internal RedisRequestParser(RedisLimits limits, bool redactSecrets, RedisCounters counters, RedisBufferPool pool)
    {
        _pool = pool;
        _limits = limits;
        _redact = redactSecrets;
        _counters = counters;
        _value = new byte[Math.Max(limits.MaxValueBytes, RedisCommandNames.MaxNameBytes)];
    }

    private enum Phase : byte
    {
        Start,
        ElementHeader,
        Payload,
    }

    private enum ReplyMode : byte
    {
        On,
        Off,
        SkipNext,
    }

    /// <summary>"*" + up to 10 digits + CRLF + "$".</summary>
    public int MaxBoundaryLength => 16;

    // Kept out of the shared driver's loop, where PGO would inline it: the loop's frame
    // grew and its state spilled to the stack (Redis driver benchmark 142 -> 135 ns/message).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ParseResult Parse(ReadOnlySpan<byte> data, ref RedisMessage frame, in ParseContext<RedisMessage> context)
    {
        int pos = 0;
        while (true)
        {
            switch (_phase)
            {
                case Phase.Start:
                    {
                        if (data.IsEmpty)
                            return ParseResult.NeedMoreData();
                        byte first = data[0];
                        if (first != (byte)'*')
                            return first is (byte)'\r' or (byte)'\n' ? SkipBlankLines(data) : ParseInline(data, ref frame);
                        if (!RedisSyntax.TryReadDigitsLine(data, out long count, out int end))
                        {
                            end = RedisSyntax.FindLineEnd(data, RedisSyntax.MaxLengthLineBytes);
                            if (end == RedisSyntax.Incomplete)
                                return ParseResult.NeedMoreData();
                            if (end < 0 || !RedisSyntax.TryParseLength(data[1..end], int.MaxValue, out count))
                                return ParseResult.Invalid();
                        }
                        else if (count > int.MaxValue)
                        {
                            return ParseResult.Invalid();
                        }
                        // Redis ignores empty and null arrays: no command, no reply.
                        if (count <= 0)
                            return ParseResult.Skipped(end + 2);
                        Begin(ref frame, count);
                        pos = end + 2;
                        _phase = Phase.ElementHeader;
                        break;
                    }

                case Phase.ElementHeader:
                    {
                        if (pos == data.Length)
                            return ParseResult.NeedMoreData(pos);
                        // Inside an array, Redis accepts bulk strings only.
                        if (data[pos] != (byte)'$')
                            return ParseResult.Invalid(pos);
                        ReadOnlySpan<byte> rest = data[pos..];
                        if (!RedisSyntax.TryReadDigitsLine(rest, out long length, out int end))
                        {
                            end = RedisSyntax.FindLineEnd(rest, RedisSyntax.MaxLengthLineBytes);
                            if (end == RedisSyntax.Incomplete)
                                return ParseResult.NeedMoreData(pos);
                            if (end < 0 || !RedisSyntax.TryParseLength(rest[1..end], RedisSyntax.MaxBulkLength, out length) || length < 0)
                                return ParseResult.Invalid(pos);
                        }
                        else if (length > RedisSyntax.MaxBulkLength)
                        {
                            return ParseResult.Invalid(pos);
                        }
                        pos += end + 2;
                        if (data.Length - pos < length + 2)
                        {
                            // Not all here: read it as it streams by.
                            _bulk.Begin(length);
                            _phase = Phase.Payload;
                            break;
                        }
                        // The common case: the whole argument is here; use it where it lies.
                        int n = (int)length;
                        if (data[pos + n] != (byte)'\r' || data[pos + n + 1] != (byte)'\n')
                            return ParseResult.Invalid(pos + n);
                        CompleteElement(ref frame, data.Slice(pos, Math.Min(n, KeepCapacity)), length);
                        pos += n + 2;
                        if (++_argIndex == _argCount)
                        {
                            Finish(ref frame);
                            return ParseResult.Complete(pos);
                        }
                        break;
                    }

                default:
                    {
                        Span<byte> keep = _value.AsSpan(0, KeepCapacity);
                        BulkStep step = _bulk.Read(data, ref pos, keep);
                        if (step == BulkStep.Invalid)
                            return ParseResult.Invalid(pos);
                        if (step == BulkStep.NeedMoreData)
                        {
                            // The last argument's prefix is kept: the driver skips the rest of the
                            // command for us, holes included, without buffering it.
                            if (_bulk.Remaining > 0 && _argIndex == _argCount - 1 && _bulk.PrefixDone(keep.Length))
                            {
                                long rest = _bulk.Rest;
                                CompleteElement(ref frame, _value.AsSpan(0, _bulk.Kept), _bulk.Length);
                                Finish(ref frame);
                                return ParseResult.Complete(pos, rest);
                            }
                            return ParseResult.NeedMoreData(pos);
                        }
                        CompleteElement(ref frame, _value.AsSpan(0, _bulk.Kept), _bulk.Length);
                        if (++_argIndex == _argCount)
                        {
                            Finish(ref frame);
                            return ParseResult.Complete(pos);
                        }
                        _phase = Phase.ElementHeader;
                        break;
                    }
            }
        }
    }

    public long AbsorbHole(long count, ref RedisMessage frame)
    {
        if (_phase != Phase.Payload)
            return 0;
        long absorbed = _bulk.Absorb(count);
        if (absorbed > 0)
            frame.Flags |= RedisMessageFlags.Truncated;
        return absorbed;
    }

    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<RedisMessage> context)
    {
        // Only arrays: every client library sends them, and "*<digits>\r\n$" at a line
        // start is hard to find by chance; inline commands are for humans.
        int from = 0;
        while (true)
        {
            int star = data[from..].IndexOf((byte)'*');
            if (star < 0)
                return -1;
            int at = from + star;
            if (at == 0 || data[at - 1] == (byte)'\n')
            {
                switch (LooksLikeArrayStart(data[at..]))
                {
                    case RedisVerdict.Yes:
                        return at;
                    case RedisVerdict.Maybe:
                        return -1;
                }
            }
            from = at + 1;
        }
    }

    public bool TryCompleteAtEndOfStream(ref RedisMessage frame) => false;

    public void Reset()
    {
        _phase = Phase.Start;
        _bulk = default;
        _argCount = 0;
        _argIndex = 0;
    }

    /// <summary>"*N\r\n$" with 1 ≤ N: the start of a command array.</summary>
    internal static RedisVerdict LooksLikeArrayStart(ReadOnlySpan<byte> data)
    {
        int end = RedisSyntax.FindLineEnd(data, 12);
        if (end == RedisSyntax.Incomplete)
            return data.Length < 14 && AllDigits(data[1..]) ? RedisVerdict.Maybe : RedisVerdict.No;
        if (end < 2 || !AllDigits(data[1..end]) || data[1] == (byte)'0')
            return RedisVerdict.No;
        if (data.Length == end + 2)
            return RedisVerdict.Maybe;
        return data[end + 2] == (byte)'$' ? RedisVerdict.Yes : RedisVerdict.No;
    }

    /// <summary>Bytes of the current element kept: the command name, or an argument's prefix.</summary>
    private int KeepCapacity => _argIndex switch
    {
        0 => RedisCommandNames.MaxNameBytes,
        1 when _container => Math.Max(_limits.MaxValueBytes, RedisCommandNames.MaxSubcommandBytes),
        _ => _limits.MaxValueBytes,
    };

    /// <summary>Empty lines between commands: Redis reads nothing into them.</summary>
    private static ParseResult SkipBlankLines(ReadOnlySpan<byte> data)
    {
        int blank = data.IndexOfAnyExcept((byte)'\r', (byte)'\n');
        return ParseResult.Skipped(blank < 0 ? data.Length : blank);
    }

    /// <summary>A line of text: split like Redis does, then named and rendered like an array.</summary>
    private ParseResult ParseInline(ReadOnlySpan<byte> data, ref RedisMessage frame)
    {
        int window = Math.Min(data.Length, RedisSyntax.MaxLineBytes + 1);
        int lf = data[..window].IndexOf((byte)'\n');
        if (lf < 0)
            return window > RedisSyntax.MaxLineBytes ? ParseResult.Invalid() : ParseResult.NeedMoreData();
        ReadOnlySpan<byte> line = data[..lf];
        if (!line.IsEmpty && line[^1] == (byte)'\r')
            line = line[..^1];
        // People type text; control bytes mean we are not looking at a command.
        if (!RedisSyntax.IsPrintableText(line))
            return ParseResult.Invalid();
        int count = RedisInlineArguments.Count(line);
        if (count < 0)
            return ParseResult.Invalid();
        if (count == 0)
            return ParseResult.Skipped(lf + 1);

        Begin(ref frame, count);
        frame.Flags |= RedisMessageFlags.Inline;
        _counters.InlineCommands.Value++;
        var arguments = new RedisInlineArguments(line);
        for (; _argIndex < count; _argIndex++)
        {
            arguments.TryNext(_value.AsSpan(0, KeepCapacity), out int kept, out long length, out _);
            CompleteElement(ref frame, _value.AsSpan(0, kept), length);
        }
        Finish(ref frame);
        return ParseResult.Complete(lf + 1);
    }

    private void Begin(ref RedisMessage frame, long count)
    {
        frame.Buffer ??= _pool.Rent();
        frame.CommandOffset = 0;
        frame.CommandLength = 0;
        frame.TextOffset = ArgumentsOffset;
        frame.TextLength = 0;
        _argCount = count;
        _argIndex = 0;
        _container = false;
        _subcommand = false;
        _argumentsOpen = false;
        _argumentsFull = false;
        _argumentsSeen = 0;
        _requestedMode = _replyMode;
    }

    /// <summary>
    /// One element is whole (or its prefix <paramref name="value"/> is, the rest being
    /// skipped): it is the name, the subcommand or an argument of <paramref name="length"/> bytes.
    /// </summary>
    private void CompleteElement(ref RedisMessage frame, ReadOnlySpan<byte> value, long length)
    {
        if (_argIndex == 0)
        {
            int n = Math.Min(value.Length, RedisCommandNames.MaxNameBytes);
            RedisSyntax.CopyUpper(value[..n], frame.Bytes.AsSpan(0, n));
            frame.CommandLength = n;
            ReadOnlySpan<byte> name = frame.Bytes.AsSpan(0, n);
            frame.Kind = RedisCommandNames.Describe(name, out _container);
            return;
        }
        if (_argIndex == 1 && _container && length == value.Length && RedisCommandNames.IsSubcommandToken(value))
        {
            Span<byte> name = frame.Bytes.AsSpan(frame.CommandLength, 1 + value.Length);
            name[0] = (byte)' ';
            RedisSyntax.CopyUpper(value, name[1..]);
            frame.CommandLength += name.Length;
            _subcommand = true;
            return;
        }
        AddArgument(ref frame, value, length);
    }

    private void AddArgument(ref RedisMessage frame, ReadOnlySpan<byte> value, long length)
    {
        long total = ArgumentCount;
        if (value.Length > _limits.MaxValueBytes)
            value = value[.._limits.MaxValueBytes];
        if (!_argumentsOpen)
            OpenArguments(ref frame, total);
        long index = _argumentsSeen++;
        NoteArgument(ref frame, index, value);
        bool secret = _redact && _secrets.IsSecret(value);
        if (_argumentsFull)
            return;
        ReadOnlySpan<byte> separator = index == 0 ? default : ","u8;
        int limit = ArgumentsOffset + _limits.MaxTextBytes - ArgumentsReserve;
        bool written = secret
            ? RedisText.TryAppendValue(ref frame, separator, default, SecretNames.Redacted, SecretNames.Redacted.Length, quoted: true, limit)
            : RedisText.TryAppendValue(ref frame, separator, default, value, length, quoted: true, limit);
        if (written)
            return;
        RedisText.AppendMoreMarker(ref frame, separator, total - index);
        _argumentsFull = true;
        frame.Flags |= RedisMessageFlags.Truncated;
    }

    /// <summary>Arguments of the command after its name (and subcommand).</summary>
    private long ArgumentCount => _argCount - 1 - (_subcommand ? 1 : 0);

    private void OpenArguments(ref RedisMessage frame, long total)
    {
        _argumentsOpen = true;
        _secrets.Begin(frame.Command, total);
        RedisText.Append(ref frame, (byte)'[');
    }

    /// <summary>Arguments that change how replies are read: HELLO's version, CLIENT REPLY's mode.</summary>
    private void NoteArgument(ref RedisMessage frame, long index, ReadOnlySpan<byte> value)
    {
        if (index != 0)
            return;
        if (frame.Kind == RedisCommandKind.Hello)
        {
            frame.HelloVersion = value.SequenceEqual("3"u8) ? (byte)3 : value.SequenceEqual("2"u8) ? (byte)2 : (byte)0;
        }
        else if (_subcommand && frame.Command.SequenceEqual("CLIENT REPLY"u8))
        {
            if (Ascii.EqualsIgnoreCase(value, "ON"u8))
                _requestedMode = ReplyMode.On;
            else if (Ascii.EqualsIgnoreCase(value, "OFF"u8))
                _requestedMode = ReplyMode.Off;
            else if (Ascii.EqualsIgnoreCase(value, "SKIP"u8))
                _requestedMode = ReplyMode.SkipNext;
        }
    }

    private void Finish(ref RedisMessage frame)
    {
        if (!_argumentsOpen)
            OpenArguments(ref frame, ArgumentCount);
        RedisText.Append(ref frame, (byte)']');
        if (RedisCommandNames.IsSubscribeFamily(frame.Kind))
            frame.ExpectedConfirmations = (int)Math.Min(ArgumentCount, int.MaxValue);
        if ((frame.Flags & RedisMessageFlags.Truncated) != 0)
            _counters.TruncatedTexts.Value++;

        bool noReply;
        if (_requestedMode != _replyMode)
        {
            // CLIENT REPLY OFF and SKIP get no reply themselves; ON does.
            noReply = _requestedMode != ReplyMode.On;
            _replyMode = _requestedMode;
        }
        else
        {
            noReply = _replyMode != ReplyMode.On;
            if (_replyMode == ReplyMode.SkipNext)
                _replyMode = ReplyMode.On;
        }
        if (noReply)
            frame.Flags |= RedisMessageFlags.NoReply;
        Reset();
    }

    private static bool AllDigits(ReadOnlySpan<byte> text) => text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}

/// <summary>A tri-state answer for checks that may need more bytes.</summary>
internal enum RedisVerdict : byte
{
    No,
    Maybe,
    Yes,
}

/// <summary>How much of a command or reply a record keeps.</summary>
/// <param name="MaxValueBytes">Bytes kept of each value (an argument, a string in a reply): ProtocolOptions.MaxBodyBytes.</param>
/// <param name="MaxTextBytes">Bytes of a command's argument JSON or a reply's rendering: ProtocolOptions.MaxHeadersJsonBytes.</param>
internal readonly record struct RedisLimits(int MaxValueBytes, int MaxTextBytes)
{
    /// <summary>The rendering keeps room for closing many levels of nesting, so it is never smaller than this.</summary>
    public const int MinTextBytes = 2048;

    public static RedisLimits From(ProtocolOptions options) => new(
        Math.Clamp(options.MaxBodyBytes, 0, 64 * 1024),
        Math.Clamp(options.MaxHeadersJsonBytes, MinTextBytes, 1 << 20));
}
