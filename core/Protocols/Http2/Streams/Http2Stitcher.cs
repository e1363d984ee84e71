using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http2.Frames;

namespace Devtools.Core.Protocols.Http2.Streams;

/// <summary>
/// Pairs by stream, not by order: HTTP/2 answers requests in any order, interleaved.
/// Each frame the parsers complete tells when a stream's request or response began or
/// ended; a stream is recorded once both ends sent END_STREAM, or when either reset it
/// (with what was known, and counted), or at the close if its response had begun.
/// </summary>
/// <remarks>
/// Frames are consumed as they come (their content is already in the session's
/// streams), so the driver's queues never hold more than one.
/// </remarks>
internal sealed class Http2Stitcher : IStitcher<Http2Frame>, IDisposable
{
    private readonly Http2Session _session;
    private readonly Http2RecordWriter _writer;

    public Http2Stitcher(Http2Session session, IHttpTransactionSink? sink)
    {
        _session = session;
        _writer = new Http2RecordWriter(session.Counters, sink);
    }

    public void Stitch(RingQueue<Http2Frame> requests, RingQueue<Http2Frame> responses, in StitchContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        while (!requests.IsEmpty)
        {
            Apply(ref requests.Head, MessageKind.Request, context);
            requests.Dequeue();
        }
        while (!responses.IsEmpty)
        {
            Apply(ref responses.Head, MessageKind.Response, context);
            responses.Dequeue();
        }
        if (context.EndOfStream)
            CloseAll(context);
    }

    private void Apply(ref Http2Frame frame, MessageKind sender, in StitchContext context)
    {
        switch (frame.Type)
        {
            case Http2FrameType.Headers:
            case Http2FrameType.Data:
                if (_session.Streams.Find(frame.StreamId) is not { } stream)
                    return;
                Http2Message half = stream.Half(sender);
                half.Start(frame.StartNs);
                half.EndNs = frame.EndNs;
                if (frame.EndsStream)
                {
                    half.Ended = true;
                    TryRecord(stream, context);
                }
                return;
            case Http2FrameType.PushPromise:
                if (_session.Streams.Find(frame.PromisedStreamId) is not { } promised)
                    return;
                // A promised request is whole in its PUSH_PROMISE: it has no body.
                promised.Request.Start(frame.StartNs);
                promised.Request.EndNs = frame.EndNs;
                promised.Request.Ended = true;
                return;
            case Http2FrameType.RstStream:
                if (_session.Streams.Find(frame.StreamId) is not { } reset)
                    return;
                _session.Counters.StreamsReset.Value++;
                Record(reset, context, new StreamEnd(frame.EndNs, sender, frame.ErrorCode));
                return;
        }
    }

    /// <summary>The connection's state is dropped: its streams' and decoders' buffers go back to their pools.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _writer.Dispose();
    }

    private void TryRecord(Http2Stream stream, in StitchContext context)
    {
        // A response that ended for a request we never saw anything of (a connection joined
        // late) will not be followed by more of that request.
        if (!stream.Response.Ended || (!stream.Request.Ended && stream.Request.Seen))
            return;
        _session.Counters.StreamsCompleted.Value++;
        Record(stream, context, new StreamEnd(stream.Response.EndNs, Reset: null, 0));
    }

    private void Record(Http2Stream stream, in StitchContext context, StreamEnd end)
    {
        context.Counters.Records++;
        _writer.Write(stream, context.Connection, end);
        _session.Streams.Close(stream);
    }

    /// <summary>The connection is gone: streams whose response had begun are recorded as they are, the rest counted.</summary>
    private void CloseAll(in StitchContext context)
    {
        List<Http2Stream>? cut = null;
        foreach (Http2Stream stream in _session.Streams.OpenStreams)
        {
            if (stream.Response.HeaderBlocks > 0 || stream.Response.BodySize > 0)
            {
                (cut ??= []).Add(stream);
                continue;
            }
            if (stream.Request.Seen)
                context.Counters.UnmatchedRequests++;
        }
        if (cut is not null)
        {
            foreach (Http2Stream stream in cut.OrderBy(s => s.Sequence))
            {
                _session.Counters.StreamsCutByClose.Value++;
                Record(stream, context, new StreamEnd(stream.Response.EndNs, Reset: null, 0));
            }
        }
        _session.Dispose();
    }
}

/// <summary>How a recorded stream ended: when, and whether (by whom, with what code) it was reset.</summary>
internal readonly record struct StreamEnd(long EndNs, MessageKind? Reset, uint ErrorCode);
