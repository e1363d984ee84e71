using System.Buffers;
using System.Buffers.Binary;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http2.Hpack;
using Devtools.Core.Protocols.Http2.Streams;

namespace Devtools.Core.Protocols.Http2.Frames;

/// <summary>
/// Parses one direction of an HTTP/2 connection (RFC 9113) frame by frame, into the
/// connection's <see cref="Http2Session"/>: header blocks are gathered across
/// CONTINUATIONs and HPACK-decoded into their stream's message, DATA payloads feed the
/// body prefix, the true size and gRPC framing, SETTINGS adjust the other side's limits.
/// Every frame completes as an <see cref="Http2Frame"/> so the stitcher learns when.
/// </summary>
/// <remarks>
/// <para>Resumable and copy-free when a frame arrives whole: a header block is decoded
/// straight from the stream's bytes; only frames split across events are gathered.
/// Payloads nobody needs (the rest of a body, PING, WINDOW_UPDATE, unknown types) are
/// left to the driver to skip, holes included, and bytes missing inside a DATA payload
/// are stepped over.</para>
/// <para>After lost bytes the parser resynchronises on a strict frame-header chain and
/// forgets its HPACK context: header blocks it missed changed the table.</para>
/// </remarks>
internal sealed class Http2FrameParser : IFrameParser<Http2Frame>, IDisposable
{
    private const int MaxSettingsPayload = 6 * 64;

    private readonly Http2Session _session;
    private readonly MessageKind _sender;
    private readonly HpackDecoder _decoder;
    private readonly Http2Counters _counters;
    private readonly int _maxBlockBytes;

    private State _state = State.Start;
    private bool _firstFrame = true;

    private Http2FrameHeader _header;
    private readonly byte[] _headerBytes = new byte[Http2FrameHeader.Size];
    private int _headerFill;
    private int _prefaceFill;

    /// <summary>A payload needed whole that arrived in pieces.</summary>
    private byte[] _payload = [];
    private int _payloadFill;
    private bool _payloadTooLarge;

    /// <summary>The header block being gathered across HEADERS/PUSH_PROMISE and CONTINUATION frames.</summary>
    private byte[] _block = [];
    private int _blockLength;
    private int _blockStream;
    private bool _blockTooLarge;
    private bool _blockEndsStream;
    private Http2FrameType _blockType;
    private int _blockPromised;

    /// <summary>The DATA payload in progress: what is left of it, of its padding, and whose it is.</summary>
    private long _dataRemaining;
    private int _padRemaining;
    private Http2Stream? _dataStream;
    private int _dataGeneration;

    public Http2FrameParser(Http2Session session, MessageKind sender)
    {
        _session = session;
        _sender = sender;
        _decoder = session.Decoder(sender);
        _counters = session.Counters;
        _maxBlockBytes = session.Limits.MaxHeaderBlockBytes;
    }

    private enum State : byte
    {
        /// <summary>Nothing parsed yet: a preface, or frames of a connection we joined late.</summary>
        Start,
        Preface,
        Header,
        Payload,
        DataPadLength,
        Data,
    }

    /// <summary>A frame header, its payload and the next frame header, at the largest frame size believed.</summary>
    public int MaxBoundaryLength => (2 * Http2FrameHeader.Size) + _session.StrictMaxFrameSize(_sender);

    public ParseResult Parse(ReadOnlySpan<byte> data, ref Http2Frame frame, in ParseContext<Http2Frame> context)
    {
        Http2StepResult result = Step(data, ref frame);
        // A header block awaiting CONTINUATION after an empty fragment whose frame header
        // came in an earlier call: nothing was consumed now, but the bytes are there to go on with.
        if (result.Status == ParseStatus.Progress && result.Consumed == 0 && !data.IsEmpty)
            result = Step(data, ref frame);
        return result.ToParseResult();
    }

