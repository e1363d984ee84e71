using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// Parses one direction of an HTTP/1 connection into <see cref="HttpMessage"/>s: a
/// resumable state machine that accepts its bytes split anywhere, keeps the head and
/// a body prefix in the message's pooled buffer, and only counts the rest. Requests
/// and responses differ in their start line, their body rules and where a message
/// can start; everything else lives here.
/// </summary>
public abstract class Http1MessageParser : IFrameParser<HttpMessage>
{
    /// <summary>
    /// Longest chunk-size line (size and extensions) read: extensions are skipped, not
    /// kept, but a line that never ends must not keep a connection's parser busy.
    /// </summary>
    internal const int MaxChunkLineBytes = 4096;

    /// <summary>Upper bound applied to ProtocolOptions.MaxHeadBytes and MaxBodyBytes.</summary>
    internal const int MaxConfigurableBytes = 16 << 20;

    private readonly Http1Session _session;
    private readonly Http1Counters _counters;
    private readonly int _maxHeadBytes;
    private readonly int _maxBodyBytes;

    private State _state;

    /// <summary>Bytes still to come of a Content-Length body or of the current chunk; a chunk size being read.</summary>
    private long _remaining;

    /// <summary>Where the line being gathered (head or trailers) starts in the message buffer.</summary>
    private int _lineStart;

    private int _chunkLineBytes;
    private bool _chunkSizeHasDigits;

    private protected Http1MessageParser(Http1Session session, ProtocolOptions options, Http1Counters counters)
    {
        ArgumentNullException.ThrowIfNull(options);
        _session = session;
        _counters = counters;
        // Sizes of one pooled rental per message: absurd settings must not overflow it.
        _maxHeadBytes = Math.Clamp(options.MaxHeadBytes, 16, MaxConfigurableBytes);
        _maxBodyBytes = Math.Clamp(options.MaxBodyBytes, 0, MaxConfigurableBytes);
    }

    private enum State : byte
    {
        Head,
        FixedBody,
        UntilClose,
        ChunkSize,
        ChunkExtension,
        ChunkSizeLf,
        ChunkData,
        ChunkDataCr,
        ChunkDataLf,
        Trailers,
    }

    /// <summary>What a step of the chunked decoder asks for.</summary>
    private enum Step : byte
    {
        Continue,
        NeedMoreData,
        Invalid,
    }

    /// <summary>What gathering one line of a head or of trailers came to.</summary>
    private enum Gathered : byte
    {
        Partial,
        Line,
        Blank,
        TooLarge,
    }

    public abstract MessageKind Kind { get; }

    public abstract int MaxBoundaryLength { get; }

