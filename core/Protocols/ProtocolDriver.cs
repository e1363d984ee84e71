using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols;

/// <summary>
/// The machinery every protocol shares: feeds each direction's reassembled bytes to
/// that direction's parser, steps over or resynchronises after holes, stamps frames
/// with the kernel timestamps of their first and last bytes, queues them, and calls
/// the stitcher. A protocol supplies only a parser per direction and a stitcher.
/// </summary>
public sealed class ProtocolDriver<TFrame> : IConnectionProtocol
    where TFrame : struct, IFrame
{
    private readonly Connection _connection;
    private readonly IStitcher<TFrame> _stitcher;
    private readonly ProtocolCounters _counters;
    private readonly int _maxQueuedFrames;
    private readonly Side _requests;
    private readonly Side _responses;
    private bool _closed;

    public ProtocolDriver(
        string name,
        Connection connection,
        IFrameParser<TFrame> requestParser,
        IFrameParser<TFrame> responseParser,
        IStitcher<TFrame> stitcher,
        ProtocolServices services)
    {
        Name = name;
        _connection = connection;
        _stitcher = stitcher;
        _counters = services.Counters.Protocol(name);
        _counters.Connections++;
        _maxQueuedFrames = services.Options.MaxQueuedFrames;
        Direction requestDirection = connection.Info.Role.RequestDirection();
        _requests = new Side(MessageKind.Request, requestParser, connection.Stream(requestDirection));
        _responses = new Side(MessageKind.Response, responseParser, connection.Stream(requestDirection.Opposite()));
    }

    public string Name { get; }

    public void Process(Direction direction)
    {
        if (_closed)
            return;
        Side side = _connection.Info.Role.RequestDirection() == direction ? _requests : _responses;
        Side peer = ReferenceEquals(side, _requests) ? _responses : _requests;
        Run(side, peer);
    }

    public void Close()
    {
        if (_closed)
            return;
        // Whatever is still buffered gets its last chance, then bodies that end
        // with the connection complete.
        Run(_requests, _responses);
        Run(_responses, _requests);
        CompleteAtEndOfStream(_requests);
        CompleteAtEndOfStream(_responses);
        Stitch(endOfStream: true);
        _closed = true;
        Dispose();
    }

    public void Dispose()
    {
        _requests.ReleaseAll();
        _responses.ReleaseAll();
        // Parsers and stitchers that keep pooled buffers or per-connection state give them
        // back here, whether the connection closed or was dropped (so the next connection
        // rents them again instead of the pool allocating new ones).
        (_requests.Parser as IDisposable)?.Dispose();
        (_responses.Parser as IDisposable)?.Dispose();
        (_stitcher as IDisposable)?.Dispose();
    }

    private void Run(Side side, Side peer)
    {
        DataStream stream = side.Stream;
        var context = new ParseContext<TFrame>(_connection.Info, side.Kind, peer.Frames);
        while (true)
        {
            if (side.SkipRemaining > 0)
            {
                if (!Skip(side))
                    return;
                continue;
            }

            // Right after a hole was absorbed the parser gets a call even without
            // bytes: the hole may have been the end of its frame.
            if (!side.ResumeAfterHole && stream.TryPeekHole(out Hole hole))
            {
                OnHole(side, hole);
                continue;
            }

            ReadOnlySpan<byte> data = stream.Readable;
            if (side.Resyncing)
            {
                if (data.IsEmpty || !Resync(side, data, context))
                    return;
                continue;
            }
            if (data.IsEmpty && !side.ResumeAfterHole)
                return;
            side.ResumeAfterHole = false;

            ParseResult result = side.Parser.Parse(data, ref side.Current, context);
            int consumed = Math.Clamp(result.Consumed, 0, data.Length);
            switch (result.Status)
            {
                case ParseStatus.NeedMoreData:
                    if (consumed > 0)
                        ConsumeIntoFrame(side, consumed);
                    // A hole straight after these bytes is news the parser must hear now,
                    // not when the next event arrives.
                    if (consumed == data.Length && stream.TryPeekHole(out _))
                        continue;
                    // Bytes the parser waits to see more of, with a hole right behind them:
                    // more will never come. They go with the frame, and parsing resumes after the hole.
                    if (consumed < data.Length && stream.ReadableEndsAtHole)
                    {
                        DropBeforeHole(side, data.Length - consumed);
                        continue;
                    }
                    return;
                case ParseStatus.Skipped:
                    if (consumed == 0)
                        return;
                    stream.Consume(consumed);
                    break;
                case ParseStatus.Progress:
                    if (consumed == 0)
                        return;
                    ConsumeIntoFrame(side, consumed);
                    break;
                case ParseStatus.FrameComplete:
                    long lastNs = BeginAndEndFrame(side, consumed);
                    stream.Consume(consumed);
                    if (result.SkipAfter > 0)
                    {
                        side.SkipRemaining = result.SkipAfter;
                        side.LastNs = lastNs;
                    }
                    else
                    {
                        CompleteFrame(side, lastNs);
                    }
                    break;
                case ParseStatus.Invalid:
                default:
                    _counters.ParseErrors++;
                    // Always move on by at least a byte so resynchronisation cannot find
                    // the same bad start again (there may be no byte after an absorbed hole).
                    stream.Consume(Math.Min(data.Length, Math.Max(1, consumed)));
                    Abandon(side);
                    side.Resyncing = true;
                    break;
            }
        }
    }

    /// <summary>Discards bytes of a completed frame that nobody needs. False when out of data.</summary>
    private bool Skip(Side side)
    {
        DataStream stream = side.Stream;
        if (stream.TryPeekHole(out Hole hole))
        {
            long n = Math.Min(hole.Length, side.SkipRemaining);
            stream.ConsumeHole(n);
            _counters.AbsorbedHoleBytes += n;
            side.SkipRemaining -= n;
            side.LastNs = hole.TimestampNs;
        }
        else
        {
            ReadOnlySpan<byte> data = stream.Readable;
            if (data.IsEmpty)
                return false;
            int n = (int)Math.Min(data.Length, side.SkipRemaining);
            side.LastNs = stream.TimestampAt(n - 1);
            stream.Consume(n);
            side.SkipRemaining -= n;
        }
        if (side.SkipRemaining == 0)
            CompleteFrame(side, side.LastNs);
        return true;
    }

    private void OnHole(Side side, Hole hole)
    {
        DataStream stream = side.Stream;
        if (side.InFrame && !side.Resyncing)
        {
            long absorbed = Math.Clamp(side.Parser.AbsorbHole(hole.Length, ref side.Current), 0, hole.Length);
            if (absorbed > 0)
            {
                _counters.AbsorbedHoleBytes += absorbed;
                stream.ConsumeHole(absorbed);
                side.LastNs = hole.TimestampNs;
                side.ResumeAfterHole = true;
                return;
            }
        }
        // The bytes after the hole start at an unknown place: find the next frame.
        if (side.InFrame)
            _counters.FramesLostToGaps++;
        Abandon(side);
        stream.ConsumeHole(hole.Length);
        side.Resyncing = true;
    }

    private bool Resync(Side side, ReadOnlySpan<byte> data, in ParseContext<TFrame> context)
    {
        int boundary = side.Parser.FindFrameBoundary(data, context);
        if (boundary >= 0)
        {
            side.Stream.Consume(boundary);
            _counters.ResyncSkippedBytes += boundary;
            _counters.Resyncs++;
            side.Resyncing = false;
            return true;
        }
        // Bytes kept to see whether a boundary starts in them can only be completed by more
        // bytes; with a hole after them, none will come.
        int keep = side.Stream.ReadableEndsAtHole ? 0 : Math.Min(data.Length, side.Parser.MaxBoundaryLength);
        int discard = data.Length - keep;
        if (discard == 0)
            return false;
        side.Stream.Consume(discard);
        _counters.ResyncSkippedBytes += discard;
        return true;
    }

    private void DropBeforeHole(Side side, int count)
    {
        // Whether the parser consumed the frame's first bytes already or waits to see it whole,
        // those bytes began a frame that can no longer complete.
        _counters.FramesLostToGaps++;
        Abandon(side);
        side.Stream.Consume(count);
        _counters.ResyncSkippedBytes += count;
        side.Resyncing = true;
    }

    /// <summary>Consumes bytes of a frame that is not complete yet.</summary>
    private static void ConsumeIntoFrame(Side side, int consumed)
    {
        BeginFrame(side);
        side.LastNs = side.Stream.TimestampAt(consumed - 1);
        side.Stream.Consume(consumed);
    }

    private static void BeginFrame(Side side)
    {
        if (side.InFrame)
            return;
        side.InFrame = true;
        side.Current.StartNs = side.Stream.TimestampAt(0);
    }

    /// <summary>
    /// For a frame that completes with <paramref name="consumed"/> more bytes: begins it if
    /// this is its first call, and gives the timestamp of its last byte.
    /// </summary>
    private static long BeginAndEndFrame(Side side, int consumed)
    {
        DataStream stream = side.Stream;
        if (side.InFrame)
        {
            // With nothing consumed now, the frame's last byte is whatever it consumed
            // last (bytes or an absorbed hole).
            return consumed > 0 ? stream.TimestampAt(consumed - 1) : side.LastNs;
        }
        // A frame whole in one call (the common case): both ends' timestamps at once.
        stream.TimestampsAt(Math.Max(consumed - 1, 0), out long firstNs, out long lastNs);
        side.InFrame = true;
        side.Current.StartNs = firstNs;
        return lastNs;
    }

    private void CompleteFrame(Side side, long endNs)
    {
        side.Current.EndNs = endNs;
        if (side.Kind == MessageKind.Request)
            _counters.RequestFrames++;
        else
            _counters.ResponseFrames++;
        if (side.Frames.Count >= _maxQueuedFrames)
        {
            side.Frames.Head.Release();
            side.Frames.RemoveHead();
            _counters.QueueOverflowFrames++;
        }
        side.Frames.Enqueue(side.Current);
        side.Current = default;
        side.InFrame = false;
        Stitch(endOfStream: false);
    }

    private void CompleteAtEndOfStream(Side side)
    {
        if (side.SkipRemaining > 0)
        {
            // The connection closed inside bytes we were skipping: the frame is cut short.
            side.SkipRemaining = 0;
            _counters.FramesLostToGaps++;
            Abandon(side);
            return;
        }
        if (side.InFrame && !side.Resyncing && side.Parser.TryCompleteAtEndOfStream(ref side.Current))
        {
            CompleteFrame(side, side.Stream.LastTimestampNs);
            return;
        }
        if (side.InFrame)
            _counters.IncompleteFramesAtClose++;
        Abandon(side);
    }

    private static void Abandon(Side side)
    {
        if (side.InFrame)
            side.Current.Release();
        side.Current = default;
        side.InFrame = false;
        side.SkipRemaining = 0;
        side.ResumeAfterHole = false;
        side.Parser.Reset();
    }

    private void Stitch(bool endOfStream)
    {
        var context = new StitchContext(_connection.Info, _counters, endOfStream);
        _stitcher.Stitch(_requests.Frames, _responses.Frames, context);
        if (endOfStream)
        {
            _counters.UnmatchedRequests += _requests.Frames.Count;
            _counters.UnmatchedResponses += _responses.Frames.Count;
            _requests.ReleaseFrames();
            _responses.ReleaseFrames();
        }
    }

    /// <summary>One direction: its stream, parser, frame in progress and completed frames.</summary>
    private sealed class Side(MessageKind kind, IFrameParser<TFrame> parser, DataStream stream)
    {
        public readonly MessageKind Kind = kind;
        public readonly IFrameParser<TFrame> Parser = parser;
        public readonly DataStream Stream = stream;
        public readonly RingQueue<TFrame> Frames = new(4);
        public TFrame Current;
        public bool InFrame;
        public bool Resyncing;
        public long SkipRemaining;
        /// <summary>Timestamp of the last byte or hole consumed into the frame in progress.</summary>
        public long LastNs;
        /// <summary>A hole was just absorbed: call the parser even if no bytes follow yet.</summary>
        public bool ResumeAfterHole;

        public void ReleaseFrames()
        {
            while (!Frames.IsEmpty)
            {
                Frames.Head.Release();
                Frames.RemoveHead();
            }
        }

        public void ReleaseAll()
        {
            ReleaseFrames();
            if (InFrame)
                Current.Release();
            Current = default;
            InFrame = false;
        }
    }
}
