using System.Runtime.CompilerServices;
using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Parses the server side of a Redis connection, RESP2 and RESP3, into replies, and
/// renders each as it streams by into bounded readable text:
/// <list type="bullet">
/// <item>top level, as Pixie shows replies: simple strings as they are (OK, QUEUED), errors
/// as "-ERR …", numbers, doubles and big numbers as written, booleans as true/false, nulls
/// as &lt;NULL&gt;, and bulk and verbatim strings as their text (bytes that are not UTF-8 as
/// "\xNN");</item>
/// <item>aggregates as JSON: arrays, sets and pushes as [...], maps as {...} (keys as
/// strings), attributes as {"attributes":{...},"reply":...}.</item>
/// </list>
/// Strings keep ProtocolOptions.MaxBodyBytes and end in "…(N bytes)" when longer; the
/// whole rendering keeps ProtocolOptions.MaxHeadersJsonBytes and marks where it stops
/// ("…(+N more)" in an array) while staying valid JSON.
/// </summary>
/// <remarks>
/// Which replies answer a command is decided here too, because only the parser sees a
/// reply whole and knows the command queued for it (the head of the peer queue):
/// published messages and RESP3 pushes answer nothing; the per-channel confirmations
/// of one SUBSCRIBE are merged into one frame that answers it; MONITOR output is marked
/// so it is dropped. A RESP2 array can only be told from a push by the connection's
/// state, which this parser follows: HELLO 2/3, subscription counts, RESET.
/// </remarks>
public sealed class RedisReplyParser : IFrameParser<RedisMessage>
{
    /// <summary>Deepest nesting accepted; Redis's own replies stay under 10.</summary>
    internal const int MaxDepth = 32;

    /// <summary>Room kept per open level for closing it after a cut ("},\"reply\":\"…\"}", a marker).</summary>
    private const int ReservePerLevel = 40;

    /// <summary>Longest first word of a push kept to classify it ("punsubscribe").</summary>
    private const int HeadWordBytes = 16;

    /// <summary>Where the rendering starts: one byte is kept free to turn merged confirmations into a list.</summary>
    private const int TextStart = 1;

    private readonly RedisCounters _counters;
    private readonly RedisBufferPool _pool;
    private readonly RedisLimits _limits;
    private readonly Level[] _levels = new Level[MaxDepth];
    private readonly byte[] _value;
    private readonly byte[] _headWord = new byte[HeadWordBytes];

    // The value being read.
    private Phase _phase;
    private int _depth;
    private byte _bulkType;
    private RedisBulkReader _bulk;
    private bool _truncated;

    // Facts about the top-level value, to classify it.
    private byte _topType;
    private long _topCount;
    private int _headWordLength;
    private long _thirdInteger;
    private bool _hasThirdInteger;
    private bool _monitorLine;

    // The command the frame answers, as far as it matters.
    private RedisCommandKind _answering;
    private byte _answeringHelloVersion;
    private RedisCommandKind _confirmationKind;
    private int _expectedConfirmations;
    private int _confirmations;

    // Facts about the connection.
    private bool _resp3;
    private long _channelSubscriptions;
    private long _shardSubscriptions;

    internal RedisReplyParser(RedisLimits limits, RedisCounters counters, RedisBufferPool pool)
    {
        _pool = pool;
        _limits = limits;
        _counters = counters;
        _value = new byte[Math.Max(limits.MaxValueBytes, HeadWordBytes)];
    }

    private enum Phase : byte
    {
        Header,
        Payload,

        /// <summary>A confirmation was read; whether the next value belongs to the same frame depends on bytes not here yet.</summary>
        AfterConfirmation,
    }

    private enum LevelKind : byte
    {
        Array,
        Map,
        Attribute,
    }

    /// <summary>Where an element sits, which decides its separator and how it is written.</summary>
    private enum Slot : byte
    {
        Top,
        Element,
        Key,
        Value,
        AttributeReply,
    }

    /// <summary>True while the connection speaks RESP3 (after HELLO 3, or seen from RESP3-only replies).</summary>
    public bool IsResp3 => _resp3;

    /// <summary>True while a RESP2 connection is subscribed to channels, patterns or shard channels.</summary>
    public bool IsSubscribed => _channelSubscriptions > 0 || _shardSubscriptions > 0;

    /// <summary>An error line, a bulk length line and a little of the payload.</summary>
    public int MaxBoundaryLength => 258;