    public abstract int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<HttpMessage> context);

    public ParseResult Parse(ReadOnlySpan<byte> data, ref HttpMessage frame, in ParseContext<HttpMessage> context)
    {
        if (!_session.IsHttp1)
            return _session.AfterSwitch(data);
        return _state == State.Head ? ParseHead(data, ref frame, context) : ParseBody(data, 0, ref frame);
    }

    public long AbsorbHole(long count, ref HttpMessage frame)
    {
        long absorbed;
        switch (_state)
        {
            case State.FixedBody:
                absorbed = Math.Min(count, _remaining);
                _remaining -= absorbed;
                break;
            case State.ChunkData:
                absorbed = Math.Min(count, _remaining);
                _remaining -= absorbed;
                if (_remaining == 0)
                    _state = State.ChunkDataCr;
                break;
            case State.UntilClose:
                absorbed = count;
                frame.BodyLength += count;
                break;
            default:
                // Heads, chunk-size lines and trailers are needed whole.
                return 0;
        }
        frame.MessageFlags |= HttpMessageFlags.BodyHasGaps;
        return absorbed;
    }

    public bool TryCompleteAtEndOfStream(ref HttpMessage frame)
    {
        if (_state != State.UntilClose)
            return false;
        Complete(ref frame);
        return true;
    }

    public void Reset()
    {
        _state = State.Head;
        _remaining = 0;
        _lineStart = 0;
        _chunkLineBytes = 0;
        _chunkSizeHasDigits = false;
    }

    /// <summary>Parses a start line (without its line end) into the message.</summary>
    private protected abstract bool TryParseStartLine(ReadOnlySpan<byte> line, ref HttpMessage message);

    /// <summary>Could this unfinished first line still become a start line? (Lets garbage fail fast.)</summary>
    private protected abstract bool CouldBeStartLine(ReadOnlySpan<byte> partialLine);

    /// <summary>How the body of <paramref name="message"/> ends (RFC 9112 §6.3); false when its framing is invalid.</summary>
    private protected abstract bool TryDecideFraming(ref HttpMessage message, in FieldFacts facts, in ParseContext<HttpMessage> context, out HttpBodyFraming framing);

    private ParseResult ParseHead(ReadOnlySpan<byte> data, ref HttpMessage message, in ParseContext<HttpMessage> context)
    {
        if (message.Buffer is null)
        {
            if (data.IsEmpty)
                return ParseResult.NeedMoreData();
            // RFC 9112 §2.2: empty lines before a message are ignored.
            int first = data.IndexOfAnyExcept((byte)'\r', (byte)'\n');
            if (first != 0)
                return ParseResult.Skipped(first < 0 ? data.Length : first);

            // The common case: the whole head is here. One search finds its end, one
            // copy keeps it with room for the body prefix behind it.
            int end = data[..Math.Min(data.Length, _maxHeadBytes)].IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                int headLength = end + 4;
                message.EnsureCapacity(headLength + _maxBodyBytes, 0);
                data[..headLength].CopyTo(message.Buffer);
                message.HeadLength = headLength;
                return OnHeadComplete(data, headLength, ref message, context);
            }
            _lineStart = 0;
        }
        return GatherHead(data, ref message, context);
    }

    /// <summary>The head arrives in pieces (or ends with bare LFs): gather it line by line into the message.</summary>
    private ParseResult GatherHead(ReadOnlySpan<byte> data, ref HttpMessage message, in ParseContext<HttpMessage> context)
    {
        int pos = 0;
        while (true)
        {
            bool firstLine = _lineStart == 0;
            switch (GatherLine(data, ref pos, ref message, 0, ref message.HeadLength, _maxHeadBytes))
            {
                case Gathered.TooLarge:
                    _counters.OversizedHeads.Value++;
                    return ParseResult.Invalid();
                case Gathered.Partial:
                    if (firstLine && !CouldBeStartLine(message.Buffer.AsSpan(0, message.HeadLength)))
                        return ParseResult.Invalid();
                    return ParseResult.NeedMoreData(pos);
                case Gathered.Line:
                    if (firstLine && !TryParseStartLine(LineContent(message.Buffer.AsSpan(0, _lineStart)), ref message))
                        return ParseResult.Invalid();
                    break;
                default:
                    return OnHeadComplete(data, pos, ref message, context);
            }
        }
    }

    /// <summary>
    /// The head (in the message buffer) is complete and <paramref name="consumed"/> bytes
    /// of <paramref name="data"/> were used so far: parse it, decide the framing, start the body.
    /// </summary>
    private ParseResult OnHeadComplete(ReadOnlySpan<byte> data, int consumed, ref HttpMessage message, in ParseContext<HttpMessage> context)
    {
        // On errors nothing is claimed consumed: resynchronisation looks for the next
        // message start from here, and it may well be inside these bytes.
        Span<byte> head = message.Buffer.AsSpan(0, message.HeadLength);
        int firstNewline = head.IndexOf((byte)'\n');
        // The start line's end as an index, not through LineContent: the JIT spills a span
        // that a helper returns, and reloading it stalls on every message.
        int startLineEnd = firstNewline > 0 && head[firstNewline - 1] == (byte)'\r' ? firstNewline - 1 : firstNewline;
        if (firstNewline < 0 || !TryParseStartLine(head[..startLineEnd], ref message))
            return ParseResult.Invalid();

        var facts = new FieldFacts();
        int headLength = Http1HeadParser.ParseFields(head, firstNewline + 1, ref facts, out int fieldsEnd);
        if (headLength < 0)
            return ParseResult.Invalid();
        // Bare-LF heads can end before the CRLFCRLF the fast path found.
        consumed -= message.HeadLength - headLength;
        message.HeadLength = headLength;
        message.FieldsOffset = firstNewline + 1;
        message.FieldsEnd = fieldsEnd;
        message.MessageKind = Kind;
        message.BodyContentType = facts.ContentType;
        message.DeclaredContentLength = facts.ContentLength;
        if (facts.ConnectionClose)
            message.MessageFlags |= HttpMessageFlags.ConnectionClose;

        if (facts.BadContentLength || !TryDecideFraming(ref message, facts, context, out HttpBodyFraming framing))
        {
            _counters.InvalidFraming.Value++;
            return ParseResult.Invalid();
        }
        message.BodyFraming = framing;
        switch (framing)
        {
            case HttpBodyFraming.ContentLength:
                _remaining = facts.ContentLength;
                message.BodyLength = facts.ContentLength;
                message.BodyCapacity = (int)Math.Min(facts.ContentLength, _maxBodyBytes);
                _state = State.FixedBody;
                break;
            case HttpBodyFraming.Chunked:
                message.BodyCapacity = _maxBodyBytes;
                BeginChunkSize();
                break;
            case HttpBodyFraming.CloseDelimited:
                message.BodyCapacity = _maxBodyBytes;
                _state = State.UntilClose;
                break;
            default:
                // The only way a response that ends HTTP/1 (a 101, a tunnel's 2xx) completes:
                // it has no body. Whoever takes the connection over may want the request it answers.
                return Complete(ref message, consumed, 0, context.PeerFrames);
        }
        message.EnsureCapacity(message.HeadLength + message.BodyCapacity, message.HeadLength);
        return ParseBody(data, consumed, ref message);
    }

    private ParseResult ParseBody(ReadOnlySpan<byte> data, int pos, ref HttpMessage message)
    {
        while (true)
        {
            Step step;
            switch (_state)
            {
                case State.FixedBody:
                    return ReadFixedBody(data, pos, ref message);
                case State.UntilClose:
                    message.KeepBody(data[pos..]);
                    message.BodyLength += data.Length - pos;
                    return ParseResult.NeedMoreData(data.Length);
                case State.ChunkSize:
                    step = ReadChunkSize(data, ref pos, ref message);
                    break;
                case State.ChunkExtension:
                    step = SkipChunkExtension(data, ref pos, ref message);
                    break;
                case State.ChunkSizeLf:
                    step = Expect(data, ref pos, (byte)'\n', State.ChunkSize);
                    if (step == Step.Continue)
                        step = EndChunkSizeLine(ref message);
                    break;
                case State.ChunkData:
                    step = ReadChunkData(data, ref pos, ref message);
                    break;
                case State.ChunkDataCr:
                    // A bare LF after chunk data is tolerated like any bare LF line end.
                    if (pos < data.Length && data[pos] == (byte)'\n')
                    {
                        pos++;
                        BeginChunkSize();
                        step = Step.Continue;
                        break;
                    }
                    step = Expect(data, ref pos, (byte)'\r', State.ChunkDataLf);
                    break;
                case State.ChunkDataLf:
                    step = Expect(data, ref pos, (byte)'\n', State.ChunkSize);
                    if (step == Step.Continue)
                        BeginChunkSize();
                    break;
                case State.Trailers:
                    return ReadTrailers(data, pos, ref message);
                default:
                    return ParseResult.Invalid(pos);
            }
            if (step == Step.NeedMoreData)
                return ParseResult.NeedMoreData(pos);
            if (step == Step.Invalid)
            {
                _counters.InvalidFraming.Value++;
                return ParseResult.Invalid(pos);
            }
        }
    }

    private ParseResult ReadFixedBody(ReadOnlySpan<byte> data, int pos, ref HttpMessage message)
    {
        int available = data.Length - pos;
        if (_remaining <= available)
        {
            int end = pos + (int)_remaining;
            message.KeepBody(data[pos..end]);
            return Complete(ref message, end);
        }
        int room = message.BodyRoom;
        if (room <= available)
        {
            // The prefix is full: what is left of the body is the driver's to skip,
            // holes included, without calling us.
            message.KeepBody(data.Slice(pos, room));
            long skip = _remaining - room;
            return Complete(ref message, pos + room, skip);
        }
        message.KeepBody(data[pos..]);
        _remaining -= available;
        return ParseResult.NeedMoreData(data.Length);
    }

    private void BeginChunkSize()
    {
        _state = State.ChunkSize;
        _remaining = 0;
        _chunkLineBytes = 0;
        _chunkSizeHasDigits = false;
    }

    private Step ReadChunkSize(ReadOnlySpan<byte> data, ref int pos, ref HttpMessage message)
    {
        while (pos < data.Length)
        {
            byte b = data[pos];
            int digit = HexValue(b);
            if (digit >= 0)
            {
                // 2^63 and beyond cannot be a length.
                if (_remaining > (long.MaxValue >> 4) || ++_chunkLineBytes > MaxChunkLineBytes)
                    return Step.Invalid;
                _remaining = (_remaining << 4) | (long)digit;
                _chunkSizeHasDigits = true;
                pos++;
                continue;
            }
            if (!_chunkSizeHasDigits)
                return Step.Invalid;
            switch (b)
            {
                case (byte)';' or (byte)' ' or (byte)'\t':
                    _state = State.ChunkExtension;
                    return Step.Continue;
                case (byte)'\r':
                    pos++;
                    _state = State.ChunkSizeLf;
                    return Step.Continue;
                case (byte)'\n':
                    pos++;
                    return EndChunkSizeLine(ref message);
                default:
                    return Step.Invalid;
            }
        }
        return Step.NeedMoreData;
    }

    private Step SkipChunkExtension(ReadOnlySpan<byte> data, ref int pos, ref HttpMessage message)
    {
        ReadOnlySpan<byte> rest = data[pos..];
        int newline = rest.IndexOf((byte)'\n');
        int seen = newline < 0 ? rest.Length : newline;
        _chunkLineBytes += seen;
        if (_chunkLineBytes > MaxChunkLineBytes || rest[..seen].Contains((byte)0))
            return Step.Invalid;
        if (newline < 0)
        {
            pos = data.Length;
            return Step.NeedMoreData;
        }
        pos += newline + 1;
        return EndChunkSizeLine(ref message);
    }

    /// <summary>A chunk-size line ended: the chunk's data follows, or the trailers after the last chunk.</summary>
    private Step EndChunkSizeLine(ref HttpMessage message)
    {
        if (_remaining == 0)
        {
            _state = State.Trailers;
            _lineStart = message.HeadLength + message.BodyCapacity;
            return Step.Continue;
        }
        if (message.BodyLength > long.MaxValue - _remaining)
            return Step.Invalid;
        message.BodyLength += _remaining;
        _state = State.ChunkData;
        return Step.Continue;
    }

    private Step ReadChunkData(ReadOnlySpan<byte> data, ref int pos, ref HttpMessage message)
    {
        int take = (int)Math.Min(_remaining, data.Length - pos);
        message.KeepBody(data.Slice(pos, take));
        pos += take;
        _remaining -= take;
        if (_remaining > 0)
            return Step.NeedMoreData;
        _state = State.ChunkDataCr;
        return Step.Continue;
    }

    private Step Expect(ReadOnlySpan<byte> data, ref int pos, byte expected, State next)
    {
        if (pos >= data.Length)
            return Step.NeedMoreData;
        if (data[pos] != expected)
            return Step.Invalid;
        pos++;
        _state = next;
        return Step.Continue;
    }

    private ParseResult ReadTrailers(ReadOnlySpan<byte> data, int pos, ref HttpMessage message)
    {
        // Nearly always: no trailers, just the final CRLF.
        if (message.TrailersLength == 0 && data[pos..].StartsWith("\r\n"u8))
            return Complete(ref message, pos + 2);

        int regionStart = message.HeadLength + message.BodyCapacity;
        // Head and trailers together are bounded like a head.
        int limit = _maxHeadBytes - message.HeadLength;
        while (true)
        {
            switch (GatherLine(data, ref pos, ref message, regionStart, ref message.TrailersLength, limit))
            {
                case Gathered.TooLarge:
                    _counters.OversizedHeads.Value++;
                    return ParseResult.Invalid(pos);
                case Gathered.Partial:
                    return ParseResult.NeedMoreData(pos);
                case Gathered.Line:
                    break;
                default:
                    var ignored = new FieldFacts();
                    Span<byte> trailers = message.Buffer.AsSpan(regionStart, message.TrailersLength);
                    if (Http1HeadParser.ParseFields(trailers, 0, ref ignored, out int fieldsEnd) < 0)
                    {
                        _counters.InvalidFraming.Value++;
                        return ParseResult.Invalid(pos);
                    }
                    if (fieldsEnd > 0)
                        message.MessageFlags |= HttpMessageFlags.HasTrailers;
                    return Complete(ref message, pos);
            }
        }
    }

    /// <summary>
    /// Appends one line (or what has arrived of it) from <paramref name="data"/> to a region
    /// of the message buffer, never beyond <paramref name="maxRegionLength"/> bytes.
    /// </summary>
    private Gathered GatherLine(ReadOnlySpan<byte> data, ref int pos, ref HttpMessage message, int regionStart, ref int regionLength, int maxRegionLength)
    {
        ReadOnlySpan<byte> rest = data[pos..];
        int newline = rest.IndexOf((byte)'\n');
        int take = newline < 0 ? rest.Length : newline + 1;
        if (regionLength + take > maxRegionLength)
            return Gathered.TooLarge;
        int end = regionStart + regionLength;
        message.EnsureCapacity(end + take, end);
        rest[..take].CopyTo(message.Buffer.AsSpan(end));
        regionLength += take;
        pos += take;
        if (newline < 0)
            return Gathered.Partial;
        int lineStart = _lineStart;
        _lineStart = end + take;
        int lineLength = _lineStart - lineStart;
        return lineLength == 1 || (lineLength == 2 && message.Buffer![lineStart] == (byte)'\r') ? Gathered.Blank : Gathered.Line;
    }

    /// <summary>Ends the message: resets for the next one and applies what its end means for the connection.</summary>
    private ParseResult Complete(ref HttpMessage message, int consumed, long skipAfter = 0, Common.RingQueue<HttpMessage>? peerFrames = null)
    {
        Complete(ref message, peerFrames);
        return ParseResult.Complete(consumed, skipAfter);
    }

    private void Complete(ref HttpMessage message, Common.RingQueue<HttpMessage>? peerFrames = null)
    {
        Reset();
        if ((message.MessageFlags & HttpMessageFlags.SwitchesProtocol) != 0)
            _session.EndHttp1(message.Status == 101 ? ProtocolSwitch.Upgrade : ProtocolSwitch.Tunnel, ref message, peerFrames);
    }

    /// <summary>A line without its LF or CRLF end.</summary>
    private static ReadOnlySpan<byte> LineContent(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\n')
            line = line[..^1];
        if (!line.IsEmpty && line[^1] == (byte)'\r')
            line = line[..^1];
        return line;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