    private Http2StepResult Step(ReadOnlySpan<byte> data, ref Http2Frame frame)
    {
        switch (_state)
        {
            case State.Start:
                return ParseStart(data, ref frame);
            case State.Preface:
                return ParsePreface(data);
            case State.Header:
                return ParseHeader(data, 0, ref frame);
            case State.Payload:
                return ParsePayload(data, 0, ref frame);
            case State.DataPadLength:
                return ParseDataPadLength(data, 0, ref frame);
            default:
                return ParseData(data, 0, ref frame);
        }
    }

    public long AbsorbHole(long count, ref Http2Frame frame)
    {
        if (_state != State.Data)
            return 0;
        long data = Math.Min(count, _dataRemaining);
        long padding = Math.Min(count - data, _padRemaining);
        if (data > 0)
        {
            _dataRemaining -= data;
            if (AliveDataHalf() is { } half)
            {
                half.BodyHasGaps = true;
                if (half.IsGrpc)
                {
                    bool wasLost = half.Grpc.Lost;
                    half.Grpc.Miss(data);
                    if (half.Grpc.Lost && !wasLost)
                        _counters.GrpcFramingLost.Value++;
                }
            }
        }
        _padRemaining -= (int)padding;
        return data + padding;
    }

    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<Http2Frame> context)
    {
        int maxFrameSize = _session.StrictMaxFrameSize(_sender);
        int maxFirstByte = maxFrameSize >> 16;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] > maxFirstByte)
                continue;
            switch (Http2FrameRules.CheckSequence(data[i..], maxFrameSize))
            {
                case SequenceVerdict.Plausible:
                    return i;
                case SequenceVerdict.NeedMoreData:
                    // Cannot tell yet; everything from here on is within MaxBoundaryLength of the end.
                    return -1;
            }
        }
        return -1;
    }

    public bool TryCompleteAtEndOfStream(ref Http2Frame frame) => false;

    public void Reset()
    {
        // Whatever was skipped may have held header blocks: this side's table is unknown now.
        if (_state == State.Payload || _blockStream != 0)
            _counters.HeaderBlocksLost.Value++;
        _decoder.LoseContext();
        _state = State.Header;
        _firstFrame = false;
        _headerFill = 0;
        _payloadFill = 0;
        _payloadTooLarge = false;
        _blockLength = 0;
        _blockStream = 0;
        _blockTooLarge = false;
        _dataRemaining = 0;
        _padRemaining = 0;
        _dataStream = null;
    }

    /// <summary>Returns the buffers of frames gathered in pieces to the pool.</summary>
    public void Dispose()
    {
        if (_payload.Length > 0)
            ArrayPool<byte>.Shared.Return(_payload);
        if (_block.Length > 0)
            ArrayPool<byte>.Shared.Return(_block);
        _payload = [];
        _block = [];
        _payloadFill = 0;
        _blockLength = 0;
    }

    private Http2StepResult ParseStart(ReadOnlySpan<byte> data, ref Http2Frame frame)
    {
        if (data.IsEmpty)
            return Http2StepResult.NeedMoreData();
        if (_sender == MessageKind.Request && Http2Preface.Check(data) != PrefaceVerdict.No)
        {
            _state = State.Preface;
            return ParsePreface(data);
        }
        _state = State.Header;
        return ParseHeader(data, 0, ref frame);
    }

    private Http2StepResult ParsePreface(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> rest = Http2Preface.Bytes[_prefaceFill..];
        int n = Math.Min(rest.Length, data.Length);
        if (!data[..n].SequenceEqual(rest[..n]))
            return Http2StepResult.Invalid();
        _prefaceFill += n;
        if (_prefaceFill == Http2Preface.Length)
        {
            _state = State.Header;
            _firstFrame = false;
            _session.OnClientPreface();
        }
        return n == 0 ? Http2StepResult.NeedMoreData() : Http2StepResult.Skipped(n);
    }

    private Http2StepResult ParseHeader(ReadOnlySpan<byte> data, int pos, ref Http2Frame frame)
    {
        Http2FrameHeader header;
        if (_headerFill == 0 && data.Length - pos >= Http2FrameHeader.Size)
        {
            header = Http2FrameHeader.Read(data[pos..]);
            pos += Http2FrameHeader.Size;
        }
        else
        {
            int n = Math.Min(Http2FrameHeader.Size - _headerFill, data.Length - pos);
            data.Slice(pos, n).CopyTo(_headerBytes.AsSpan(_headerFill));
            _headerFill += n;
            pos += n;
            if (_headerFill < Http2FrameHeader.Size)
                return Http2StepResult.NeedMoreData(pos);
            _headerFill = 0;
            header = Http2FrameHeader.Read(_headerBytes);
        }
        _header = header;
        return OnHeader(header, data, pos, ref frame);
    }

    /// <summary>
    /// A frame header was read (and <paramref name="pos"/> bytes of <paramref name="data"/> used): route its payload.
    /// The header comes as an argument (in registers) rather than read back whole from the field just written.
    /// </summary>
    private Http2StepResult OnHeader(Http2FrameHeader h, ReadOnlySpan<byte> data, int pos, ref Http2Frame frame)
    {
        bool first = _firstFrame;
        _firstFrame = false;
        // A connection joined late starts wherever capture did: its first frame must look
        // like one before we believe it (after that, framing carries us).
        if (first && !Http2FrameRules.IsPlausible(h, _session.StrictMaxFrameSize(_sender)))
            return Http2StepResult.Invalid();
        if (!IsWellFormed(h))
            return Http2StepResult.Invalid();
        if (first && _sender == MessageKind.Response && h.Type == Http2FrameType.Settings && !h.Has(Http2FrameFlags.EndStream))
            _session.OnServerPreface();

        frame.Type = h.Type;
        frame.StreamId = h.StreamId;
        switch (h.Type)
        {
            case Http2FrameType.Data:
                return BeginData(data, pos, ref frame);
            case Http2FrameType.Headers or Http2FrameType.PushPromise or Http2FrameType.Continuation
                or Http2FrameType.Settings or Http2FrameType.RstStream:
                _state = State.Payload;
                _payloadFill = 0;
                _payloadTooLarge = false;
                return ParsePayload(data, pos, ref frame);
            default:
                if (!h.IsKnownType)
                    _counters.UnknownFrameTypes.Value++;
                // Nothing in PRIORITY, PING, WINDOW_UPDATE, GOAWAY or extensions changes a record.
                return Complete(pos, h.Length);
        }
    }

    /// <summary>The rules whose breach means these bytes are not frames (or we lost our place).</summary>
    private bool IsWellFormed(in Http2FrameHeader h)
    {
        if (h.Length > _session.MaxFrameSize(_sender))
            return false;
        bool inBlock = _blockStream != 0;
        if (h.Type == Http2FrameType.Continuation)
            return inBlock && h.StreamId == _blockStream;
        if (inBlock)
            return false; // a header block is not interleaved with anything (RFC 9113 §6.10)
        return h.Type switch
        {
            Http2FrameType.Data or Http2FrameType.Headers or Http2FrameType.Priority or Http2FrameType.RstStream => h.StreamId != 0,
            Http2FrameType.PushPromise => h.StreamId != 0 && h.Length >= 4,
            Http2FrameType.Settings => h.StreamId == 0 && h.Length % 6 == 0,
            Http2FrameType.Ping or Http2FrameType.GoAway => h.StreamId == 0,
            _ => true,
        };
    }

    /// <summary>Gathers a payload that is needed whole, then acts on it.</summary>
    private Http2StepResult ParsePayload(ReadOnlySpan<byte> data, int pos, ref Http2Frame frame)
    {
        int length = _header.Length;
        if (_payloadFill == 0 && data.Length - pos >= length)
        {
            int limit = _header.Type == Http2FrameType.Settings ? MaxSettingsPayload : _maxBlockBytes;
            return OnPayload(data.Slice(pos, length), pos + length, ref frame, tooLarge: length > limit);
        }
        if (_payloadFill == 0)
        {
            int limit = _header.Type == Http2FrameType.Settings ? MaxSettingsPayload : _maxBlockBytes;
            _payloadTooLarge = length > limit;
        }
        int n = Math.Min(length - _payloadFill, data.Length - pos);
        if (!_payloadTooLarge)
        {
            // Too large to keep is only counted through: nothing of it will be used.
            if (_payload.Length < length)
                _payload = Grow(_payload, _payloadFill, length);
            data.Slice(pos, n).CopyTo(_payload.AsSpan(_payloadFill));
        }
        _payloadFill += n;
        pos += n;
        if (_payloadFill < length)
            return Http2StepResult.NeedMoreData(pos);
        _payloadFill = 0;
        return OnPayload(_payloadTooLarge ? default : _payload.AsSpan(0, length), pos, ref frame, _payloadTooLarge);
    }

    /// <summary>A whole payload (empty when <paramref name="tooLarge"/> to keep): header block fragments, SETTINGS, RST_STREAM.</summary>
    private Http2StepResult OnPayload(ReadOnlySpan<byte> payload, int consumed, ref Http2Frame frame, bool tooLarge)
    {
        ref readonly Http2FrameHeader h = ref _header;
        switch (h.Type)
        {
            case Http2FrameType.Settings:
                if (!h.Has(Http2FrameFlags.EndStream))
                {
                    for (int i = 0; i + 6 <= payload.Length; i += 6)
                        _session.ApplySetting(_sender, BinaryPrimitives.ReadUInt16BigEndian(payload[i..]), BinaryPrimitives.ReadUInt32BigEndian(payload[(i + 2)..]));
                }
                return Complete(consumed, 0);
            case Http2FrameType.RstStream:
                frame.ErrorCode = payload.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(payload) : 0;
                return Complete(consumed, 0);
            default:
                if (!OnBlockFragment(payload, tooLarge))
                    return Http2StepResult.Invalid();
                if (!h.Has(Http2FrameFlags.EndHeaders))
                {
                    // CONTINUATIONs follow: the frame the driver sees spans them all.
                    _state = State.Header;
                    return Http2StepResult.Progress(consumed);
                }
                EndBlock(ref frame);
                return Complete(consumed, 0);
        }
    }

    /// <summary>
    /// Takes the header block fragment out of a HEADERS, PUSH_PROMISE or CONTINUATION
    /// payload: decoded at once when the block is whole in this payload, else gathered.
    /// False when the payload's padding or fields are malformed.
    /// </summary>
    private bool OnBlockFragment(ReadOnlySpan<byte> payload, bool tooLarge)
    {
        ref readonly Http2FrameHeader h = ref _header;
        if (h.Type != Http2FrameType.Continuation)
        {
            _blockType = h.Type;
            _blockStream = h.StreamId;
            _blockEndsStream = h.Type == Http2FrameType.Headers && h.Has(Http2FrameFlags.EndStream);
            _blockLength = 0;
            _blockTooLarge = false;
            _blockPromised = 0;
            if (!tooLarge)
            {
                int padding = 0;
                if (h.Has(Http2FrameFlags.Padded))
                {
                    if (payload.IsEmpty)
                        return false;
                    padding = payload[0];
                    payload = payload[1..];
                }
                if (h.Type == Http2FrameType.Headers && h.Has(Http2FrameFlags.Priority))
                {
                    if (payload.Length < 5)
                        return false;
                    payload = payload[5..];
                }
                if (h.Type == Http2FrameType.PushPromise)
                {
                    if (payload.Length < 4)
                        return false;
                    _blockPromised = (int)(BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7FFF_FFFF);
                    payload = payload[4..];
                }
                if (padding > payload.Length)
                    return false;
                payload = payload[..^padding];
            }
        }
        if (tooLarge || _blockTooLarge || _blockLength + payload.Length > _maxBlockBytes)
        {
            _blockTooLarge = true;
            return true;
        }
        if (h.Has(Http2FrameFlags.EndHeaders) && _blockLength == 0)
        {
            Decode(payload);
            return true;
        }
        if (_block.Length < _blockLength + payload.Length)
            _block = Grow(_block, _blockLength, _blockLength + payload.Length);
        payload.CopyTo(_block.AsSpan(_blockLength));
        _blockLength += payload.Length;
        if (h.Has(Http2FrameFlags.EndHeaders))
            Decode(_block.AsSpan(0, _blockLength));
        return true;
    }

    /// <summary>The block ended: say which stream it was for in the frame, and end the block.</summary>
    private void EndBlock(ref Http2Frame frame)
    {
        if (_blockTooLarge)
        {
            _counters.HeaderBlocksLost.Value++;
            _decoder.LoseContext();
            if (BlockTarget() is { } half)
                half.HeadersLost = true;
        }
        frame.Type = _blockType;
        frame.StreamId = _blockStream;
        frame.EndsStream = _blockEndsStream;
        frame.PromisedStreamId = _blockPromised;
        _blockStream = 0;
        _blockLength = 0;
        _blockTooLarge = false;
    }

    /// <summary>Decodes a whole block into its stream's message (or, for a stream not followed, only into the table).</summary>
    private void Decode(ReadOnlySpan<byte> block)
    {
        Http2Message? half = BlockTarget();
        if (half is null)
        {
            if (_decoder.Decode(block, DiscardingFieldSink.Instance) == HpackResult.Error)
                _counters.HpackErrors.Value++;
            return;
        }
        int unknownBefore = half.UnknownFields;
        int droppedBefore = half.DroppedFields;
        half.BeginBlock();
        if (_decoder.Decode(block, half) == HpackResult.Error)
        {
            // What decoded before the error cannot be trusted either.
            _counters.HpackErrors.Value++;
            half.DiscardBlock();
            half.HeadersLost = true;
            return;
        }
        _counters.UnknownFields.Value += half.UnknownFields - unknownBefore;
        _counters.DroppedFields.Value += half.DroppedFields - droppedBefore;
        if (_sender == MessageKind.Response && _blockType == Http2FrameType.Headers && half.Status is >= 100 and < 200)
        {
            // An interim response: the final one's block follows on the same stream.
            _counters.InformationalResponses.Value++;
            half.DiscardBlock();
            half.ClearStatus();
            return;
        }
        half.HeaderBlocks++;
    }

    /// <summary>The message the current header block adds to, opening its stream if it is new.</summary>
    private Http2Message? BlockTarget()
    {
        Http2StreamTable streams = _session.Streams;
        if (_blockType == Http2FrameType.PushPromise)
        {
            // The server promises a request: it belongs to the promised stream.
            Http2Stream? promised = streams.Find(_blockPromised) ?? Open(_blockPromised, withHeaders: true);
            return promised?.Request;
        }
        Http2Stream? stream = streams.Find(_blockStream);
        if (stream is null)
        {
            // Responses open nothing on a connection seen from its start: the stream was closed.
            if (_sender == MessageKind.Response && !streams.JoinedLate)
            {
                _counters.FramesOnClosedStreams.Value++;
                return null;
            }
            stream = Open(_blockStream, withHeaders: _sender == MessageKind.Request);
            if (stream is not null && _sender == MessageKind.Response)
                stream.Request.HeadersLost = true;
        }
        return stream?.Half(_sender);
    }

    private Http2StepResult BeginData(ReadOnlySpan<byte> data, int pos, ref Http2Frame frame)
    {
        frame.EndsStream = _header.Has(Http2FrameFlags.EndStream);
        _dataStream = null;
        Http2Stream? stream = _session.Streams.Find(_header.StreamId);
        if (stream is null && _session.Streams.JoinedLate)
        {
            // DATA of a stream we never saw open: it began before we joined. (On a
            // connection seen from its start that is a closed stream, or bytes that only
            // look like a frame: opening nothing keeps stream ids sane.)
            stream = Open(_header.StreamId, withHeaders: false);
            if (stream is not null)
                stream.Request.HeadersLost = true;
        }
        else if (stream is null)
        {
            _counters.FramesOnClosedStreams.Value++;
        }
        if (stream is not null)
        {
            _dataStream = stream;
            _dataGeneration = stream.Generation;
        }
        if (_header.Has(Http2FrameFlags.Padded))
        {
            _state = State.DataPadLength;
            return ParseDataPadLength(data, pos, ref frame);
        }
        return StartDataPayload(data, pos, _header.Length, 0, ref frame);
    }

    private Http2StepResult ParseDataPadLength(ReadOnlySpan<byte> data, int pos, ref Http2Frame frame)
    {
        if (pos >= data.Length)
            return Http2StepResult.NeedMoreData(pos);
        int padding = data[pos++];
        int dataLength = _header.Length - 1 - padding;
        if (dataLength < 0)
            return Http2StepResult.Invalid();
        return StartDataPayload(data, pos, dataLength, padding, ref frame);
    }

    private Http2StepResult StartDataPayload(ReadOnlySpan<byte> data, int pos, int dataLength, int padding, ref Http2Frame frame)
    {
        _dataRemaining = dataLength;
        _padRemaining = padding;
        _state = State.Data;
        if (AliveDataHalf() is { } half)
        {
            if (half.HeaderBlocks == 0)
                half.HeadersLost = true;
            half.BodySize += dataLength;
        }
        return ParseData(data, pos, ref frame);
    }

    private Http2StepResult ParseData(ReadOnlySpan<byte> data, int pos, ref Http2Frame frame)
    {
        Http2Message? half = AliveDataHalf();
        int available = (int)Math.Min(data.Length - pos, _dataRemaining);
        if (half is not null && available > 0)
        {
            ReadOnlySpan<byte> bytes = data.Slice(pos, available);
            half.KeepBody(bytes);
            if (half.IsGrpc)
                half.Grpc.Feed(bytes);
        }
        pos += available;
        _dataRemaining -= available;
        if (_dataRemaining > 0 && half is not null && (half.BodyRoom > 0 || (half.IsGrpc && half.Grpc.SkippableBytes < _dataRemaining)))
            return Http2StepResult.NeedMoreData(pos);
        // Nothing more of this payload is needed: the driver skips the rest.
        if (half is not null && half.IsGrpc)
            half.Grpc.Skip(_dataRemaining);
        long skip = _dataRemaining + _padRemaining;
        _dataRemaining = 0;
        _padRemaining = 0;
        _dataStream = null;
        return Complete(pos, skip);
    }

    /// <summary>The message the DATA in progress belongs to, unless its stream closed meanwhile.</summary>
    private Http2Message? AliveDataHalf() =>
        _dataStream is { } stream && stream.Generation == _dataGeneration ? stream.Half(_sender) : null;

    private Http2Stream? Open(int id, bool withHeaders)
    {
        StreamOpening opening = _session.Streams.Open(id, withHeaders, out Http2Stream? stream, _session.Evicted);
        if (opening == StreamOpening.Closed)
            _counters.FramesOnClosedStreams.Value++;
        return stream;
    }

    private Http2StepResult Complete(int consumed, long skipAfter)
    {
        _state = State.Header;
        return Http2StepResult.Complete(consumed, skipAfter);
    }

    private static byte[] Grow(byte[] buffer, int used, int needed)
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(256, buffer.Length * 2)));
        buffer.AsSpan(0, used).CopyTo(bigger);
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    /// <summary>Takes fields nobody follows: the block is decoded only to keep the table right.</summary>
    private sealed class DiscardingFieldSink : IHpackFieldSink
    {
        public static readonly DiscardingFieldSink Instance = new();

        public void OnField(KnownField known, ReadOnlySpan<byte> field, int nameLength)
        {
        }

        public void OnUnknownField()
        {
        }
    }
}
