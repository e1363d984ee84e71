using Devtools.Core.Common;
using Devtools.Core.Connections;

namespace Devtools.Core.Protocols;

/// <summary>
/// Parses one direction of one connection into frames. A parser is a resumable
/// state machine: it may consume a frame in many calls (a chunked body arriving
/// over many events) and keeps only what it needs, so memory stays bounded
/// however large a message is.
/// </summary>
public interface IFrameParser<TFrame>
    where TFrame : struct, IFrame
{
    /// <summary>
    /// Parses from the head of <paramref name="data"/> into <paramref name="frame"/>
    /// (default when a new frame starts; the same instance across calls while a
    /// frame is in progress). Right after <see cref="AbsorbHole"/> stepped over
    /// missing bytes, <paramref name="data"/> may be empty: a frame whose last bytes
    /// were the hole (a body sent with sendfile) completes then, with Consumed 0.
    /// </summary>
    ParseResult Parse(ReadOnlySpan<byte> data, ref TFrame frame, in ParseContext<TFrame> context);

    /// <summary>
    /// <paramref name="count"/> stream bytes are missing at the head while
    /// <paramref name="frame"/> is in progress. Returns how many of them the frame
    /// steps over because they fall inside a body it does not need whole: 0 abandons
    /// the frame and resynchronises after the hole; fewer than <paramref name="count"/>
    /// means the frame ends inside the hole (the rest is a gap before the next frame).
    /// The driver then calls <see cref="Parse"/> so that the frame can complete.
    /// </summary>
    long AbsorbHole(long count, ref TFrame frame);

    /// <summary>
    /// After a gap or an error: the index in <paramref name="data"/> where a frame
    /// plausibly starts, or -1 if none does (the driver then discards all but the
    /// last <see cref="MaxBoundaryLength"/> bytes and waits for more).
    /// </summary>
    int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<TFrame> context);

    /// <summary>Longest byte sequence <see cref="FindFrameBoundary"/> needs to see whole.</summary>
    int MaxBoundaryLength { get; }

    /// <summary>
    /// The connection closed with <paramref name="frame"/> in progress. Return true
    /// if that completes it (a body delimited by the close).
    /// </summary>
    bool TryCompleteAtEndOfStream(ref TFrame frame);

    /// <summary>Forgets all state (after an error or a gap).</summary>
    void Reset();
}

/// <summary>What a parser may look at besides its own bytes.</summary>
public readonly struct ParseContext<TFrame>(ConnectionInfo connection, MessageKind kind, RingQueue<TFrame> peerFrames)
    where TFrame : struct, IFrame
{
    public ConnectionInfo Connection { get; } = connection;

    /// <summary>Whether this direction carries requests or responses.</summary>
    public MessageKind Kind { get; } = kind;

    /// <summary>
    /// Completed frames of the other direction not stitched yet. For a response
    /// parser, the head is the request this response answers (HTTP/1: a response
    /// to HEAD has no body).
    /// </summary>
    public RingQueue<TFrame> PeerFrames { get; } = peerFrames;
}
