using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http2.Frames;
using Devtools.Core.Protocols.Http2.Hpack;
using Devtools.Core.Protocols.Http2.Streams;

namespace Devtools.Core.Protocols.Http2;

/// <summary>
/// What both directions of one HTTP/2 connection share: the streams (a request and its
/// response arrive on different sides), each sender's HPACK context and the settings
/// each side gave the other. The two parsers write into it as frames arrive; the
/// stitcher reads finished streams out of it.
/// </summary>
internal sealed class Http2Session : IDisposable
{
    /// <summary>Most dynamic table bytes kept per direction (peers almost always use 4096).</summary>
    internal const int MaxHpackTableBytes = 64 * 1024;

    private readonly HpackDecoder _requestDecoder;
    private readonly HpackDecoder _responseDecoder;
    private readonly int[] _maxFrameSize = [0, 0];

    public Http2Session(Http2Counters counters, Http2Limits limits)
    {
        Counters = counters;
        Limits = limits;
        _requestDecoder = new HpackDecoder(MaxHpackTableBytes, limits.RedactSecrets);
        _responseDecoder = new HpackDecoder(MaxHpackTableBytes, limits.RedactSecrets);
        Streams = new Http2StreamTable(limits.MaxOpenStreams, limits.MaxHeaderBytes, limits.MaxBodyBytes)
        {
            // Until a preface says otherwise, streams may predate us.
            JoinedLate = true,
        };
        Evicted = OnEvicted;
    }

    /// <summary>Called with a stream dropped unrecorded because too many were open (one delegate, made once).</summary>
    public Action<Http2Stream> Evicted { get; }

    public Http2Counters Counters { get; }

    public Http2Limits Limits { get; }

    public Http2StreamTable Streams { get; }

    /// <summary>The client's connection preface was seen: the connection is followed from its start.</summary>
    public bool SawClientPreface { get; private set; }

    /// <summary>The decoder of the header blocks that <paramref name="sender"/>'s side sends.</summary>
    public HpackDecoder Decoder(MessageKind sender) => sender == MessageKind.Request ? _requestDecoder : _responseDecoder;

    /// <summary>
    /// Largest frame payload <paramref name="sender"/> may send: what the other side
    /// allowed in SETTINGS_MAX_FRAME_SIZE; when we never saw its settings, anything.
    /// </summary>
    public int MaxFrameSize(MessageKind sender) => _maxFrameSize[(int)sender] is > 0 and int size ? size : Http2FrameHeader.MaxFrameSizeLimit;

    /// <summary>
    /// Largest frame payload <paramref name="sender"/> is believed to send when we must
    /// guess where frames start (after lost bytes): the negotiated size, or the default.
    /// </summary>
    public int StrictMaxFrameSize(MessageKind sender) => _maxFrameSize[(int)sender] is > 0 and int size ? size : Http2FrameHeader.DefaultMaxFrameSize;

    /// <summary>The client preface: both ends start here, with empty tables and default settings.</summary>
    public void OnClientPreface()
    {
        SawClientPreface = true;
        Streams.JoinedLate = false;
        _requestDecoder.StartFresh();
        StartSettings(MessageKind.Response);
    }

    /// <summary>The server's first SETTINGS (its preface): its header blocks start from an empty table.</summary>
    public void OnServerPreface()
    {
        _responseDecoder.StartFresh();
        StartSettings(MessageKind.Request);
    }

    /// <summary>
    /// One setting sent by <paramref name="sender"/>: it governs what the other side sends
    /// (RFC 9113 §6.5.2).
    /// </summary>
    public void ApplySetting(MessageKind sender, ushort identifier, uint value)
    {
        MessageKind governed = sender == MessageKind.Request ? MessageKind.Response : MessageKind.Request;
        switch (identifier)
        {
            case 0x1: // SETTINGS_HEADER_TABLE_SIZE
                Decoder(governed).AllowMaxSize(value);
                break;
            case 0x5: // SETTINGS_MAX_FRAME_SIZE
                if (value is >= Http2FrameHeader.DefaultMaxFrameSize and <= Http2FrameHeader.MaxFrameSizeLimit)
                    _maxFrameSize[(int)governed] = (int)value;
                break;
        }
    }

    public void Dispose()
    {
        Streams.ReleaseAll();
        _requestDecoder.Dispose();
        _responseDecoder.Dispose();
    }

    private void OnEvicted(Http2Stream stream)
    {
        Counters.StreamsEvicted.Value++;
        if (stream.Request.Seen)
            Counters.Protocol.UnmatchedRequests++;
        if (stream.Response.Seen)
            Counters.Protocol.UnmatchedResponses++;
    }

    /// <summary>Settings <paramref name="governed"/>'s sender has to follow start at their initial values.</summary>
    private void StartSettings(MessageKind governed)
    {
        if (_maxFrameSize[(int)governed] == 0)
            _maxFrameSize[(int)governed] = Http2FrameHeader.DefaultMaxFrameSize;
    }
}

/// <summary>
/// Bounds of one connection's HTTP/2 state, and whether secret values will be redacted
/// (then the decoder does not decode what redaction replaces).
/// </summary>
internal readonly record struct Http2Limits(int MaxOpenStreams, int MaxHeaderBytes, int MaxBodyBytes, int MaxHeaderBlockBytes, bool RedactSecrets = true)
{
    /// <summary>Streams open at once per connection (servers usually allow 100–250).</summary>
    public const int DefaultMaxOpenStreams = 256;

    /// <summary>Decoded field bytes kept per message: more than the 8 KiB headers JSON shows.</summary>
    public const int DefaultMaxHeaderBytes = 16 * 1024;

    public static Http2Limits From(ProtocolOptions options) => new(
        DefaultMaxOpenStreams,
        Math.Clamp(Math.Max(options.MaxHeadersJsonBytes, DefaultMaxHeaderBytes), 256, 1 << 20),
        Math.Clamp(options.MaxBodyBytes, 0, 16 << 20),
        Math.Clamp(options.MaxHeadBytes, 1024, 16 << 20),
        options.RedactSecrets);
}
