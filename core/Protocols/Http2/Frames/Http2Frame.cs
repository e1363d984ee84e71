namespace Devtools.Core.Protocols.Http2.Frames;

/// <summary>
/// One HTTP/2 frame as the driver queues it — a header block (HEADERS or PUSH_PROMISE
/// with its CONTINUATIONs) counts as one — stamped with the kernel times of its first
/// and last bytes. What a frame carries (fields, body bytes) has already gone into its
/// stream in the <see cref="Http2Session"/>; the frame tells the stitcher when, and
/// whether it ended or reset the stream. Owns no buffer.
/// </summary>
public struct Http2Frame : IFrame
{
    public long StartNs { get; set; }

    public long EndNs { get; set; }

    public Http2FrameType Type { get; internal set; }

    public int StreamId { get; internal set; }

    /// <summary>END_STREAM was set: the sender's side of the stream is over.</summary>
    public bool EndsStream { get; internal set; }

    /// <summary>PUSH_PROMISE: the stream the server promised.</summary>
    public int PromisedStreamId { get; internal set; }

    /// <summary>RST_STREAM, GOAWAY: the error code.</summary>
    public uint ErrorCode { get; internal set; }

    public readonly void Release()
    {
    }
}