    // Kept out of the shared driver's loop, where PGO would inline it: the loop's frame
    // grew and its state spilled to the stack (Redis driver benchmark 142 -> 135 ns/message).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ParseResult Parse(ReadOnlySpan<byte> data, ref RedisMessage frame, in ParseContext<RedisMessage> context)
    {
        int pos = 0;
        while (true)
        {
            ValueStep step;
            switch (_phase)
            {
                case Phase.Header:
                    if (pos == data.Length)
                        return ParseResult.NeedMoreData(pos);
                    step = ReadHeader(data, ref pos, ref frame);
                    break;

                case Phase.Payload:
                    {
                        Span<byte> keep = _value.AsSpan(0, KeepCapacity);
                        BulkStep bulk = _bulk.Read(data, ref pos, keep);
                        if (bulk == BulkStep.Invalid)
                            return ParseResult.Invalid(pos);
                        if (bulk == BulkStep.NeedMoreData)
                        {
                            // The prefix is kept and nothing follows this string in the reply: the
                            // driver skips the rest for us, holes included.
                            if (_bulk.Remaining > 0 && _bulk.PrefixDone(keep.Length) && IsLastOfReply())
                            {
                                long rest = _bulk.Rest;
                                CompleteBulk(ref frame, _bulkType, _value.AsSpan(0, _bulk.Kept), _bulk.Length);
                                return Finish(ref frame, Classify(context), pos, rest);
                            }
                            return ParseResult.NeedMoreData(pos);
                        }
                        step = CompleteBulk(ref frame, _bulkType, _value.AsSpan(0, _bulk.Kept), _bulk.Length);
                        break;
                    }

                default:
                    switch (MoreConfirmations(data[pos..]))
                    {
                        case RedisVerdict.No:
                            return Finish(ref frame, RedisReplyKind.Confirmation, pos);
                        case RedisVerdict.Maybe:
                            return ParseResult.NeedMoreData(pos);
                    }
                    BeginNextConfirmation(ref frame);
                    continue;
            }

            if (step == ValueStep.Invalid)
                return ParseResult.Invalid(pos);
            if (step == ValueStep.NeedMoreData)
                return ParseResult.NeedMoreData(pos);
            if (step == ValueStep.Done)
            {
                RedisReplyKind kind = Classify(context);
                if (kind != RedisReplyKind.Confirmation)
                    return Finish(ref frame, kind, pos);
                NoteConfirmation();
                _phase = Phase.AfterConfirmation;
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
        // A value starts a line: at the start of what we have, or after a CRLF.
        int at = 0;
        while (at < data.Length)
        {
            switch (LooksLikeValueStart(data[at..], strict: false))
            {
                case RedisVerdict.Yes:
                    return at;
                case RedisVerdict.Maybe when data.Length - at <= MaxBoundaryLength:
                    // Undecided until more arrives: the driver keeps these last bytes for us.
                    return -1;
            }
            int crlf = data[at..].IndexOf("\r\n"u8);
            if (crlf < 0)
                return -1;
            at += crlf + 2;
        }
        return -1;
    }

    public bool TryCompleteAtEndOfStream(ref RedisMessage frame)
    {
        if (_phase != Phase.AfterConfirmation)
            return false;
        Finish(ref frame, RedisReplyKind.Confirmation, 0);
        return true;
    }

    public void Reset()
    {
        _phase = Phase.Header;
        _depth = 0;
        _bulk = default;
        _truncated = false;
        _confirmations = 0;
        _expectedConfirmations = 0;
        _confirmationKind = RedisCommandKind.Other;
        ResetTopFacts();
    }

    /// <summary>
    /// Whether <paramref name="data"/> starts with a well-formed RESP value header. Strict
    /// (for inference) also wants simple strings and errors to look like Redis's own.
    /// </summary>
    internal static RedisVerdict LooksLikeValueStart(ReadOnlySpan<byte> data, bool strict)
    {
        if (data.IsEmpty)
            return RedisVerdict.Maybe;
        byte type = data[0];
        if (!RedisSyntax.IsTypeByte(type))
            return RedisVerdict.No;
        bool text = type is (byte)'+' or (byte)'-' or (byte)',' or (byte)'(';
        int maxLine = text ? 256 : RedisSyntax.MaxLengthLineBytes;
        int end = RedisSyntax.FindLineEnd(data, maxLine);
        if (end == RedisSyntax.Incomplete)
            return RedisVerdict.Maybe;
        if (end < 1)
            return RedisVerdict.No;
        ReadOnlySpan<byte> content = data[1..end];
        ReadOnlySpan<byte> after = data[(end + 2)..];
        long n;
        bool ok = type switch
        {
            (byte)'+' => strict ? IsRedisStatus(content) : !content.IsEmpty && RedisSyntax.IsPrintableText(content),
            (byte)'-' => IsRedisError(content),
            (byte)':' => RedisSyntax.TryParseInteger(content, out _),
            (byte)'(' => RedisSyntax.TryParseInteger(content, out _) || (content.Length > 19 && IsBigNumber(content)),
            (byte)',' => RedisSyntax.IsDouble(content),
            (byte)'#' => content.SequenceEqual("t"u8) || content.SequenceEqual("f"u8),
            (byte)'_' => content.IsEmpty,
            (byte)'$' or (byte)'!' or (byte)'=' => RedisSyntax.TryParseLength(content, RedisSyntax.MaxBulkLength, out n)
                && (n >= 0 || type == (byte)'$') && (type != (byte)'=' || n >= 4),
            (byte)'*' or (byte)'~' or (byte)'>' or (byte)'%' or (byte)'|' => RedisSyntax.TryParseLength(content, int.MaxValue, out n)
                && (n >= 0 || type == (byte)'*'),
            _ => false,
        };
        if (!ok)
            return RedisVerdict.No;
        // Look a little further where the header alone says little.
        switch (type)
        {
            case (byte)'$' or (byte)'!' or (byte)'=':
                RedisSyntax.TryParseLength(content, RedisSyntax.MaxBulkLength, out n);
                // A short payload is checked for its CRLF; a long one would not fit the window.
                if (n < 0 || n > 200)
                    return RedisVerdict.Yes;
                if (after.Length < n + 2)
                    return RedisVerdict.Maybe;
                return after[(int)n] == (byte)'\r' && after[(int)n + 1] == (byte)'\n' ? RedisVerdict.Yes : RedisVerdict.No;
            case (byte)'*' or (byte)'~' or (byte)'>' or (byte)'%' or (byte)'|':
                RedisSyntax.TryParseLength(content, int.MaxValue, out n);
                if (n <= 0)
                    return RedisVerdict.Yes;
                if (after.IsEmpty)
                    return RedisVerdict.Maybe;
                return RedisSyntax.IsTypeByte(after[0]) ? RedisVerdict.Yes : RedisVerdict.No;
            default:
                return RedisVerdict.Yes;
        }
    }

    /// <summary>Bytes of the string being read that are kept (a push's first word needs a few even with no value prefix).</summary>
    private int KeepCapacity => _depth == 1 && _levels[0].Index == 0 ? Math.Max(_limits.MaxValueBytes, HeadWordBytes) : _limits.MaxValueBytes;

    private int TextLimit(int depth) => TextStart + _limits.MaxTextBytes - ((depth + 1) * ReservePerLevel);

    private bool Rendering => !_truncated && (_depth == 0 || _levels[_depth - 1].Rendered);

    /// <summary>Reads a value's type byte and line: a whole scalar, an aggregate's header, or a bulk's length.</summary>
    private ValueStep ReadHeader(ReadOnlySpan<byte> data, ref int pos, ref RedisMessage frame)
    {
        ReadOnlySpan<byte> rest = data[pos..];
        byte type = rest[0];
        if (!RedisSyntax.IsTypeByte(type))
            return ValueStep.Invalid;
        // Most lines are a few digits (lengths, counts, integers): read in one pass, their value kept.
        bool digits = RedisSyntax.TryReadDigitsLine(rest, out long number, out int end);
        if (!digits)
        {
            bool text = type is (byte)'+' or (byte)'-' or (byte)'(' or (byte)',';
            end = RedisSyntax.FindLineEnd(rest, text ? RedisSyntax.MaxLineBytes : RedisSyntax.MaxLengthLineBytes);
            if (end == RedisSyntax.Incomplete)
                return ValueStep.NeedMoreData;
            if (end < 1)
                return ValueStep.Invalid;
        }
        ReadOnlySpan<byte> content = rest[1..end];
        if (frame.Buffer is null)
        {
            frame.Buffer = _pool.Rent();
            frame.TextOffset = TextStart;
        }
        if (_depth == 0)
            _topType = type;

        long n;
        switch (type)
        {
            case (byte)'+':
                if (content.Contains((byte)'\r'))
                    return ValueStep.Invalid;
                if (_depth == 0 && RedisSyntax.IsMonitorLine(content))
                    _monitorLine = true;
                NoteHeadWord(content);
                WriteScalar(ref frame, type, content, content.Length);
                break;
            case (byte)'-':
                if (content.Contains((byte)'\r'))
                    return ValueStep.Invalid;
                if (_depth == 0)
                    frame.Flags |= RedisMessageFlags.Error;
                WriteScalar(ref frame, type, content, content.Length);
                break;
            case (byte)':':
                if (digits)
                    n = number;
                else if (!RedisSyntax.TryParseInteger(content, out n))
                    return ValueStep.Invalid;
                if (_depth == 1 && _levels[0].Index == 2)
                {
                    _thirdInteger = n;
                    _hasThirdInteger = true;
                }
                WriteScalar(ref frame, type, content, content.Length);
                break;
            case (byte)'(':
                if (!IsBigNumber(content))
                    return ValueStep.Invalid;
                WriteScalar(ref frame, type, content, content.Length);
                break;
            case (byte)',':
                if (!RedisSyntax.IsDouble(content))
                    return ValueStep.Invalid;
                WriteScalar(ref frame, type, content, content.Length);
                break;
            case (byte)'#':
                if (!content.SequenceEqual("t"u8) && !content.SequenceEqual("f"u8))
                    return ValueStep.Invalid;
                ReadOnlySpan<byte> boolean = content[0] == (byte)'t' ? "true"u8 : "false"u8;
                WriteScalar(ref frame, type, boolean, boolean.Length);
                break;
            case (byte)'_':
                if (!content.IsEmpty)
                    return ValueStep.Invalid;
                WriteScalar(ref frame, type, default, 0);
                break;
            case (byte)'$' or (byte)'=' or (byte)'!':
                if (!Length(digits, number, content, RedisSyntax.MaxBulkLength, out n))
                    return ValueStep.Invalid;
                if (n < 0)
                {
                    // RESP2's null bulk string; RESP3 has no null verbatim string or bulk error.
                    if (type != (byte)'$')
                        return ValueStep.Invalid;
                    WriteScalar(ref frame, (byte)'_', default, 0);
                    break;
                }
                // A verbatim string starts with its format ("txt:").
                if (type == (byte)'=' && n < 4)
                    return ValueStep.Invalid;
                if (_depth == 0 && type == (byte)'!')
                    frame.Flags |= RedisMessageFlags.Error;
                pos += end + 2;
                if (data.Length - pos < n + 2)
                {
                    // Not all here: read it as it streams by.
                    _bulkType = type;
                    _bulk.Begin(n);
                    _phase = Phase.Payload;
                    return ValueStep.Continue;
                }
                // The common case: the whole string is here; use it where it lies.
                int length = (int)n;
                if (data[pos + length] != (byte)'\r' || data[pos + length + 1] != (byte)'\n')
                {
                    pos += length;
                    return ValueStep.Invalid;
                }
                ReadOnlySpan<byte> kept = data.Slice(pos, Math.Min(length, KeepCapacity));
                pos += length + 2;
                return CompleteBulk(ref frame, type, kept, n);
            case (byte)'*' or (byte)'~' or (byte)'>':
                if (!Length(digits, number, content, int.MaxValue, out n))
                    return ValueStep.Invalid;
                if (n < 0)
                {
                    // RESP2's null array.
                    if (type != (byte)'*')
                        return ValueStep.Invalid;
                    WriteScalar(ref frame, (byte)'_', default, 0);
                    break;
                }
                if (!Open(ref frame, LevelKind.Array, n))
                    return ValueStep.Invalid;
                pos += end + 2;
                return n == 0 ? EndElement(ref frame) : ValueStep.Continue;
            case (byte)'%' or (byte)'|':
                if (!Length(digits, number, content, int.MaxValue, out n) || n < 0)
                    return ValueStep.Invalid;
                // An attribute is its map, then the value it describes: one element for its parent.
                LevelKind kind = type == (byte)'%' ? LevelKind.Map : LevelKind.Attribute;
                long elements = (n * 2) + (kind == LevelKind.Attribute ? 1 : 0);
                if (!Open(ref frame, kind, elements))
                    return ValueStep.Invalid;
                pos += end + 2;
                return elements == 0 ? EndElement(ref frame) : ValueStep.Continue;
            default:
                return ValueStep.Invalid;
        }
        pos += end + 2;
        return EndElement(ref frame);
    }

    /// <summary>A length or count up to <paramref name="max"/>: the one read with the line, or parsed from it.</summary>
    private static bool Length(bool digits, long number, ReadOnlySpan<byte> content, long max, out long n)
    {
        if (!digits)
            return RedisSyntax.TryParseLength(content, max, out n);
        n = number;
        return number <= max;
    }

    /// <summary>A bulk's payload and CRLF were read (or its prefix <paramref name="kept"/> was, the rest being skipped).</summary>
    private ValueStep CompleteBulk(ref RedisMessage frame, byte type, ReadOnlySpan<byte> kept, long length)
    {
        NoteHeadWord(kept.Length == length ? kept : default);
        if (type == (byte)'=')
        {
            // Drop the format: what follows "txt:" is the text.
            kept = kept[Math.Min(4, kept.Length)..];
            length -= 4;
        }
        if (kept.Length > _limits.MaxValueBytes)
            kept = kept[.._limits.MaxValueBytes];
        WriteScalar(ref frame, type, kept, length);
        _phase = Phase.Header;
        return EndElement(ref frame);
    }

    /// <summary>Opens an aggregate of <paramref name="elements"/> elements; false when nested too deep.</summary>
    private bool Open(ref RedisMessage frame, LevelKind kind, long elements)
    {
        if (_depth == MaxDepth)
            return false;
        if (_depth == 0)
            _topCount = elements;
        bool rendered = false;
        if (Rendering)
        {
            Slot slot = CurrentSlot(out ReadOnlySpan<byte> separator);
            ReadOnlySpan<byte> opening = kind switch
            {
                LevelKind.Map => "{"u8,
                LevelKind.Attribute => "{\"attributes\":{"u8,
                _ => "["u8,
            };
            if (slot == Slot.Key)
            {
                // JSON keys are strings: an aggregate key (Redis sends none) shows as "…".
                RedisText.Append(ref frame, separator);
                RedisText.Append(ref frame, "\"…\""u8);
            }
            else if (RedisText.TryAppend(ref frame, separator, opening, TextLimit(_depth + 1)))
            {
                MarkReplyStarted(slot);
                rendered = true;
            }
            else
            {
                Cut(ref frame, slot, separator);
            }
        }
        if (elements == 0)
        {
            if (rendered)
                RedisText.Append(ref frame, kind == LevelKind.Map ? (byte)'}' : (byte)']');
            return true;
        }
        _levels[_depth++] = new Level { Count = elements, Kind = kind, Rendered = rendered };
        return true;
    }

    /// <summary>An element ended: closes the aggregates it completes. Done when the top-level value is whole.</summary>
    private ValueStep EndElement(ref RedisMessage frame)
    {
        while (_depth > 0)
        {
            ref Level level = ref _levels[_depth - 1];
            if (++level.Index < level.Count)
                return ValueStep.Continue;
            if (level.Rendered)
            {
                if (level.Kind == LevelKind.Attribute && !level.ReplyStarted)
                    RedisText.Append(ref frame, "},\"reply\":\"…\"}"u8);
                else
                    RedisText.Append(ref frame, level.Kind == LevelKind.Array ? (byte)']' : (byte)'}');
            }
            _depth--;
        }
        return ValueStep.Done;
    }

    /// <summary>Writes a scalar where it sits, or the marker that ends the rendering if it does not fit.</summary>
    private void WriteScalar(ref RedisMessage frame, byte type, ReadOnlySpan<byte> content, long length)
    {
        if (!Rendering)
            return;
        Slot slot = CurrentSlot(out ReadOnlySpan<byte> separator);
        bool json = slot != Slot.Top;
        ReadOnlySpan<byte> leading = default;
        bool quoted;
        switch (type)
        {
            case (byte)'$' or (byte)'=' when slot == Slot.Top:
                // A string reply shows as its text, as Pixie shows it.
                if (!RedisText.TryAppendText(ref frame, content, length, TextLimit(0)))
                    Cut(ref frame, slot, separator);
                return;
            case (byte)'$' or (byte)'=':
                quoted = true;
                break;
            case (byte)'-' or (byte)'!':
                leading = "-"u8;
                quoted = json;
                break;
            case (byte)'+':
                quoted = json;
                break;
            case (byte)'_':
                content = json ? "null"u8 : "<NULL>"u8;
                length = content.Length;
                quoted = slot == Slot.Key;
                break;
            case (byte)',':
                quoted = slot == Slot.Key || (json && !RedisSyntax.IsJsonNumber(content));
                break;
            default:
                // Integers, big numbers, booleans: JSON as they are, except as keys.
                quoted = slot == Slot.Key;
                break;
        }
        if (RedisText.TryAppendValue(ref frame, separator, leading, content, length, quoted, TextLimit(_depth)))
            MarkReplyStarted(slot);
        else
            Cut(ref frame, slot, separator);
    }

    /// <summary>
    /// The rendering is full: ends the current position with a marker that keeps the
    /// JSON valid, and writes nothing more but the closers of open aggregates.
    /// </summary>
    private void Cut(ref RedisMessage frame, Slot slot, ReadOnlySpan<byte> separator)
    {
        _truncated = true;
        frame.Flags |= RedisMessageFlags.Truncated;
        switch (slot)
        {
            case Slot.Element:
                ref Level level = ref _levels[_depth - 1];
                RedisText.AppendMoreMarker(ref frame, separator, level.Count - level.Index);
                break;
            case Slot.Key:
                RedisText.Append(ref frame, separator);
                RedisText.Append(ref frame, "\"…\":\"…\""u8);
                break;
            case Slot.Value or Slot.AttributeReply:
                RedisText.Append(ref frame, separator);
                RedisText.Append(ref frame, "\"…\""u8);
                MarkReplyStarted(slot);
                break;
            default:
                RedisText.Append(ref frame, RedisText.Ellipsis);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Slot CurrentSlot(out ReadOnlySpan<byte> separator)
    {
        separator = default;
        if (_depth == 0)
        {
            // Merged confirmations are a list.
            if (_confirmations > 0)
                separator = ","u8;
            return Slot.Top;
        }
        ref Level level = ref _levels[_depth - 1];
        if (level.Kind == LevelKind.Array)
        {
            if (level.Index > 0)
                separator = ","u8;
            return Slot.Element;
        }
        if (level.Kind == LevelKind.Attribute && level.Index == level.Count - 1)
        {
            separator = "},\"reply\":"u8;
            return Slot.AttributeReply;
        }
        if (level.Index % 2 == 1)
        {
            separator = ":"u8;
            return Slot.Value;
        }
        if (level.Index > 0)
            separator = ","u8;
        return Slot.Key;
    }

    private void MarkReplyStarted(Slot slot)
    {
        if (slot == Slot.AttributeReply)
            _levels[_depth - 1].ReplyStarted = true;
    }

    /// <summary>True when the element being read is the last one at every level: nothing follows it in the reply.</summary>
    private bool IsLastOfReply()
    {
        if (_confirmations > 0)
            return false;
        for (int i = 0; i < _depth; i++)
        {
            if (_levels[i].Index != _levels[i].Count - 1)
                return false;
        }
        return true;
    }

    /// <summary>Keeps the first element of a top-level aggregate when it is a short string: a push's kind.</summary>
    private void NoteHeadWord(ReadOnlySpan<byte> word)
    {
        if (_depth != 1 || _levels[0].Index != 0)
            return;
        if (word.IsEmpty || word.Length > HeadWordBytes)
        {
            _headWordLength = -1;
            return;
        }
        word.CopyTo(_headWord);
        _headWordLength = word.Length;
    }

    private ReadOnlySpan<byte> HeadWord => _headWordLength > 0 ? _headWord.AsSpan(0, _headWordLength) : default;

    /// <summary>What the top-level value just read is, given the command waiting for a reply.</summary>
    private RedisReplyKind Classify(in ParseContext<RedisMessage> context)
    {
        if (_confirmations > 0)
            return RedisReplyKind.Confirmation;
        if (_monitorLine)
            return RedisReplyKind.MonitorLine;
        RingQueue<RedisMessage> requests = context.PeerFrames;
        bool waiting = requests is not null && !requests.IsEmpty;
        if (waiting)
        {
            ref RedisMessage head = ref requests!.Head;
            _answering = head.Kind;
            _answeringHelloVersion = head.HelloVersion;
            _expectedConfirmations = head.ExpectedConfirmations;
        }
        else
        {
            _answering = RedisCommandKind.Other;
        }

        RedisCommandKind confirmation = _topCount == 3 && _hasThirdInteger ? RedisCommandNames.ConfirmationKind(HeadWord) : RedisCommandKind.Other;
        if (_topType == (byte)'>')
        {
            _resp3 = true;
            if (confirmation == RedisCommandKind.Other)
                return RedisReplyKind.Push;
            return confirmation == _answering ? Confirms(confirmation) : RedisReplyKind.OrphanConfirmation;
        }
        if (_topType is (byte)'%' or (byte)'~' or (byte)'_' or (byte)',' or (byte)'#' or (byte)'(' or (byte)'=' or (byte)'!' or (byte)'|')
        {
            // Only a RESP3 connection gets these.
            _resp3 = true;
            return RedisReplyKind.Reply;
        }
        if (_topType != (byte)'*' || _resp3)
            return RedisReplyKind.Reply;

        // RESP2: an array is a confirmation or a published message only by its shape and
        // the connection's state; a command's reply may look the same.
        if (confirmation != RedisCommandKind.Other)
        {
            if (confirmation == _answering)
                return Confirms(confirmation);
            return IsSubscribed || !waiting ? RedisReplyKind.OrphanConfirmation : RedisReplyKind.Reply;
        }
        ReadOnlySpan<byte> word = HeadWord;
        bool published = RedisCommandNames.IsPublishedMessage(word) && _topCount == (word[0] == (byte)'p' ? 4 : 3);
        // Subscribed, a client may only PING and (un)subscribe: neither is answered by a message.
        if (published && (IsSubscribed || !waiting || _answering == RedisCommandKind.Ping || RedisCommandNames.IsSubscribeFamily(_answering)))
            return RedisReplyKind.Push;
        return RedisReplyKind.Reply;
    }

    private RedisReplyKind Confirms(RedisCommandKind kind)
    {
        _confirmationKind = kind;
        return RedisReplyKind.Confirmation;
    }

    /// <summary>A confirmation answering the command at the head of the queue: follow the subscription counts.</summary>
    private void NoteConfirmation()
    {
        _confirmations++;
        if (RedisCommandNames.IsShardFamily(_confirmationKind))
            _shardSubscriptions = _thirdInteger;
        else
            _channelSubscriptions = _thirdInteger;
    }

    /// <summary>
    /// After a confirmation: the command named N channels and gets N confirmations; one
    /// that named none ("all") gets one per subscription, sent together, so more follow
    /// when the next bytes already in hand are another confirmation of the same kind.
    /// </summary>
    private RedisVerdict MoreConfirmations(ReadOnlySpan<byte> next)
    {
        if (_expectedConfirmations > 0)
            return _confirmations < _expectedConfirmations ? RedisVerdict.Yes : RedisVerdict.No;
        if (_thirdInteger == 0 || next.IsEmpty)
            return RedisVerdict.No;
        return StartsConfirmation(next, _confirmationKind);
    }

    private void BeginNextConfirmation(ref RedisMessage frame)
    {
        if (_confirmations == 1 && Rendering)
        {
            // The second confirmation: the rendering becomes a list of them.
            frame.TextOffset--;
            frame.TextLength++;
            frame.Bytes[frame.TextOffset] = (byte)'[';
        }
        ResetTopFacts();
        _phase = Phase.Header;
    }

    /// <summary>Whether <paramref name="data"/> starts another confirmation of <paramref name="kind"/>, as Redis writes them.</summary>
    private RedisVerdict StartsConfirmation(ReadOnlySpan<byte> data, RedisCommandKind kind)
    {
        ReadOnlySpan<byte> word = kind switch
        {
            RedisCommandKind.Unsubscribe => "unsubscribe"u8,
            RedisCommandKind.PUnsubscribe => "punsubscribe"u8,
            RedisCommandKind.SUnsubscribe => "sunsubscribe"u8,
            RedisCommandKind.Subscribe => "subscribe"u8,
            RedisCommandKind.PSubscribe => "psubscribe"u8,
            _ => "ssubscribe"u8,
        };
        Span<byte> expected = stackalloc byte[32];
        expected[0] = _topType;
        "3\r\n$"u8.CopyTo(expected[1..]);
        int n = 5;
        expected[n++] = (byte)('0' + (word.Length / 10));
        expected[n++] = (byte)('0' + (word.Length % 10));
        "\r\n"u8.CopyTo(expected[n..]);
        n += 2;
        word.CopyTo(expected[n..]);
        n += word.Length;
        ReadOnlySpan<byte> pattern = expected[..n];
        int compared = Math.Min(pattern.Length, data.Length);
        if (!data[..compared].SequenceEqual(pattern[..compared]))
            return RedisVerdict.No;
        return compared == pattern.Length ? RedisVerdict.Yes : RedisVerdict.Maybe;
    }

    /// <summary>Ends the frame: closes a list of confirmations, names a push, follows the connection's state.</summary>
    private ParseResult Finish(ref RedisMessage frame, RedisReplyKind kind, int consumed, long skipAfter = 0)
    {
        if (_confirmations > 1 && frame.TextOffset == 0)
            RedisText.Append(ref frame, (byte)']');
        frame.ReplyKind = kind;
        if (kind == RedisReplyKind.Push)
            NamePush(ref frame);
        else if (kind == RedisReplyKind.Reply && !frame.IsError)
            OnAnswered();
        if ((frame.Flags & RedisMessageFlags.Truncated) != 0)
            _counters.TruncatedTexts.Value++;
        Reset();
        return ParseResult.Complete(consumed, skipAfter);
    }

    /// <summary>Some replies change how later ones are read: HELLO switches the protocol, RESET goes back to RESP2 without subscriptions.</summary>
    private void OnAnswered()
    {
        switch (_answering)
        {
            case RedisCommandKind.Hello when _answeringHelloVersion != 0:
                _resp3 = _answeringHelloVersion == 3;
                break;
            case RedisCommandKind.Reset:
                _resp3 = false;
                _channelSubscriptions = 0;
                _shardSubscriptions = 0;
                break;
        }
    }

    /// <summary>A push's row is named like Pixie's: "PUSH PUB" for published messages, "PUSH " and the kind otherwise.</summary>
    private void NamePush(ref RedisMessage frame)
    {
        ReadOnlySpan<byte> word = HeadWord;
        bool published = RedisCommandNames.IsPublishedMessage(word);
        int length = 4 + (published ? 4 : word.IsEmpty ? 0 : 1 + word.Length);
        int at = Math.Max(frame.TextEnd, TextStart);
        frame.EnsureCapacity(at + length);
        Span<byte> name = frame.Bytes.AsSpan(at, length);
        "PUSH"u8.CopyTo(name);
        if (published)
        {
            " PUB"u8.CopyTo(name[4..]);
        }
        else if (!word.IsEmpty)
        {
            name[4] = (byte)' ';
            RedisSyntax.CopyUpper(word, name[5..]);
        }
        frame.CommandOffset = at;
        frame.CommandLength = length;
    }

    private void ResetTopFacts()
    {
        _answering = RedisCommandKind.Other;
        _answeringHelloVersion = 0;
        _topType = 0;
        _topCount = 0;
        _headWordLength = 0;
        _thirdInteger = 0;
        _hasThirdInteger = false;
        _monitorLine = false;
    }

    /// <summary>A status reply as Redis sends them: a word of capitals (OK, PONG, QUEUED, RESET, FULLRESYNC ...).</summary>
    private static bool IsRedisStatus(ReadOnlySpan<byte> content) =>
        content.SequenceEqual("OK"u8) || content.SequenceEqual("PONG"u8) || content.SequenceEqual("QUEUED"u8)
        || content.SequenceEqual("RESET"u8) || content.SequenceEqual("CONTINUE"u8) || RedisSyntax.IsMonitorLine(content);

    /// <summary>An error as Redis sends them: a code of capitals ("ERR", "WRONGTYPE") then a message.</summary>
    private static bool IsRedisError(ReadOnlySpan<byte> content)
    {
        int space = content.IndexOf((byte)' ');
        ReadOnlySpan<byte> code = space < 0 ? content : content[..space];
        if (code.Length < 2 || code.Length > 32 || code.IndexOfAnyExceptInRange((byte)'A', (byte)'Z') >= 0)
            return false;
        return RedisSyntax.IsPrintableText(content);
    }

    private static bool IsBigNumber(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> digits = !content.IsEmpty && content[0] == (byte)'-' ? content[1..] : content;
        return !digits.IsEmpty && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    /// <summary>What reading a value (or part of it) came to.</summary>
    private enum ValueStep : byte
    {
        Continue,
        NeedMoreData,
        Done,
        Invalid,
    }

    /// <summary>An open aggregate.</summary>
    private struct Level
    {
        /// <summary>Elements in it: a map counts keys and values, an attribute also the value it describes.</summary>
        public long Count;

        /// <summary>Elements read so far.</summary>
        public long Index;

        public LevelKind Kind;

        /// <summary>Its opening was written, so its closing must be.</summary>
        public bool Rendered;

        /// <summary>An attribute whose "reply" part was written.</summary>
        public bool ReplyStarted;
    }
}
